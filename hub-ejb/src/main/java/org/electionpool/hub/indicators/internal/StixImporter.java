package org.electionpool.hub.indicators.internal;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.api.indicators.CreateIndicatorRequest;
import org.electionpool.hub.api.indicators.Distribution;
import org.electionpool.hub.api.indicators.IndicatorId;
import org.electionpool.hub.api.indicators.IndicatorService;
import org.electionpool.hub.api.indicators.NewVersionRequest;
import org.electionpool.hub.api.indicators.SightingAction;
import org.electionpool.hub.api.indicators.SightingRequest;
import org.electionpool.hub.api.indicators.Tlp;
import org.electionpool.hub.api.problem.FieldViolation;
import org.electionpool.hub.api.security.Caller;
import org.electionpool.hub.api.stix.StixImportReport;
import org.electionpool.hub.indicators.domain.IndicatorRecord;
import org.electionpool.hub.indicators.domain.IndicatorValue;
import org.electionpool.hub.indicators.stix.DisarmPatterns;
import org.electionpool.hub.indicators.stix.StixPatterns;
import org.electionpool.hub.protocol.stix.StixTime;
import org.electionpool.hub.indicators.stix.TlpMarkings;

/**
 * Reads STIX 2.1 objects into the caller's own indicators and sightings, for the STIX import and
 * TAXII's {@code POST objects} (docs/taxii.md, Import). Everything is decided before anything is
 * written: each object is classified (an indicator or a sighting to import, a reference the hub
 * reads but does not keep, or one it cannot represent, with a JSON pointer and the reason), then
 * the representable ones go through {@link IndicatorService} as the caller, so every rule and
 * every audit entry of a direct creation applies unchanged.
 *
 * <p>Idempotency: {@code stix_import} maps (organisation, STIX id) to the hub object and the newest
 * {@code modified} imported. The same or an older {@code modified} changes nothing; a newer one is
 * a new version. A hub indicator id is not foreign: the caller's own is versioned in place, another
 * author's that the caller may read is the source ({@code derivedFrom}) of a new one.
 */
@ApplicationScoped
public class StixImporter {

    /** Object types the hub reads as references and does not keep. */
    static final Set<String> REFERENCES = Set.of("marking-definition", "identity", "attack-pattern", "relationship", "note",
            "narrative", "url", "domain-name", "user-account", "file", "text", "x-hub-narrative", "extension-definition",
            "language-content");

    private static final Set<String> RELATIONSHIPS = Set.of("indicates", "based-on", "related-to");

    private static final Pattern STIX_ID = Pattern.compile("([a-z0-9][a-z0-9-]{0,61}[a-z0-9])--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private static final Pattern TECHNIQUE = Pattern.compile(CreateIndicatorRequest.TECHNIQUE_PATTERN);

    /** Confidence of an indicator that states none (STIX 2.1 §3.2: absent means unknown). */
    static final int DEFAULT_CONFIDENCE = 50;

    @EJB
    IndicatorService indicators;

    @Inject
    IndicatorStore store;

    @Inject
    Validator validator;

    /**
     * Where imported objects go and under which marking.
     *
     * @param allowed      the markings accepted, or empty for any
     * @param fallback     the marking of an object that names none, or {@code null} to refuse it
     * @param distribution who else reads what is marked {@code AMBER} or tighter
     */
    record Target(Set<Tlp> allowed, Tlp fallback, Distribution distribution) {
    }

    /**
     * @param imported   the indicators and sightings imported (or found unchanged)
     * @param failures   each object the hub cannot represent, by pointer
     * @param referenced how many objects were read as references
     * @param failed     the ids of the failed objects, each once, in order (the STIX refusal counts them)
     */
    record Result(List<StixImportReport.Imported> imported, List<FieldViolation> failures, int referenced,
                  List<String> failed) {
    }

    /**
     * Classifies the objects; imports the representable ones when {@code partial} or when none failed.
     *
     * @param pointer the JSON pointer of the objects array ({@code /objects})
     * @param partial whether to import what can be imported despite failures (TAXII) or nothing (STIX)
     */
    Result run(Caller caller, AuditContext context, List<JsonObject> objects, String pointer, Target target, boolean partial) {
        String org = caller.organization().value();
        List<FieldViolation> failures = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        int referenced = 0;
        Map<String, JsonObject> byId = new HashMap<>();
        Map<String, List<Integer>> techniques = new HashMap<>();
        List<Integer> indicatorsAt = new ArrayList<>();
        List<Integer> sightingsAt = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            JsonObject o = objects.get(i);
            String at = pointer + "/" + i;
            String type = string(o, "type");
            String id = string(o, "id");
            if (type == null || id == null || !STIX_ID.matcher(id).matches() || !id.startsWith(type + "--")) {
                fail(failures, failed, id, at, "is not a STIX object: it needs a type and an id <type>--<uuid>");
                continue;
            }
            if (!"2.1".equals(string(o, "spec_version")) && !isSco(type)) {
                fail(failures, failed, id, at + "/spec_version", "must be 2.1");
                continue;
            }
            byId.put(id, o);
            switch (type) {
                case "indicator" -> indicatorsAt.add(i);
                case "sighting" -> sightingsAt.add(i);
                case "relationship" -> {
                    String kind = string(o, "relationship_type");
                    if (!RELATIONSHIPS.contains(kind)) {
                        fail(failures, failed, id, at + "/relationship_type", "the hub represents only indicates, based-on"
                                + " and related-to relationships, not " + kind);
                    } else {
                        referenced++;
                        if ("indicates".equals(kind) && string(o, "target_ref") != null
                                && string(o, "target_ref").startsWith("attack-pattern--")) {
                            techniques.computeIfAbsent(string(o, "source_ref"), k -> new ArrayList<>()).add(i);
                        }
                    }
                }
                case "marking-definition" -> {
                    if (TlpMarkings.of(id).isEmpty()) {
                        fail(failures, failed, id, at, "the hub represents only the TLP marking definitions");
                    } else {
                        referenced++;
                    }
                }
                default -> {
                    if (REFERENCES.contains(type)) {
                        referenced++;
                    } else {
                        fail(failures, failed, id, at + "/type", "the hub does not represent " + type + " objects");
                    }
                }
            }
        }
        // Techniques of each indicator, from its indicates relationships to DISARM attack-patterns.
        Map<String, List<String>> techniqueIds = new HashMap<>();
        for (Map.Entry<String, List<Integer>> e : techniques.entrySet()) {
            for (int i : e.getValue()) {
                String targetRef = string(objects.get(i), "target_ref");
                Optional<String> t = DisarmPatterns.technique(targetRef).or(() -> techniqueOf(byId.get(targetRef)));
                if (t.isEmpty()) {
                    fail(failures, failed, string(objects.get(i), "id"), pointer + "/" + i + "/target_ref",
                            "is not a DISARM technique (an attack-pattern of the DISARM framework)");
                } else {
                    techniqueIds.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(t.get());
                }
            }
        }
        List<Plan> plans = new ArrayList<>();
        for (int i : indicatorsAt) {
            planIndicator(caller, objects.get(i), pointer + "/" + i, target, techniqueIds, failures, failed).ifPresent(plans::add);
        }
        Set<String> planned = new LinkedHashSet<>();
        plans.forEach(p -> planned.add(p.stixId));
        List<SightingPlan> sightingPlans = new ArrayList<>();
        for (int i : sightingsAt) {
            planSighting(caller, objects.get(i), pointer + "/" + i, target, planned, failures, failed).ifPresent(sightingPlans::add);
        }
        List<StixImportReport.Imported> imported = new ArrayList<>();
        if (failures.isEmpty() || partial) {
            Map<String, String> hubIds = new HashMap<>();
            for (Plan p : plans) {
                imported.add(p.execute(this, caller, context, org, hubIds));
            }
            for (SightingPlan s : sightingPlans) {
                imported.add(s.execute(this, caller, context, org, hubIds));
            }
        }
        return new Result(imported, failures, referenced, failed);
    }

    // ---- indicators

    private Optional<Plan> planIndicator(Caller caller, JsonObject o, String at, Target target,
                                         Map<String, List<String>> techniques, List<FieldViolation> failures,
                                         List<String> failed) {
        String id = o.getString("id");
        int before = failures.size();
        String patternType = string(o, "pattern_type");
        if (!"stix".equals(patternType)) {
            fail(failures, failed, id, at + "/pattern_type", "must be stix");
            return Optional.empty();
        }
        Optional<IndicatorValue> value = StixPatterns.parse(string(o, "pattern"), string(o, "lang"));
        if (value.isEmpty()) {
            fail(failures, failed, id, at + "/pattern", "is not a pattern the hub represents (one comparison of url:value,"
                    + " domain-name:value, text:value, x-hub-narrative:value, file:hashes or user-account type and login)");
            return Optional.empty();
        }
        for (FieldViolation v : value.get().violations()) {
            fail(failures, failed, id, at + "/pattern", v.field() + " " + v.message());
        }
        Optional<Tlp> tlp = marking(o, at, target, failures, failed);
        Optional<Instant> modified = time(o, "modified", at, failures, failed, true);
        Optional<Instant> validFrom = time(o, "valid_from", at, failures, failed, true);
        Optional<Instant> validUntil = time(o, "valid_until", at, failures, failed, false);
        if (o.containsKey("granular_markings")) {
            fail(failures, failed, id, at + "/granular_markings", "the hub marks whole objects only");
        }
        int confidence = DEFAULT_CONFIDENCE;
        if (o.containsKey("confidence")) {
            if (o.get("confidence") instanceof JsonNumber n && inRange(n, 0, 100)) {
                confidence = n.intValue();
            } else {
                fail(failures, failed, id, at + "/confidence", "must be an integer 0-100");
            }
        }
        List<String> ts = new ArrayList<>(new LinkedHashSet<>(techniques.getOrDefault(id, List.of())));
        if (failures.size() > before) {
            return Optional.empty();
        }
        IndicatorValue v = value.get();
        String org = caller.organization().value();
        Optional<IndicatorRecord> existing = store.imported(org, id).flatMap(e -> store.find(e.getKey()))
                .or(() -> id.matches(IndicatorId.PATTERN) ? store.find(id).filter(r -> r.author().equals(org)) : Optional.empty());
        if (existing.isPresent() && !existing.get().value().reportKey().equals(v.reportKey())) {
            fail(failures, failed, id, at + "/pattern", "differs from the indicator imported before under this id;"
                    + " a new value is a new indicator (a new id)");
            return Optional.empty();
        }
        String description = string(o, "description");
        String election = string(o, "x_hub_election");
        if (o.containsKey("revoked") && o.get("revoked") != JsonValue.TRUE && o.get("revoked") != JsonValue.FALSE) {
            fail(failures, failed, id, at + "/revoked", "must be true or false");
            return Optional.empty();
        }
        boolean revoked = o.get("revoked") == JsonValue.TRUE;
        if (validUntil.isPresent() && !validUntil.get().isAfter(validFrom.get())) {
            fail(failures, failed, id, at + "/valid_until", "must be after valid_from (STIX 2.1 §4.7)");
            return Optional.empty();
        }
        Distribution distribution = tlp.get().namesRecipients() ? restrict(target.distribution(), tlp.get()) : Distribution.NONE;
        Plan plan = new Plan(id, at, v, tlp.get(), modified.get(), validFrom.get(), validUntil.orElse(null), confidence,
                description, election, ts, revoked, distribution);
        CreateIndicatorRequest probe = plan.request("stix:" + id, null);
        for (ConstraintViolation<CreateIndicatorRequest> c : validator.validate(probe)) {
            fail(failures, failed, id, at + "/" + stixField(c.getPropertyPath().toString()), c.getMessage());
        }
        return failures.size() > before ? Optional.empty() : Optional.of(plan);
    }

    /** One indicator to import. */
    private record Plan(String stixId, String at, IndicatorValue value, Tlp tlp, Instant modified, Instant validFrom,
                        Instant validUntil, int confidence, String description, String election, List<String> techniques,
                        boolean revoked, Distribution distribution) {

        CreateIndicatorRequest request(String clientRef, String derivedFrom) {
            return new CreateIndicatorRequest(clientRef, value.type(), value.value(), value.platform(), value.algorithm(),
                    value.language(), description, tlp.label(), confidence, validFrom, validUntil, techniques, election,
                    null, distribution, derivedFrom);
        }

        StixImportReport.Imported execute(StixImporter im, Caller caller, AuditContext context, String org,
                                          Map<String, String> hubIds) {
            Optional<Map.Entry<String, Instant>> before = im.store.imported(org, stixId);
            Optional<IndicatorRecord> hub = stixId.matches(IndicatorId.PATTERN)
                    ? im.store.find(stixId, org, caller.kind()) : Optional.empty();
            String target = null;
            if (before.isPresent()) {
                target = before.get().getKey();
                if (!modified.isAfter(before.get().getValue())) {
                    hubIds.put(stixId, target);
                    return new StixImportReport.Imported(stixId, target, StixImportReport.Outcome.UNCHANGED);
                }
            } else if (hub.isPresent() && hub.get().author().equals(org)) {
                target = stixId;
                if (!modified.isAfter(hub.get().version().modified())) {
                    hubIds.put(stixId, target);
                    return new StixImportReport.Imported(stixId, target, StixImportReport.Outcome.UNCHANGED);
                }
            }
            if (target == null) {
                String derivedFrom = hub.map(IndicatorRecord::id).orElse(null);
                IndicatorService.Created created = im.indicators.create(caller, context, request("stix:" + stixId, derivedFrom));
                String hubId = created.view().id();
                if (revoked) {
                    im.indicators.newVersion(caller, context, new IndicatorId(hubId), new NewVersionRequest(1, true, null,
                            null, null, null, null, null, null, null, null, "revoked in the imported STIX object"));
                }
                im.store.recordImport(org, stixId, hubId, modified);
                hubIds.put(stixId, hubId);
                return new StixImportReport.Imported(stixId, hubId, created.created()
                        ? StixImportReport.Outcome.CREATED : StixImportReport.Outcome.UNCHANGED);
            }
            IndicatorRecord current = im.store.find(target).orElseThrow();
            im.indicators.newVersion(caller, context, new IndicatorId(target), new NewVersionRequest(current.currentVersion(),
                    revoked, description, tlp.label(), confidence, validFrom, validUntil, techniques, election, null,
                    distribution, "imported from STIX " + stixId + " modified " + StixTime.format(modified)));
            im.store.recordImport(org, stixId, target, modified);
            hubIds.put(stixId, target);
            return new StixImportReport.Imported(stixId, target, StixImportReport.Outcome.UPDATED);
        }
    }

    // ---- sightings

    private Optional<SightingPlan> planSighting(Caller caller, JsonObject o, String at, Target target, Set<String> planned,
                                                List<FieldViolation> failures, List<String> failed) {
        String id = o.getString("id");
        int before = failures.size();
        String of = string(o, "sighting_of_ref");
        String org = caller.organization().value();
        if (of == null || !of.startsWith("indicator--") || !(planned.contains(of) || store.imported(org, of).isPresent()
                || (of.matches(IndicatorId.PATTERN) && store.find(of, org, caller.kind()).isPresent()))) {
            fail(failures, failed, id, at + "/sighting_of_ref", "must be an indicator of the bundle or one you may read");
            return Optional.empty();
        }
        Optional<Tlp> tlp = o.containsKey("object_marking_refs") ? marking(o, at, target, failures, failed) : Optional.empty();
        Optional<Instant> created = time(o, "created", at, failures, failed, true);
        Optional<Instant> firstSeen = time(o, "first_seen", at, failures, failed, false);
        Optional<Instant> lastSeen = time(o, "last_seen", at, failures, failed, false);
        int count = 1;
        if (o.containsKey("count")) {
            if (o.get("count") instanceof JsonNumber n && inRange(n, 1, 999_999_999)) {
                count = n.intValue();
            } else {
                fail(failures, failed, id, at + "/count", "must be an integer 1-999999999 (the hub records sightings seen at least once)");
            }
        }
        SightingAction action = SightingAction.NONE;
        String a = string(o, "x_hub_action");
        if (a != null) {
            try {
                action = SightingAction.valueOf(a);
            } catch (IllegalArgumentException e) {
                fail(failures, failed, id, at + "/x_hub_action", "is not a sighting action");
            }
        }
        List<String> territories = new ArrayList<>();
        if (o.get("x_hub_territories") instanceof JsonArray arr) {
            for (JsonValue t : arr) {
                territories.add(t instanceof JsonString s ? s.getString() : t.toString());
            }
        }
        if (failures.size() > before) {
            return Optional.empty();
        }
        Instant first = firstSeen.orElse(created.get());
        Instant last = lastSeen.orElse(first);
        if (last.isBefore(first)) {
            fail(failures, failed, id, at + "/last_seen", "must not be before first_seen");
            return Optional.empty();
        }
        Tlp marking = tlp.orElse(null);
        SightingPlan plan = new SightingPlan(id, of, count, first, last, string(o, "x_hub_observed_on"), territories, action,
                string(o, "description"), marking, marking != null && marking.namesRecipients()
                        ? restrict(target.distribution(), marking) : Distribution.NONE);
        for (ConstraintViolation<SightingRequest> c : validator.validate(plan.request())) {
            fail(failures, failed, id, at + "/" + stixField(c.getPropertyPath().toString()), c.getMessage());
        }
        return failures.size() > before ? Optional.empty() : Optional.of(plan);
    }

    /** One sighting to import. */
    private record SightingPlan(String stixId, String of, int count, Instant firstSeen, Instant lastSeen, String observedOn,
                                List<String> territories, SightingAction action, String description, Tlp tlp,
                                Distribution distribution) {

        SightingRequest request() {
            return new SightingRequest("stix:" + stixId, count, firstSeen, lastSeen, observedOn, territories, action, null,
                    description, tlp == null ? null : tlp.label(), distribution);
        }

        StixImportReport.Imported execute(StixImporter im, Caller caller, AuditContext context, String org,
                                          Map<String, String> hubIds) {
            Optional<Map.Entry<String, Instant>> before = im.store.imported(org, stixId);
            if (before.isPresent()) {
                return new StixImportReport.Imported(stixId, before.get().getKey(), StixImportReport.Outcome.UNCHANGED);
            }
            String indicator = hubIds.getOrDefault(of, im.store.imported(org, of).map(Map.Entry::getKey).orElse(of));
            IndicatorService.Reported r = im.indicators.reportSighting(caller, context, new IndicatorId(indicator), request());
            im.store.recordImport(org, stixId, r.view().id(), r.view().created());
            return new StixImportReport.Imported(stixId, r.view().id(), r.created()
                    ? StixImportReport.Outcome.CREATED : StixImportReport.Outcome.UNCHANGED);
        }
    }

    // ---- helpers

    private static Distribution restrict(Distribution d, Tlp tlp) {
        return tlp.allowsGroups() ? d : new Distribution(d.organizations(), List.of());
    }

    private static Optional<Tlp> marking(JsonObject o, String at, Target target, List<FieldViolation> failures,
                                         List<String> failed) {
        String id = o.getString("id");
        Tlp found = null;
        if (o.get("object_marking_refs") instanceof JsonArray refs) {
            for (int k = 0; k < refs.size(); k++) {
                if (!(refs.get(k) instanceof JsonString s)) {
                    fail(failures, failed, id, at + "/object_marking_refs/" + k, "must be a marking-definition id");
                    return Optional.empty();
                }
                Optional<Tlp> t = TlpMarkings.of(s.getString());
                if (t.isEmpty()) {
                    fail(failures, failed, id, at + "/object_marking_refs/" + k, "the hub represents only TLP markings");
                    return Optional.empty();
                }
                if (found != null && found != t.get()) {
                    fail(failures, failed, id, at + "/object_marking_refs", "names more than one TLP marking");
                    return Optional.empty();
                }
                found = t.get();
            }
        } else if (o.containsKey("object_marking_refs")) {
            fail(failures, failed, id, at + "/object_marking_refs", "must be a list of marking-definition ids");
            return Optional.empty();
        }
        if (found == null) {
            found = target.fallback();
        }
        if (found == null) {
            fail(failures, failed, id, at + "/object_marking_refs", "must name a TLP marking (the hub shares nothing unmarked)");
            return Optional.empty();
        }
        if (!target.allowed().isEmpty() && !target.allowed().contains(found)) {
            fail(failures, failed, id, at + "/object_marking_refs", "TLP:" + found.label() + " does not belong in this"
                    + " collection (it takes " + target.allowed().stream().map(Tlp::label).sorted().toList() + ")");
            return Optional.empty();
        }
        return Optional.of(found);
    }

    private static Optional<Instant> time(JsonObject o, String field, String at, List<FieldViolation> failures,
                                          List<String> failed, boolean required) {
        String text = string(o, field);
        if (text == null) {
            if (required) {
                fail(failures, failed, string(o, "id"), at + "/" + field, "is required");
            }
            return Optional.empty();
        }
        Optional<Instant> t = StixTime.parse(text);
        if (t.isEmpty()) {
            fail(failures, failed, string(o, "id"), at + "/" + field, "must be a STIX timestamp");
        }
        return t;
    }

    /** @return whether the number is an integer in the range (never wrapped: 4294967346 is not 50) */
    private static boolean inRange(JsonNumber n, long min, long max) {
        java.math.BigDecimal v = n.bigDecimalValue();
        return v.stripTrailingZeros().scale() <= 0 && v.compareTo(java.math.BigDecimal.valueOf(min)) >= 0
                && v.compareTo(java.math.BigDecimal.valueOf(max)) <= 0;
    }

    private static Optional<String> techniqueOf(JsonObject attackPattern) {
        if (attackPattern == null || !(attackPattern.get("external_references") instanceof JsonArray refs)) {
            return Optional.empty();
        }
        for (JsonValue r : refs) {
            if (r instanceof JsonObject ref && ref.get("external_id") instanceof JsonString e
                    && TECHNIQUE.matcher(e.getString()).matches() && DisarmServiceBean.technique(e.getString()).isPresent()) {
                return Optional.of(e.getString());
            }
        }
        return Optional.empty();
    }

    private static String stixField(String javaField) {
        return switch (javaField) {
            case "description" -> "description";
            case "confidence" -> "confidence";
            case "election" -> "x_hub_election";
            case "observedOn" -> "x_hub_observed_on";
            case "platform", "value", "algorithm" -> "pattern";
            case "language" -> "lang";
            default -> javaField.startsWith("territories") ? "x_hub_territories" : javaField.startsWith("techniques")
                    ? "relationships" : javaField;
        };
    }

    private static boolean isSco(String type) {
        return Set.of("url", "domain-name", "user-account", "file", "text").contains(type);
    }

    private static void fail(List<FieldViolation> failures, List<String> failed, String id, String at, String message) {
        failures.add(new FieldViolation(at, (id == null ? "" : id + ": ") + message));
        if (id != null && !failed.contains(id)) {
            failed.add(id);
        }
    }

    static String string(JsonObject o, String field) {
        return o.get(field) instanceof JsonString s ? s.getString() : null;
    }
}
