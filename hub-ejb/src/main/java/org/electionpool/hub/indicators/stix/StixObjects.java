package org.electionpool.hub.indicators.stix;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.electionpool.hub.api.indicators.Tlp;
import org.electionpool.hub.api.organizations.OrganizationKind;
import org.electionpool.hub.indicators.domain.IndicatorRecord;
import org.electionpool.hub.indicators.domain.IndicatorValue;
import org.electionpool.hub.indicators.domain.SightingRecord;
import org.electionpool.hub.protocol.stix.StixIds;
import org.electionpool.hub.protocol.stix.StixTime;
import org.electionpool.hub.values.domain.ValueNormalizer;

/**
 * Maps one indicator version or one sighting to the STIX 2.1 objects that carry it
 * (docs/taxii.md, STIX mapping). Each expansion is self-contained and deterministic: the marking
 * definition, the author's {@code identity} and the DISARM {@code attack-pattern}s it refers to
 * come first, then the object, then what refers to it — so a TAXII page never refers to an
 * object it does not hold, and an importer sees the same object (same id and {@code modified})
 * every time it meets it.
 *
 * <p>Invariants: every object has {@code spec_version} {@code 2.1}; {@code modified ≥ created};
 * every {@code object_marking_refs} is the indicator's <em>current</em> marking (the one that
 * governs who reads every version, docs/indicators.md); SCO ids are STIX's deterministic UUIDv5
 * ({@link StixIds}); relationship, note and identity ids are UUIDv5 of what they join, so the
 * same fact has the same id in every export.
 */
public final class StixObjects {

    private static final JsonProvider JSON = JsonProvider.provider();

    private StixObjects() {
    }

    /**
     * @param r       the indicator with the version to map
     * @param current its current marking
     * @param parties the organisations by id (for the author's identity)
     * @return the version's objects, in the order described above
     */
    public static List<JsonObject> indicator(IndicatorRecord r, Tlp current, Function<String, StixParty> parties) {
        IndicatorRecord.Version v = r.version();
        String marking = TlpMarkings.id(current);
        String created = StixTime.format(r.created());
        String modified = StixTime.format(v.modified().isBefore(r.created()) ? r.created() : v.modified());
        String author = StixParty.stixId(r.author());
        List<JsonObject> out = new ArrayList<>(8);
        out.add(TlpMarkings.object(current));
        StixParty party = parties.apply(r.author());
        if (party != null) {
            out.add(identity(party));
        }
        for (String t : v.techniques()) {
            DisarmPatterns.of(t).ifPresent(out::add);
        }
        IndicatorValue value = r.value();
        JsonObjectBuilder ind = JSON.createObjectBuilder()
                .add("type", "indicator")
                .add("spec_version", "2.1")
                .add("id", r.id())
                .add("created_by_ref", author)
                .add("created", created)
                .add("modified", modified)
                .add("name", name(value));
        if (v.description() != null && !v.description().isBlank()) {
            ind.add("description", v.description());
        }
        ind.add("indicator_types", JSON.createArrayBuilder().add("malicious-activity"))
                .add("pattern", StixPatterns.pattern(value))
                .add("pattern_type", "stix")
                .add("pattern_version", "2.1")
                .add("valid_from", StixTime.format(v.validFrom()));
        if (v.validUntil() != null && v.validUntil().isAfter(v.validFrom())) {
            ind.add("valid_until", StixTime.format(v.validUntil()));
        }
        ind.add("labels", JSON.createArrayBuilder().add(value.type().name().toLowerCase(Locale.ROOT).replace('_', '-')));
        if (v.revoked()) {
            ind.add("revoked", true);
        }
        ind.add("confidence", v.confidence());
        if (value.language() != null) {
            ind.add("lang", value.language());
        }
        ind.add("object_marking_refs", JSON.createArrayBuilder().add(marking))
                .add("x_hub_type", value.type().name())
                .add("x_hub_value", value.value())
                .add("x_hub_normalized", value.normalized())
                .add("x_hub_version", v.number());
        if (value.platform() != null) {
            ind.add("x_hub_platform", value.platform());
        }
        if (value.algorithm() != null) {
            ind.add("x_hub_algorithm", value.algorithm());
        }
        if (v.election() != null) {
            ind.add("x_hub_election", v.election());
        }
        if (r.derivedFrom() != null) {
            ind.add("x_hub_derived_from", r.derivedFrom());
        }
        if (v.note() != null) {
            ind.add("x_hub_note", v.note());
        }
        out.add(ind.build());
        JsonObject sco = observable(value);
        if (sco != null) {
            out.add(sco);
            out.add(relationship("based-on", r.id(), sco.getString("id"), author, created, created, marking));
        }
        for (String t : v.techniques()) {
            DisarmPatterns.of(t).ifPresent(ap -> out.add(relationship("indicates", r.id(), ap.getString("id"), author,
                    created, modified, marking)));
        }
        if (value.type() == org.electionpool.hub.api.indicators.IndicatorType.NARRATIVE) {
            narrative(out, r, value, author, created, modified, marking);
        }
        return out;
    }

    /**
     * @param s         the sighting
     * @param marking   its own marking
     * @param parties   the organisations by id (for the reporter's identity)
     * @return the sighting's objects: marking, reporter identity, the {@code sighting}
     */
    public static List<JsonObject> sighting(SightingRecord s, Tlp marking, Function<String, StixParty> parties) {
        List<JsonObject> out = new ArrayList<>(3);
        out.add(TlpMarkings.object(marking));
        StixParty party = parties.apply(s.reporter());
        if (party != null) {
            out.add(identity(party));
        }
        String created = StixTime.format(s.created());
        String reporter = StixParty.stixId(s.reporter());
        JsonObjectBuilder b = JSON.createObjectBuilder()
                .add("type", "sighting")
                .add("spec_version", "2.1")
                .add("id", s.id())
                .add("created_by_ref", reporter)
                .add("created", created)
                .add("modified", created);
        if (s.description() != null && !s.description().isBlank()) {
            b.add("description", s.description());
        }
        b.add("first_seen", StixTime.format(s.firstSeen()))
                .add("last_seen", StixTime.format(s.lastSeen().isBefore(s.firstSeen()) ? s.firstSeen() : s.lastSeen()))
                .add("count", s.count())
                .add("sighting_of_ref", s.indicator())
                .add("where_sighted_refs", JSON.createArrayBuilder().add(reporter))
                .add("object_marking_refs", JSON.createArrayBuilder().add(TlpMarkings.id(marking)))
                .add("x_hub_action", s.action().name());
        if (s.observedOn() != null) {
            b.add("x_hub_observed_on", s.observedOn());
        }
        if (!s.territories().isEmpty()) {
            JsonArrayBuilder t = JSON.createArrayBuilder();
            s.territories().forEach(t::add);
            b.add("x_hub_territories", t);
        }
        out.add(b.build());
        return out;
    }

    /** @return the organisation's {@code identity} */
    public static JsonObject identity(StixParty p) {
        String at = StixTime.format(p.created());
        return JSON.createObjectBuilder()
                .add("type", "identity")
                .add("spec_version", "2.1")
                .add("id", p.stixId())
                .add("created", at)
                .add("modified", at)
                .add("name", p.name())
                .add("identity_class", "organization")
                .add("sectors", JSON.createArrayBuilder().add(p.kind() == OrganizationKind.PLATFORM ? "technology"
                        : "government"))
                .add("x_hub_organization", p.id())
                .add("x_hub_kind", p.kind().name())
                .build();
    }

    /** @return the STIX id of the deterministic object joining the parts (relationships, notes) */
    public static String derivedId(String type, String... parts) {
        return type + "--" + StixIds.uuid5(StixIds.NAMESPACE,
                (type + ":" + String.join("|", parts)).getBytes(StandardCharsets.UTF_8));
    }

    private static JsonObject observable(IndicatorValue v) {
        return switch (v.type()) {
            case URL -> sco("url", Map.of("value", v.value().strip()));
            case DOMAIN -> sco("domain-name", Map.of("value", ValueNormalizer.domain(v.value())));
            case ACCOUNT -> sco("user-account", Map.of("account_type", v.platform(),
                    "account_login", ValueNormalizer.account(v.value())));
            // A file SCO only for the hashes every importer can key it on (a PDQ- or TMK-only file
            // cannot be given an id by OpenCTI); the indicator carries the others.
            case CONTENT_HASH -> switch (v.algorithm()) {
                case "SHA-256", "SHA-512", "SHA-1", "MD5" -> {
                    Map<String, Object> hashes = Map.of(v.algorithm(), ValueNormalizer.hash(v.value()));
                    String id = StixIds.sco("file", Map.of("hashes", hashes));
                    yield JSON.createObjectBuilder().add("type", "file").add("spec_version", "2.1").add("id", id)
                            .add("hashes", JSON.createObjectBuilder().add(v.algorithm(), ValueNormalizer.hash(v.value())))
                            .build();
                }
                default -> null;
            };
            case HASHTAG, NARRATIVE -> null;
        };
    }

    private static JsonObject sco(String type, Map<String, String> properties) {
        JsonObjectBuilder b = JSON.createObjectBuilder().add("type", type).add("spec_version", "2.1")
                .add("id", StixIds.sco(type, properties));
        properties.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> b.add(e.getKey(), e.getValue()));
        return b.build();
    }

    private static JsonObject relationship(String type, String source, String target, String author, String created,
                                           String modified, String marking) {
        return JSON.createObjectBuilder()
                .add("type", "relationship")
                .add("spec_version", "2.1")
                .add("id", derivedId("relationship", type, source, target))
                .add("created_by_ref", author)
                .add("created", created)
                .add("modified", modified)
                .add("relationship_type", type)
                .add("source_ref", source)
                .add("target_ref", target)
                .add("object_marking_refs", JSON.createArrayBuilder().add(marking))
                .build();
    }

    /**
     * A narrative also travels as OpenCTI's {@code narrative} object (its deterministic id: UUIDv5
     * over the lower-cased, trimmed name) related to the indicator, and as a {@code note} on the
     * indicator, which MISP imports as an analyst note (docs/research/taxii-stix-clients.md §4).
     */
    private static void narrative(List<JsonObject> out, IndicatorRecord r, IndicatorValue value, String author,
                                  String created, String modified, String marking) {
        String claim = value.value().strip();
        String name = claim.length() > 250 ? claim.substring(0, 250) : claim;
        String narrativeId = "narrative--" + StixIds.uuid5(StixIds.NAMESPACE, ("{\"name\":"
                + jsonString(name.toLowerCase(Locale.ROOT).strip()) + "}").getBytes(StandardCharsets.UTF_8));
        out.add(JSON.createObjectBuilder()
                .add("type", "narrative")
                .add("spec_version", "2.1")
                .add("id", narrativeId)
                .add("created_by_ref", author)
                .add("created", created)
                .add("modified", created)
                .add("name", name)
                .add("description", claim)
                .add("object_marking_refs", JSON.createArrayBuilder().add(marking))
                .build());
        out.add(relationship("related-to", r.id(), narrativeId, author, created, created, marking));
        out.add(JSON.createObjectBuilder()
                .add("type", "note")
                .add("spec_version", "2.1")
                .add("id", derivedId("note", r.id(), modified))
                .add("created_by_ref", author)
                .add("created", modified)
                .add("modified", modified)
                .add("abstract", name.length() > 80 ? name.substring(0, 80) : name)
                .add("content", claim)
                .add("object_refs", JSON.createArrayBuilder().add(r.id()).add(narrativeId))
                .add("object_marking_refs", JSON.createArrayBuilder().add(marking))
                .build());
    }

    private static String name(IndicatorValue v) {
        String n = switch (v.type()) {
            case URL -> "URL " + v.value().strip();
            case DOMAIN -> "Domain " + ValueNormalizer.domain(v.value());
            case ACCOUNT -> "Account " + v.platform() + ":" + ValueNormalizer.account(v.value());
            case HASHTAG -> "#" + ValueNormalizer.hashtag(v.value());
            case CONTENT_HASH -> v.algorithm() + " " + ValueNormalizer.hash(v.value());
            case NARRATIVE -> "Narrative: " + v.value().strip();
        };
        return n.length() > 250 ? n.substring(0, 250) : n;
    }

    private static String jsonString(String s) {
        return JSON.createValue(s).toString();
    }
}
