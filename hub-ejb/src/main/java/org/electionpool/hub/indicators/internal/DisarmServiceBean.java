package org.electionpool.hub.indicators.internal;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.electionpool.hub.api.indicators.DisarmService;
import org.electionpool.hub.api.indicators.DisarmTechnique;
import org.electionpool.hub.api.indicators.DisarmTechniqueList;
import org.electionpool.hub.api.security.Authorization;
import org.electionpool.hub.api.security.Caller;

/**
 * The DISARM catalogue, read once from {@code disarm/disarm-techniques.json} (a subset of the
 * DISARM framework's STIX bundle v1.6, derived by tools/disarm-subset.py; CC BY-SA 4.0, licence
 * beside it). Immutable after loading, so reads take no lock.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DisarmServiceBean implements DisarmService {

    /** The catalogue file on the class path. */
    static final String RESOURCE = "disarm/disarm-techniques.json";

    private static final Catalogue CATALOGUE = Catalogue.load();

    @Override
    public DisarmTechniqueList techniques(Caller caller) {
        Authorization.requireMember(caller);
        return CATALOGUE.list;
    }

    @Override
    public Optional<DisarmTechnique> find(String id) {
        return Optional.ofNullable(CATALOGUE.byId.get(id));
    }

    /** @return the catalogue, for code outside the container (tests, the benchmark) */
    public static DisarmTechniqueList catalogue() {
        return CATALOGUE.list;
    }

    /** @return the technique of an id, for code outside the container */
    public static Optional<DisarmTechnique> technique(String id) {
        return Optional.ofNullable(CATALOGUE.byId.get(id));
    }

    private record Catalogue(DisarmTechniqueList list, Map<String, DisarmTechnique> byId) {

        static Catalogue load() {
            try (InputStream in = DisarmServiceBean.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing " + RESOURCE);
                }
                try (JsonReader reader = Json.createReader(in)) {
                    JsonObject root = reader.readObject();
                    Map<String, String> tactics = new LinkedHashMap<>();
                    for (JsonValue t : root.getJsonArray("tactics")) {
                        JsonObject o = t.asJsonObject();
                        tactics.put(o.getString("id"), o.getString("id") + " " + o.getString("name"));
                    }
                    Map<String, DisarmTechnique> byId = new LinkedHashMap<>();
                    for (JsonValue t : root.getJsonArray("techniques")) {
                        JsonObject o = t.asJsonObject();
                        List<String> of = new ArrayList<>();
                        for (JsonValue id : o.getJsonArray("tactics")) {
                            of.add(tactics.getOrDefault(((jakarta.json.JsonString) id).getString(), ((jakarta.json.JsonString) id).getString()));
                        }
                        byId.put(o.getString("id"), new DisarmTechnique(o.getString("id"), o.getString("name"),
                                List.copyOf(of), o.getString("stixId"), o.getString("url")));
                    }
                    DisarmTechniqueList list = new DisarmTechniqueList(root.getString("version"),
                            root.getString("attribution"), List.copyOf(byId.values()));
                    return new Catalogue(list, Collections.unmodifiableMap(byId));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
