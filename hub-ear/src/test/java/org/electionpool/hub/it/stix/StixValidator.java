package org.electionpool.hub.it.stix;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a STIX 2.1 bundle as the hub exports it, for the integration tests.
 *
 * <p>Invariant: {@link #violations(String)} returns an empty list exactly when
 * <ul>
 *   <li>the text is one JSON object (no duplicate keys, nothing after it) whose {@code type} is
 *       {@code "bundle"}, whose {@code id} is {@code bundle--<uuid>} and whose {@code objects} is a
 *       non-empty array of JSON objects;</li>
 *   <li>every object validates against the OASIS STIX 2.1 JSON Schema of its own {@code type}
 *       ({@code sdos/}, {@code sros/}, {@code observables/}, or {@code common/} for
 *       marking-definition, language-content and extension-definition), and an object of a type
 *       with no schema (custom ones such as {@code narrative} or {@code x-…}) validates against
 *       {@code common/core.json}. Objects are validated one by one, never through
 *       {@code common/bundle.json}, whose {@code oneOf} refuses custom objects;</li>
 *   <li>every object's {@code id} is {@code <its own type>--<uuid>}, its {@code spec_version} is
 *       {@code "2.1"}, and no two objects share both {@code id} and {@code modified};</li>
 *   <li>the time orders the specification requires and the schemas leave out hold, compared as
 *       instants: {@code modified >= created}, {@code valid_until > valid_from},
 *       {@code last_seen >= first_seen}, {@code last_observed >= first_observed},
 *       {@code stop_time > start_time};</li>
 *   <li>every {@code *_ref} / {@code *_refs} property, at any depth, holds identifiers whose type
 *       suits the property (for example {@code created_by_ref} → identity,
 *       {@code object_marking_refs} → marking-definition, a relationship's ends → an SDO or SCO,
 *       {@code indicates} from an indicator to an attack-pattern, campaign, infrastructure,
 *       intrusion-set, malware, threat-actor or tool, {@code based-on} from an indicator to an SCO
 *       or observed-data), and every referenced object is in the bundle — the TLP 2.0
 *       marking-definitions included: no reference may dangle;</li>
 *   <li>every {@code indicator} whose {@code pattern_type} is {@code "stix"} has a pattern that
 *       parses under the STIX 2.1 patterning grammar (see {@link #patternViolations(String)}).</li>
 * </ul>
 *
 * <p>The schemas are the unmodified OASIS copies under {@code stix2.1-json-schemas/} on the test
 * classpath; their {@code $id} prefix is mapped there, so validation never uses the network.
 */
public final class StixValidator {

    /** The prefix of every {@code $id} in the OASIS STIX 2.1 schemas. */
    static final String SCHEMA_ID_PREFIX =
            "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/";
    private static final String SCHEMA_CLASSPATH_PREFIX = "classpath:stix2.1-json-schemas/schemas/";

    static final Set<String> SDO_TYPES = Set.of("attack-pattern", "campaign", "course-of-action",
            "grouping", "identity", "incident", "indicator", "infrastructure", "intrusion-set",
            "location", "malware", "malware-analysis", "note", "observed-data", "opinion", "report",
            "threat-actor", "tool", "vulnerability");
    static final Set<String> SRO_TYPES = Set.of("relationship", "sighting");
    static final Set<String> SCO_TYPES = Set.of("artifact", "autonomous-system", "directory",
            "domain-name", "email-addr", "email-message", "file", "ipv4-addr", "ipv6-addr", "mac-addr",
            "mutex", "network-traffic", "process", "software", "url", "user-account",
            "windows-registry-key", "x509-certificate");
    static final Set<String> META_TYPES = Set.of("marking-definition", "language-content",
            "extension-definition");

    /** The five TLP 2.0 marking-definitions of the OASIS TLP 2.0 extension, by id. */
    static final Map<String, String> TLP_2_0_MARKINGS = Map.of(
            "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487", "TLP:CLEAR",
            "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb", "TLP:GREEN",
            "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421", "TLP:AMBER",
            "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003", "TLP:AMBER+STRICT",
            "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1", "TLP:RED");

    /** Same UUID rule as the schemas' {@code common/identifier.json}. */
    private static final String UUID =
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}";
    private static final Pattern IDENTIFIER = Pattern.compile("([a-z][a-z0-9-]+[a-z0-9])--" + UUID);
    private static final Pattern BUNDLE_ID = Pattern.compile("bundle--" + UUID);
    /** Same rule as the schemas' {@code common/timestamp.json}. */
    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{4}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])"
            + "T([01][0-9]|2[0-3]):([0-5][0-9]):([0-5][0-9]|60)(\\.([0-9]+))?Z");

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaIdResolvers(
                    resolvers -> resolvers.mapPrefix(SCHEMA_ID_PREFIX, SCHEMA_CLASSPATH_PREFIX)));
    private static final Map<String, Schema> SCHEMA_BY_FILE = new ConcurrentHashMap<>();

    /** Pairs of timestamps whose order the specification requires: earlier, later, strictly. */
    private static final List<String[]> TIME_ORDERS = List.of(
            new String[] {"created", "modified", ">="},
            new String[] {"valid_from", "valid_until", ">"},
            new String[] {"first_seen", "last_seen", ">="},
            new String[] {"first_observed", "last_observed", ">="},
            new String[] {"start_time", "stop_time", ">"});

    private StixValidator() {
    }

    /**
     * Lists what is wrong with a STIX 2.1 bundle, in a form a person can read; see the class
     * comment for every rule checked.
     *
     * @param bundleJson the bundle as JSON text
     * @return one line per violation, each naming the object (by id) and the property concerned;
     *         empty when the bundle is valid
     */
    public static List<String> violations(String bundleJson) {
        List<String> out = new ArrayList<>();
        JsonNode bundle;
        try {
            bundle = JSON.readTree(bundleJson);
        } catch (JacksonException e) {
            out.add("bundle: not a single JSON document: " + e.getOriginalMessage());
            return out;
        }
        if (bundle == null || !bundle.isObject()) {
            out.add("bundle: not a JSON object");
            return out;
        }
        if (!"bundle".equals(string(bundle, "type"))) {
            out.add("bundle: type is " + describe(bundle.get("type")) + ", not \"bundle\"");
        }
        String bundleId = string(bundle, "id");
        if (bundleId == null || !BUNDLE_ID.matcher(bundleId).matches()) {
            out.add("bundle: id " + describe(bundle.get("id")) + " is not bundle--<uuid>");
        }
        JsonNode objects = bundle.get("objects");
        if (objects == null || !objects.isArray()) {
            out.add("bundle: objects is " + describe(objects) + ", not an array");
            return out;
        }
        if (objects.isEmpty()) {
            out.add("bundle: objects is empty");
        }

        Set<String> ids = new HashSet<>();
        Set<String> versions = new HashSet<>();
        for (int i = 0; i < objects.size(); i++) {
            JsonNode object = objects.get(i);
            String id = object.isObject() ? string(object, "id") : null;
            if (id != null) {
                ids.add(id);
                if (!versions.add(id + "@" + object.path("modified"))) {
                    out.add(id + ": appears twice in the bundle with the same modified");
                }
            }
        }
        for (int i = 0; i < objects.size(); i++) {
            checkObject(objects.get(i), "objects[" + i + "]", ids, out);
        }
        return out;
    }

    /**
     * Lists the syntax errors of a STIX 2.1 pattern (the {@code pattern} of an indicator whose
     * {@code pattern_type} is {@code "stix"}).
     *
     * <p>Invariant: the result is empty exactly when the text parses under the STIX 2.1 patterning
     * grammar: observation expressions ({@code [ … ]} or parenthesised) joined by {@code AND},
     * {@code OR} and {@code FOLLOWEDBY}, with the qualifiers {@code WITHIN n SECONDS},
     * {@code REPEATS n TIMES} and {@code START t'…' STOP t'…'}; inside brackets comparisons joined
     * by {@code AND} / {@code OR} with parentheses, each {@code object-type:property.path} (quoted
     * keys such as {@code hashes.'SHA-256'}, list indexes {@code [0]} and {@code [*]}), an optional
     * {@code NOT}, an operator ({@code = != < > <= >= IN LIKE MATCHES ISSUBSET ISSUPERSET}) and a
     * literal of the kind the operator takes: single-quoted strings whose only escapes are
     * {@code \\} and {@code \'}, integers, floats, {@code true}/{@code false}, {@code t'…'}
     * timestamps, {@code h'…'} hex, {@code b'…'} base64, and {@code ( … , … )} sets for
     * {@code IN}. Keywords are upper case, as in the grammar.
     *
     * @param pattern the pattern text
     * @return at most one line, naming the first error and its offset; empty when it parses
     */
    public static List<String> patternViolations(String pattern) {
        try {
            new PatternParser(pattern).parse();
            return List.of();
        } catch (PatternSyntaxError e) {
            return List.of(e.getMessage());
        }
    }

    // ---------------------------------------------------------------------------------- objects

    private static void checkObject(JsonNode object, String where, Set<String> ids, List<String> out) {
        if (!object.isObject()) {
            out.add(where + ": is " + describe(object) + ", not a STIX object");
            return;
        }
        String type = string(object, "type");
        String id = string(object, "id");
        String name = id != null ? id : where;
        if (type == null) {
            out.add(name + ": has no string type");
            return;
        }
        if (id == null) {
            out.add(where + " (" + type + "): has no string id");
        } else {
            Matcher m = IDENTIFIER.matcher(id);
            if (!m.matches()) {
                out.add(name + ": id is not <type>--<uuid>");
            } else if (!m.group(1).equals(type)) {
                out.add(name + ": id prefix " + m.group(1) + " is not the object's type " + type);
            }
        }
        if (!"2.1".equals(string(object, "spec_version"))) {
            out.add(name + ": spec_version is " + describe(object.get("spec_version")) + ", not \"2.1\"");
        }

        String schemaFile = schemaFileFor(type);
        for (Error error : schema(schemaFile).validate(object)) {
            String at = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
            out.add(name + ": " + schemaFile + ": " + (at.isEmpty() ? "" : at + " ") + error.getMessage());
        }

        checkTimeOrders(name, object, out);
        checkReferences(name, type, object, ids, out);
        if ("relationship".equals(type)) {
            checkRelationshipEnds(name, object, out);
        }
        if ("indicator".equals(type) && "stix".equals(string(object, "pattern_type"))) {
            String pattern = string(object, "pattern");
            if (pattern != null) {
                for (String problem : patternViolations(pattern)) {
                    out.add(name + ": pattern " + pattern + ": " + problem);
                }
            }
        }
    }

    /** The schema file, relative to the schemas' root, that objects of this type are checked with. */
    static String schemaFileFor(String type) {
        if (SDO_TYPES.contains(type)) {
            return "sdos/" + type + ".json";
        }
        if (SRO_TYPES.contains(type)) {
            return "sros/" + type + ".json";
        }
        if (SCO_TYPES.contains(type)) {
            return "observables/" + type + ".json";
        }
        if (META_TYPES.contains(type)) {
            return "common/" + type + ".json";
        }
        return "common/core.json";
    }

    private static Schema schema(String file) {
        return SCHEMA_BY_FILE.computeIfAbsent(file,
                f -> SCHEMAS.getSchema(SchemaLocation.of(SCHEMA_ID_PREFIX + f)));
    }

    private static void checkTimeOrders(String name, JsonNode object, List<String> out) {
        for (String[] order : TIME_ORDERS) {
            String earlierText = string(object, order[0]);
            String laterText = string(object, order[1]);
            if (earlierText == null || laterText == null) {
                continue;
            }
            Instant earlier = instant(earlierText);
            Instant later = instant(laterText);
            if (earlier == null || later == null) {
                out.add(name + ": " + (earlier == null ? order[0] + " " + earlierText : order[1] + " " + laterText)
                        + " is not a STIX timestamp");
                continue;
            }
            boolean strict = order[2].equals(">");
            if (strict ? !later.isAfter(earlier) : later.isBefore(earlier)) {
                out.add(name + ": " + order[1] + " " + laterText + " is not " + (strict ? "after " : "at or after ")
                        + order[0] + " " + earlierText);
            }
        }
    }

    /** A STIX timestamp as an instant, or null when the text is not one. */
    static Instant instant(String text) {
        Matcher m = TIMESTAMP.matcher(text);
        if (!m.matches()) {
            return null;
        }
        String fraction = m.group(7);
        String normal = text;
        if (fraction != null && fraction.length() > 9) {
            normal = text.substring(0, m.start(7)) + fraction.substring(0, 9) + "Z";
        }
        try {
            return Instant.parse(normal);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    // ------------------------------------------------------------------------------- references

    /** What a reference property may point at. */
    private record Target(String description, Predicate<String> accepts) {
        static Target of(String... types) {
            Set<String> set = Set.of(types);
            return new Target(String.join(" or ", types), set::contains);
        }
    }

    private static boolean isCustom(String type) {
        return !SDO_TYPES.contains(type) && !SRO_TYPES.contains(type) && !SCO_TYPES.contains(type)
                && !META_TYPES.contains(type) && !"bundle".equals(type);
    }

    private static final Target ANY_OBJECT = new Target("a STIX object (not a bundle)", t -> !"bundle".equals(t));
    private static final Target ANY_SDO = new Target("an SDO",
            t -> SDO_TYPES.contains(t) || isCustom(t));
    private static final Target SDO_OR_SCO = new Target("an SDO or SCO",
            t -> SDO_TYPES.contains(t) || SCO_TYPES.contains(t) || isCustom(t));
    private static final Target ANY_SCO = new Target("an SCO", SCO_TYPES::contains);
    private static final Target SCO_OR_SRO = new Target("an SCO or SRO",
            t -> SCO_TYPES.contains(t) || SRO_TYPES.contains(t));

    /** Targets by property, whatever object holds it, at any depth. */
    private static final Map<String, Target> TARGET_BY_PROPERTY = Map.of(
            "created_by_ref", Target.of("identity"),
            "object_marking_refs", Target.of("marking-definition"),
            "marking_ref", Target.of("marking-definition"),
            "body_raw_ref", Target.of("artifact", "file"),
            "service_dll_refs", Target.of("file"),
            "message_body_data_ref", Target.of("artifact"));

    /** Targets by "owner type.property" for the top-level references of the STIX 2.1 objects. */
    private static final Map<String, Target> TARGET_BY_OWNER_PROPERTY = new HashMap<>();

    static {
        Map<String, Target> t = TARGET_BY_OWNER_PROPERTY;
        t.put("relationship.source_ref", SDO_OR_SCO);
        t.put("relationship.target_ref", SDO_OR_SCO);
        t.put("sighting.sighting_of_ref", ANY_SDO);
        t.put("sighting.where_sighted_refs", Target.of("identity", "location"));
        t.put("sighting.observed_data_refs", Target.of("observed-data"));
        for (String owner : List.of("report", "grouping", "note", "opinion")) {
            t.put(owner + ".object_refs", ANY_OBJECT);
        }
        t.put("observed-data.object_refs", SCO_OR_SRO);
        t.put("language-content.object_ref", ANY_OBJECT);
        t.put("malware.sample_refs", Target.of("file", "artifact"));
        t.put("malware.operating_system_refs", Target.of("software"));
        t.put("malware-analysis.host_vm_ref", Target.of("software"));
        t.put("malware-analysis.operating_system_ref", Target.of("software"));
        t.put("malware-analysis.installed_software_refs", Target.of("software"));
        t.put("malware-analysis.sample_ref", Target.of("file", "artifact", "network-traffic"));
        t.put("malware-analysis.analysis_sco_refs", ANY_SCO);
        t.put("email-addr.belongs_to_ref", Target.of("user-account"));
        t.put("domain-name.resolves_to_refs", Target.of("ipv4-addr", "ipv6-addr", "domain-name"));
        for (String owner : List.of("ipv4-addr", "ipv6-addr")) {
            t.put(owner + ".resolves_to_refs", Target.of("mac-addr"));
            t.put(owner + ".belongs_to_refs", Target.of("autonomous-system"));
        }
        t.put("file.parent_directory_ref", Target.of("directory"));
        t.put("file.contains_refs", ANY_SCO);
        t.put("file.content_ref", Target.of("artifact"));
        t.put("directory.contains_refs", Target.of("file", "directory"));
        for (String property : List.of("from_ref", "sender_ref", "to_refs", "cc_refs", "bcc_refs")) {
            t.put("email-message." + property, Target.of("email-addr"));
        }
        t.put("email-message.raw_email_ref", Target.of("artifact"));
        for (String property : List.of("src_ref", "dst_ref")) {
            t.put("network-traffic." + property, Target.of("ipv4-addr", "ipv6-addr", "mac-addr", "domain-name"));
        }
        t.put("network-traffic.src_payload_ref", Target.of("artifact"));
        t.put("network-traffic.dst_payload_ref", Target.of("artifact"));
        t.put("network-traffic.encapsulates_refs", Target.of("network-traffic"));
        t.put("network-traffic.encapsulated_by_ref", Target.of("network-traffic"));
        t.put("process.opened_connection_refs", Target.of("network-traffic"));
        t.put("process.creator_user_ref", Target.of("user-account"));
        t.put("process.image_ref", Target.of("file"));
        t.put("process.parent_ref", Target.of("process"));
        t.put("process.child_refs", Target.of("process"));
        t.put("windows-registry-key.creator_user_ref", Target.of("user-account"));
    }

    /** What the ends of a relationship of a given type must be: source types, target types. */
    private static final Map<String, Target[]> ENDS_BY_RELATIONSHIP_TYPE = Map.of(
            "indicates", new Target[] {Target.of("indicator"), Target.of("attack-pattern", "campaign",
                    "infrastructure", "intrusion-set", "malware", "threat-actor", "tool")},
            "based-on", new Target[] {Target.of("indicator"),
                    new Target("an SCO or observed-data", t -> SCO_TYPES.contains(t) || "observed-data".equals(t))});

    private static void checkReferences(String name, String type, JsonNode object, Set<String> ids,
            List<String> out) {
        for (Map.Entry<String, JsonNode> property : object.properties()) {
            String key = property.getKey();
            Target target = TARGET_BY_OWNER_PROPERTY.get(type + "." + key);
            walkReferences(name, key, key, property.getValue(), target, ids, out);
        }
    }

    private static void walkReferences(String name, String key, String path, JsonNode value, Target target,
            Set<String> ids, List<String> out) {
        Target wanted = target != null ? target : TARGET_BY_PROPERTY.getOrDefault(key, ANY_OBJECT);
        if (key.endsWith("_ref")) {
            checkReference(name, path, value, wanted, ids, out);
            return;
        }
        if (key.endsWith("_refs")) {
            if (!value.isArray()) {
                out.add(name + ": " + path + " is " + describe(value) + ", not a list of identifiers");
                return;
            }
            for (int i = 0; i < value.size(); i++) {
                checkReference(name, path + "[" + i + "]", value.get(i), wanted, ids, out);
            }
            return;
        }
        if (value.isObject()) {
            for (Map.Entry<String, JsonNode> nested : value.properties()) {
                walkReferences(name, nested.getKey(), path + "." + nested.getKey(), nested.getValue(), null, ids,
                        out);
            }
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                JsonNode item = value.get(i);
                if (item.isObject()) {
                    for (Map.Entry<String, JsonNode> nested : item.properties()) {
                        walkReferences(name, nested.getKey(), path + "[" + i + "]." + nested.getKey(),
                                nested.getValue(), null, ids, out);
                    }
                }
            }
        }
    }

    private static void checkReference(String name, String path, JsonNode value, Target wanted, Set<String> ids,
            List<String> out) {
        if (!value.isString()) {
            out.add(name + ": " + path + " is " + describe(value) + ", not an identifier");
            return;
        }
        String ref = value.stringValue();
        Matcher m = IDENTIFIER.matcher(ref);
        if (!m.matches()) {
            out.add(name + ": " + path + " " + ref + " is not <type>--<uuid>");
            return;
        }
        if (!wanted.accepts().test(m.group(1))) {
            out.add(name + ": " + path + " " + ref + " must refer to " + wanted.description() + ", not "
                    + m.group(1));
        }
        if (!ids.contains(ref)) {
            String tlp = TLP_2_0_MARKINGS.get(ref);
            out.add(name + ": " + path + " " + ref + " is not in the bundle"
                    + (tlp == null ? "" : " (the " + tlp + " 2.0 marking-definition must be included)"));
        }
    }

    private static void checkRelationshipEnds(String name, JsonNode relationship, List<String> out) {
        String relationshipType = string(relationship, "relationship_type");
        Target[] ends = relationshipType == null ? null : ENDS_BY_RELATIONSHIP_TYPE.get(relationshipType);
        if (ends == null) {
            return;
        }
        String[] properties = {"source_ref", "target_ref"};
        for (int i = 0; i < 2; i++) {
            String ref = string(relationship, properties[i]);
            Matcher m = ref == null ? null : IDENTIFIER.matcher(ref);
            if (m != null && m.matches() && !ends[i].accepts().test(m.group(1))) {
                out.add(name + ": a " + relationshipType + " relationship's " + properties[i] + " must be "
                        + ends[i].description() + ", not " + m.group(1));
            }
        }
    }

    // ---------------------------------------------------------------------------------- helpers

    private static String string(JsonNode node, String property) {
        JsonNode value = node.get(property);
        return value != null && value.isString() ? value.stringValue() : null;
    }

    private static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "missing";
        }
        String text = value.toString();
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }

    // ---------------------------------------------------------------------------------- pattern

    private static final class PatternSyntaxError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PatternSyntaxError(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * A recursive-descent parser of the STIX 2.1 patterning grammar (OASIS STIX 2.1 part 9): it
     * accepts or rejects, building nothing. White space may stand between any two tokens, as in the
     * grammar.
     */
    private static final class PatternParser {
        private static final Pattern OBJECT_TYPE = Pattern.compile("[a-z0-9-]+");
        private static final Pattern PROPERTY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
        private static final Pattern FLOAT = Pattern.compile("[+-]?[0-9]*\\.[0-9]+");
        private static final Pattern INT = Pattern.compile("[+-]?(0|[1-9][0-9]*)");
        private static final Pattern HEX = Pattern.compile("([0-9a-fA-F]{2})*");
        private static final Pattern BASE64 = Pattern.compile(
                "([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{4}|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2}==)?");

        private enum Literal { STRING, INT, FLOAT, BOOL, TIMESTAMP, HEX, BINARY }

        private final String text;
        private int pos;

        PatternParser(String text) {
            this.text = text;
        }

        void parse() {
            skipSpace();
            if (pos == text.length()) {
                throw error("the pattern is empty");
            }
            observationExpressions();
            skipSpace();
            if (pos < text.length()) {
                throw error("unexpected " + found() + " after the end of the pattern");
            }
        }

        // observationExpressions := or ( FOLLOWEDBY or )*
        private void observationExpressions() {
            observationOr();
            while (keyword("FOLLOWEDBY")) {
                observationOr();
            }
        }

        private void observationOr() {
            observationAnd();
            while (keyword("OR")) {
                observationAnd();
            }
        }

        private void observationAnd() {
            observationExpression();
            while (keyword("AND")) {
                observationExpression();
            }
        }

        // observationExpression := ( '[' comparisonExpression ']' | '(' observationExpressions ')' ) qualifier*
        private void observationExpression() {
            if (symbol("[")) {
                comparisonExpression();
                expect("]", "']' closing the observation expression");
            } else if (symbol("(")) {
                observationExpressions();
                expect(")", "')' closing the observation expressions");
            } else {
                throw error("expected '[' or '(' opening an observation expression, found " + found());
            }
            while (true) {
                if (keyword("WITHIN")) {
                    Literal l = literal();
                    if ((l != Literal.INT && l != Literal.FLOAT) || text.charAt(lastLiteralStart) == '-') {
                        throw errorAt(lastLiteralStart, "WITHIN takes a positive number of seconds");
                    }
                    expectKeyword("SECONDS");
                } else if (keyword("REPEATS")) {
                    Literal l = literal();
                    if (l != Literal.INT || text.charAt(lastLiteralStart) == '-') {
                        throw errorAt(lastLiteralStart, "REPEATS takes a positive integer");
                    }
                    expectKeyword("TIMES");
                } else if (keyword("START")) {
                    expectLiteral(Literal.TIMESTAMP, "START takes a t'…' timestamp");
                    expectKeyword("STOP");
                    expectLiteral(Literal.TIMESTAMP, "STOP takes a t'…' timestamp");
                } else {
                    return;
                }
            }
        }

        private void comparisonExpression() {
            comparisonAnd();
            while (keyword("OR")) {
                comparisonAnd();
            }
        }

        private void comparisonAnd() {
            propertyTest();
            while (keyword("AND")) {
                propertyTest();
            }
        }

        // propertyTest := '(' comparisonExpression ')' | objectPath NOT? operator literal
        private void propertyTest() {
            if (symbol("(")) {
                comparisonExpression();
                expect(")", "')' closing the comparison expression");
                return;
            }
            objectPath();
            keyword("NOT");
            skipSpace();
            int operatorAt = pos;
            if (symbol("!=") || symbol("=")) {
                literal();
            } else if (symbol("<=") || symbol(">=") || symbol("<") || symbol(">")) {
                if (literal() == Literal.BOOL) {
                    throw errorAt(lastLiteralStart, "an ordering comparison cannot take a boolean");
                }
            } else if (keyword("IN")) {
                setLiteral();
            } else if (keyword("LIKE") || keyword("MATCHES") || keyword("ISSUBSET") || keyword("ISSUPERSET")) {
                String operator = text.substring(operatorAt, pos).trim();
                expectLiteral(Literal.STRING, operator + " takes a quoted string");
            } else {
                throw error("expected a comparison operator, found " + found());
            }
        }

        // objectPath := objectType ':' firstComponent component*
        private void objectPath() {
            skipSpace();
            int start = pos;
            while (pos < text.length() && isWordChar(text.charAt(pos))) {
                pos++;
            }
            String objectType = text.substring(start, pos);
            if (objectType.isEmpty()) {
                throw errorAt(start, "expected an object path (object-type:property), found " + foundAt(start));
            }
            if (!OBJECT_TYPE.matcher(objectType).matches()) {
                throw errorAt(start, "'" + objectType + "' is not an object type ([a-z0-9-]+)");
            }
            expect(":", "':' after the object type " + objectType);
            pathKey("a property name after ':'");
            while (true) {
                if (symbol(".")) {
                    pathKey("a property name after '.'");
                } else if (symbol("[")) {
                    skipSpace();
                    if (pos < text.length() && text.charAt(pos) == '*') {
                        pos++;
                    } else if (literal() != Literal.INT) {
                        throw errorAt(lastLiteralStart, "a list index is an integer or '*'");
                    }
                    expect("]", "']' closing the list index");
                } else {
                    return;
                }
            }
        }

        private void pathKey(String what) {
            skipSpace();
            if (pos < text.length() && text.charAt(pos) == '\'') {
                string(pos);
                return;
            }
            int start = pos;
            while (pos < text.length() && isIdentifierChar(text.charAt(pos))) {
                pos++;
            }
            if (!PROPERTY.matcher(text.substring(start, pos)).matches()) {
                throw errorAt(start, "expected " + what + ", found " + foundAt(start));
            }
        }

        // setLiteral := '(' ( literal ( ',' literal )* )? ')'
        private void setLiteral() {
            expect("(", "'(' opening the set after IN");
            if (symbol(")")) {
                return;
            }
            do {
                literal();
            } while (symbol(","));
            expect(")", "')' closing the set, or ',' between its values");
        }

        private int lastLiteralStart;

        /** Reads one literal and says which kind it is. */
        private Literal literal() {
            skipSpace();
            lastLiteralStart = pos;
            if (pos >= text.length()) {
                throw error("expected a value, found the end of the pattern");
            }
            char c = text.charAt(pos);
            if (c == '\'') {
                string(pos);
                return Literal.STRING;
            }
            if ((c == 't' || c == 'h' || c == 'b') && pos + 1 < text.length() && text.charAt(pos + 1) == '\'') {
                int start = pos;
                pos++;
                String body = string(pos);
                switch (c) {
                    case 't' -> {
                        if (instant(body) == null) {
                            throw errorAt(start, "t'" + body + "' is not a STIX timestamp (YYYY-MM-DDThh:mm:ss[.s+]Z)");
                        }
                        return Literal.TIMESTAMP;
                    }
                    case 'h' -> {
                        if (!HEX.matcher(body).matches()) {
                            throw errorAt(start, "h'…' holds pairs of hex digits");
                        }
                        return Literal.HEX;
                    }
                    default -> {
                        if (!BASE64.matcher(body).matches()) {
                            throw errorAt(start, "b'…' holds base64");
                        }
                        return Literal.BINARY;
                    }
                }
            }
            Matcher number = FLOAT.matcher(text).region(pos, text.length());
            if (number.lookingAt()) {
                pos = number.end();
                requireTokenEnd();
                return Literal.FLOAT;
            }
            number = INT.matcher(text).region(pos, text.length());
            if (number.lookingAt()) {
                pos = number.end();
                requireTokenEnd();
                return Literal.INT;
            }
            if (word("true") || word("false")) {
                return Literal.BOOL;
            }
            throw error("expected a value (quoted string, number, true/false, t'…', h'…', b'…'), found " + found());
        }

        private void expectLiteral(Literal kind, String message) {
            if (literal() != kind) {
                throw errorAt(lastLiteralStart, message);
            }
        }

        /** Numbers must not run into letters, digits or dots: {@code 01}, {@code 1x}, {@code 1.2.3}. */
        private void requireTokenEnd() {
            if (pos < text.length() && (isIdentifierChar(text.charAt(pos)) || text.charAt(pos) == '.')) {
                throw error("malformed number near " + found());
            }
        }

        /** Reads a quoted string starting at {@code at} (its opening quote) and returns its body, unescaped. */
        private String string(int at) {
            pos = at + 1;
            StringBuilder body = new StringBuilder();
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == '\'') {
                    pos++;
                    return body.toString();
                }
                if (c == '\\') {
                    if (pos + 1 >= text.length()) {
                        break;
                    }
                    char escaped = text.charAt(pos + 1);
                    if (escaped != '\\' && escaped != '\'') {
                        throw errorAt(pos, "bad escape \\" + escaped + " in a string (only \\\\ and \\' are allowed)");
                    }
                    body.append(escaped);
                    pos += 2;
                    continue;
                }
                body.append(c);
                pos++;
            }
            throw errorAt(at, "unterminated string");
        }

        private boolean keyword(String keyword) {
            return word(keyword);
        }

        private void expectKeyword(String keyword) {
            if (!keyword(keyword)) {
                throw error("expected " + keyword + ", found " + found());
            }
        }

        /** Consumes {@code w} when it stands at the cursor as a whole word. */
        private boolean word(String w) {
            skipSpace();
            int end = pos + w.length();
            if (text.startsWith(w, pos) && (end == text.length() || !isWordChar(text.charAt(end)))) {
                pos = end;
                return true;
            }
            return false;
        }

        private boolean symbol(String s) {
            skipSpace();
            if (text.startsWith(s, pos)) {
                pos += s.length();
                return true;
            }
            return false;
        }

        private void expect(String s, String what) {
            if (!symbol(s)) {
                throw error("expected " + what + ", found " + found());
            }
        }

        private void skipSpace() {
            while (pos < text.length() && " \t\r\n\u000B\f".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
        }

        private static boolean isIdentifierChar(char c) {
            return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }

        private static boolean isWordChar(char c) {
            return isIdentifierChar(c) || c == '-';
        }

        private String found() {
            skipSpace();
            return foundAt(pos);
        }

        private String foundAt(int at) {
            if (at >= text.length()) {
                return "the end of the pattern";
            }
            int end = Math.min(text.length(), at + 12);
            return "'" + text.substring(at, end) + (end < text.length() ? "…" : "") + "'";
        }

        private PatternSyntaxError error(String message) {
            return errorAt(pos, message);
        }

        private PatternSyntaxError errorAt(int at, String message) {
            return new PatternSyntaxError(message + " (at offset " + at + ")");
        }
    }

    /** Visible for the tests: the object types that have a schema of their own. */
    static Set<String> typesWithSchema() {
        Set<String> all = new LinkedHashSet<>();
        all.addAll(SDO_TYPES);
        all.addAll(SRO_TYPES);
        all.addAll(SCO_TYPES);
        all.addAll(META_TYPES);
        return Collections.unmodifiableSet(all);
    }
}
