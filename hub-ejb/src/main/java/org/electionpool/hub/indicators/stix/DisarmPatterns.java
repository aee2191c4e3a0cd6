package org.electionpool.hub.indicators.stix;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The DISARM techniques (v1.6, DISARM Foundation, CC BY-SA 4.0) as the {@code attack-pattern}
 * objects of the DISARM STIX bundle itself: the same ids, {@code created} and {@code modified},
 * name, description, kill-chain phases ({@code mitre-attack}, the tactic's short name) and the
 * external reference carrying the technique id — so that a tool that imported DISARM already
 * sees the same object, not a new version. Read from the hub's catalogue file
 * ({@code disarm/disarm-techniques.json}, derived by tools/disarm-subset.py).
 */
public final class DisarmPatterns {

    private static final JsonProvider JSON = JsonProvider.provider();

    private static final Map<String, JsonObject> BY_TECHNIQUE;

    private static final Map<String, String> BY_STIX_ID;

    static {
        Map<String, JsonObject> byTechnique = new LinkedHashMap<>();
        Map<String, String> byStix = new HashMap<>();
        try (InputStream in = DisarmPatterns.class.getClassLoader().getResourceAsStream("disarm/disarm-techniques.json")) {
            if (in == null) {
                throw new IllegalStateException("missing disarm/disarm-techniques.json");
            }
            try (JsonReader reader = JSON.createReader(in)) {
                JsonObject root = reader.readObject();
                Map<String, String> shortNames = new HashMap<>();
                for (JsonValue t : root.getJsonArray("tactics")) {
                    shortNames.put(t.asJsonObject().getString("id"), t.asJsonObject().getString("shortname"));
                }
                for (JsonValue t : root.getJsonArray("techniques")) {
                    JsonObject o = t.asJsonObject();
                    var phases = JSON.createArrayBuilder();
                    for (JsonValue tactic : o.getJsonArray("tactics")) {
                        phases.add(JSON.createObjectBuilder().add("kill_chain_name", "mitre-attack")
                                .add("phase_name", shortNames.get(((JsonString) tactic).getString())));
                    }
                    var b = JSON.createObjectBuilder()
                            .add("type", "attack-pattern")
                            .add("spec_version", "2.1")
                            .add("id", o.getString("stixId"))
                            .add("created", o.getString("created"))
                            .add("modified", o.getString("modified"))
                            .add("name", o.getString("name"));
                    if (!o.getString("description", "").isEmpty()) {
                        b.add("description", o.getString("description"));
                    }
                    b.add("kill_chain_phases", phases)
                            .add("external_references", JSON.createArrayBuilder().add(JSON.createObjectBuilder()
                                    .add("source_name", "mitre-attack").add("url", o.getString("url"))
                                    .add("external_id", o.getString("id"))));
                    byTechnique.put(o.getString("id"), b.build());
                    byStix.put(o.getString("stixId"), o.getString("id"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        BY_TECHNIQUE = Collections.unmodifiableMap(byTechnique);
        BY_STIX_ID = Collections.unmodifiableMap(byStix);
    }

    private DisarmPatterns() {
    }

    /** @return the attack-pattern of a technique id such as {@code T0097.111} */
    public static Optional<JsonObject> of(String technique) {
        return Optional.ofNullable(BY_TECHNIQUE.get(technique));
    }

    /** @return the technique id of a DISARM attack-pattern STIX id */
    public static Optional<String> technique(String attackPatternId) {
        return Optional.ofNullable(BY_STIX_ID.get(attackPatternId));
    }
}
