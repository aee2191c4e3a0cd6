package org.electionpool.hub.indicators.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.electionpool.hub.api.audit.AuditAction;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.api.indicators.Distribution;
import org.electionpool.hub.api.indicators.IndicatorFilter;
import org.electionpool.hub.api.indicators.Tlp;
import org.electionpool.hub.api.problem.FieldViolation;
import org.electionpool.hub.api.problem.HubException;
import org.electionpool.hub.api.problem.ProblemType;
import org.electionpool.hub.api.security.Authorization;
import org.electionpool.hub.api.security.Caller;
import org.electionpool.hub.api.security.Role;
import org.electionpool.hub.api.stix.StixImportReport;
import org.electionpool.hub.api.stix.StixService;
import org.electionpool.hub.audit.AuditEvent;
import org.electionpool.hub.audit.AuditLog;
import org.electionpool.hub.indicators.domain.IndicatorRecord;
import org.electionpool.hub.indicators.domain.PageCursor;
import org.electionpool.hub.indicators.domain.SightingRecord;
import org.electionpool.hub.indicators.stix.StixObjects;
import org.electionpool.hub.indicators.stix.StixParty;

/**
 * STIX 2.1 export and import ({@link StixService}): the export reads through {@link IndicatorStore}
 * with {@link Visibility}'s predicate like every other read, and leaves out {@code RED}; the
 * import goes through {@link StixImporter}, all or nothing.
 */
@Stateless
public class StixServiceBean implements StixService {

    static final JsonProvider JSON = JsonProvider.provider();

    /** Rejects duplicate member names, as the hub's strict JSON does everywhere. */
    static final JsonReaderFactory READERS = JSON.createReaderFactory(Map.of("org.eclipse.parsson.rejectDuplicateKeys", true));

    /** Rows per query: the whole export in one sorted scan in the common case. */
    private static final int CHUNK = MAX_EXPORT_INDICATORS + 1;

    @Inject
    IndicatorStore store;

    @Inject
    StixImporter importer;

    @Inject
    AuditLog auditLog;

    @Override
    public String exportBundle(Caller caller, AuditContext context, IndicatorFilter filter) {
        Authorization.requireSameActor(caller, context);
        Authorization.requireMember(caller);
        String org = caller.organization().value();
        List<IndicatorRecord> rows = new ArrayList<>();
        PageCursor after = null;
        while (true) {
            List<IndicatorRecord> page = store.page(filter, org, caller.kind(), after, CHUNK);
            for (IndicatorRecord r : page) {
                if (r.currentTlp() != Tlp.RED) {
                    rows.add(r);
                }
            }
            if (rows.size() > MAX_EXPORT_INDICATORS) {
                throw new HubException(ProblemType.INVALID_PARAMETER, "More than " + MAX_EXPORT_INDICATORS
                        + " indicators match; narrow the filter (updated_since, type, election) or page with TAXII.");
            }
            if (page.size() < CHUNK) {
                break;
            }
            IndicatorRecord last = page.get(page.size() - 1);
            after = new PageCursor(last.created(), last.id());
        }
        Map<String, StixParty> parties = store.parties();
        Map<String, List<SightingRecord>> sightings = store.sightingsOf(rows.stream().map(IndicatorRecord::id).toList(),
                org, caller.kind());
        Map<String, JsonObject> objects = new LinkedHashMap<>();
        int sightingCount = 0;
        for (IndicatorRecord r : rows) {
            for (JsonObject o : StixObjects.indicator(r, r.currentTlp(), parties::get)) {
                objects.putIfAbsent(key(o), o);
            }
            for (SightingRecord s : sightings.getOrDefault(r.id(), List.of())) {
                if (s.tlp() == Tlp.RED) {
                    continue; // RED never leaves in bulk, a sighting no more than an indicator
                }
                sightingCount++;
                for (JsonObject o : StixObjects.sighting(s, s.tlp(), parties::get)) {
                    objects.putIfAbsent(key(o), o);
                }
            }
        }
        String bundle = bundle(objects.values());
        auditLog.append(new AuditEvent(context, AuditAction.STIX_BUNDLE_EXPORTED, null, null, Map.of(
                "filter", IndicatorServiceBean.filterDetails(filter), "objects", objects.size(), "indicators", rows.size(),
                "sightings", sightingCount)));
        return bundle;
    }

    @Override
    public StixImportReport importBundle(Caller caller, AuditContext context, String bundleJson, Distribution distribution) {
        Authorization.requireRole(caller, Role.ANALYST);
        Authorization.requireSameActor(caller, context);
        Visibility.requireSharingKind(caller);
        JsonObject bundle = parse(bundleJson);
        if (!"bundle".equals(StixImporter.string(bundle, "type")) || StixImporter.string(bundle, "id") == null
                || !StixImporter.string(bundle, "id").startsWith("bundle--")) {
            throw new HubException(ProblemType.STIX_UNREPRESENTABLE, "The body is not a STIX 2.1 bundle.",
                    List.of(new FieldViolation("/type", "must be bundle, with an id bundle--<uuid>")));
        }
        List<JsonObject> objects = objects(bundle.get("objects"), "/objects");
        StixImporter.Result result = importer.run(caller, context, objects, "/objects",
                new StixImporter.Target(Set.of(), null, distribution == null ? Distribution.NONE : distribution), false);
        if (!result.failures().isEmpty()) {
            throw new HubException(ProblemType.STIX_UNREPRESENTABLE, result.failed().size() + " of " + objects.size()
                    + " objects cannot be represented by the hub; nothing was imported.", result.failures());
        }
        Map<StixImportReport.Outcome, Integer> counts = new LinkedHashMap<>();
        for (StixImportReport.Outcome o : StixImportReport.Outcome.values()) {
            counts.put(o, 0);
        }
        result.imported().forEach(i -> counts.merge(i.outcome(), 1, Integer::sum));
        auditLog.append(new AuditEvent(context, AuditAction.STIX_BUNDLE_IMPORTED, null, null, Map.of(
                "bundle", StixImporter.string(bundle, "id"), "objects", objects.size(),
                "created", counts.get(StixImportReport.Outcome.CREATED),
                "updated", counts.get(StixImportReport.Outcome.UPDATED),
                "unchanged", counts.get(StixImportReport.Outcome.UNCHANGED))));
        return new StixImportReport(StixImporter.string(bundle, "id"), objects.size(), result.imported(), result.referenced());
    }

    /** @return the objects of a bundle or envelope, each an object, at most {@link #MAX_IMPORT_OBJECTS} */
    static List<JsonObject> objects(JsonValue value, String pointer) {
        if (!(value instanceof JsonArray array)) {
            throw new HubException(ProblemType.STIX_UNREPRESENTABLE, "There is no objects array.",
                    List.of(new FieldViolation(pointer, "must be an array of STIX objects")));
        }
        if (array.size() > MAX_IMPORT_OBJECTS) {
            throw new HubException(ProblemType.PAYLOAD_TOO_LARGE, "At most " + MAX_IMPORT_OBJECTS
                    + " objects at a time; this one holds " + array.size() + ".");
        }
        List<JsonObject> out = new ArrayList<>(array.size());
        List<FieldViolation> bad = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i) instanceof JsonObject o) {
                out.add(o);
            } else {
                bad.add(new FieldViolation(pointer + "/" + i, "must be a STIX object"));
            }
        }
        if (!bad.isEmpty()) {
            throw new HubException(ProblemType.STIX_UNREPRESENTABLE, "Some members of objects are not objects.", bad);
        }
        return out;
    }

    /** @return the JSON object of the text (duplicate member names refused) */
    static JsonObject parse(String json) {
        try (JsonReader reader = READERS.createReader(new StringReader(json == null ? "" : json))) {
            JsonValue v = reader.readValue();
            if (!(v instanceof JsonObject o)) {
                throw new HubException(ProblemType.MALFORMED_REQUEST, "The body must be a JSON object.");
            }
            return o;
        } catch (JsonException e) {
            throw new HubException(ProblemType.MALFORMED_REQUEST, "The body is not valid JSON (or repeats a member name).");
        }
    }

    /** @return the bundle of the objects as JSON text */
    static String bundle(Iterable<JsonObject> objects) {
        StringWriter out = new StringWriter(64 * 1024);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject().write("type", "bundle").write("id", "bundle--" + UUID.randomUUID()).writeStartArray("objects");
            for (JsonObject o : objects) {
                g.write(o);
            }
            g.writeEnd().writeEnd();
        }
        return out.toString();
    }

    /** @return the identity of an object version: its id and {@code modified} (or {@code created}) */
    static String key(JsonObject o) {
        String at = StixImporter.string(o, "modified");
        return o.getString("id") + "@" + (at == null ? StixImporter.string(o, "created") : at);
    }
}
