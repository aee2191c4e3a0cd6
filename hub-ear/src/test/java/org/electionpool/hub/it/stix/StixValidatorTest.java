package org.electionpool.hub.it.stix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Unit tests of {@link StixValidator}: a bundle shaped like the hub's exports passes, and each
 * attack regression on it (one property broken at a time) is refused with a violation that names
 * what is wrong.
 */
class StixValidatorTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String IDENTITY = "identity--4b5c1f3e-8d2a-4c6b-9e1f-2a3b4c5d6e7f";
    private static final String OTHER_IDENTITY = "identity--0d6b7c3a-1e2f-4a5b-8c9d-0e1f2a3b4c5d";
    private static final String TLP_AMBER = "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421";
    private static final String ATTACK_PATTERN = "attack-pattern--7e1a2b3c-4d5e-4f60-a1b2-c3d4e5f60718";
    private static final String INDICATOR = "indicator--9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d";
    /** The deterministic (UUIDv5, STIX namespace) id of the url SCO whose value is https://example.com/. */
    private static final String URL = "url--be22e93a-5e33-5678-b19f-8b4ea06df0bd";
    private static final String INDICATES = "relationship--1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
    private static final String BASED_ON = "relationship--2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e";
    private static final String SIGHTING = "sighting--3c4d5e6f-7a8b-4c9d-ae0f-1a2b3c4d5e6f";

    /** A bundle with one object of each kind the hub exports; every attack test breaks one thing in it. */
    private static ObjectNode validBundle() {
        String json = """
                {
                  "type": "bundle",
                  "id": "bundle--5d6e7f8a-9b0c-4d1e-8f2a-3b4c5d6e7f80",
                  "objects": [
                    {"type": "identity", "spec_version": "2.1", "id": "%1$s",
                     "created": "2024-05-01T10:00:00.000Z", "modified": "2024-05-01T10:00:00.000Z",
                     "name": "Election Pool Hub", "identity_class": "organization",
                     "object_marking_refs": ["%2$s"]},
                    {"type": "marking-definition", "spec_version": "2.1", "id": "%2$s",
                     "created": "2022-10-01T00:00:00.000Z", "name": "TLP:AMBER",
                     "extensions": {"extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d":
                         {"extension_type": "property-extension", "tlp_2_0": "amber"}}},
                    {"type": "attack-pattern", "spec_version": "2.1", "id": "%3$s",
                     "created_by_ref": "%1$s",
                     "created": "2024-05-01T10:00:00.000Z", "modified": "2024-05-02T10:00:00.000Z",
                     "name": "Develop Image-based Content",
                     "external_references": [{"source_name": "DISARM", "external_id": "T0086",
                         "url": "https://github.com/DISARMFoundation/DISARMframeworks"}],
                     "kill_chain_phases": [{"kill_chain_name": "mitre-attack", "phase_name": "develop-content"}],
                     "object_marking_refs": ["%2$s"]},
                    {"type": "indicator", "spec_version": "2.1", "id": "%4$s",
                     "created_by_ref": "%1$s",
                     "created": "2024-05-03T08:30:00.000Z", "modified": "2024-05-03T08:30:00.000Z",
                     "name": "Disinformation landing page", "indicator_types": ["malicious-activity"],
                     "pattern": "[url:value = 'https://example.com/']", "pattern_type": "stix",
                     "pattern_version": "2.1",
                     "valid_from": "2024-05-03T08:30:00Z", "valid_until": "2024-06-03T08:30:00Z",
                     "object_marking_refs": ["%2$s"]},
                    {"type": "url", "spec_version": "2.1", "id": "%5$s", "value": "https://example.com/"},
                    {"type": "relationship", "spec_version": "2.1", "id": "%6$s",
                     "created_by_ref": "%1$s",
                     "created": "2024-05-03T08:30:00.000Z", "modified": "2024-05-03T08:30:00.000Z",
                     "relationship_type": "indicates", "source_ref": "%4$s", "target_ref": "%3$s",
                     "object_marking_refs": ["%2$s"]},
                    {"type": "relationship", "spec_version": "2.1", "id": "%7$s",
                     "created_by_ref": "%1$s",
                     "created": "2024-05-03T08:30:00.000Z", "modified": "2024-05-03T08:30:00.000Z",
                     "relationship_type": "based-on", "source_ref": "%4$s", "target_ref": "%5$s",
                     "object_marking_refs": ["%2$s"]},
                    {"type": "sighting", "spec_version": "2.1", "id": "%8$s",
                     "created_by_ref": "%1$s",
                     "created": "2024-05-04T12:00:00.000Z", "modified": "2024-05-04T12:00:00.000Z",
                     "sighting_of_ref": "%4$s", "where_sighted_refs": ["%1$s"], "count": 3,
                     "first_seen": "2024-05-04T09:00:00Z", "last_seen": "2024-05-04T11:00:00Z",
                     "object_marking_refs": ["%2$s"]}
                  ]
                }
                """.formatted(IDENTITY, TLP_AMBER, ATTACK_PATTERN, INDICATOR, URL, INDICATES, BASED_ON, SIGHTING);
        return (ObjectNode) JSON.readTree(json);
    }

    private static ObjectNode object(ObjectNode bundle, String id) {
        for (JsonNode object : bundle.get("objects")) {
            if (id.equals(object.get("id").stringValue())) {
                return (ObjectNode) object;
            }
        }
        throw new AssertionError("no object " + id + " in the test bundle");
    }

    private static void remove(ObjectNode bundle, String id) {
        ArrayNode objects = (ArrayNode) bundle.get("objects");
        for (int i = 0; i < objects.size(); i++) {
            if (id.equals(objects.get(i).get("id").stringValue())) {
                objects.remove(i);
                return;
            }
        }
        throw new AssertionError("no object " + id + " in the test bundle");
    }

    private static void assertRefused(ObjectNode bundle, String... expectedFragments) {
        assertRefused(bundle.toString(), expectedFragments);
    }

    private static void assertRefused(String json, String... expectedFragments) {
        List<String> violations = StixValidator.violations(json);
        for (String fragment : expectedFragments) {
            assertTrue(violations.stream().anyMatch(v -> v.contains(fragment)),
                    () -> "expected a violation containing <" + fragment + ">, got " + violations);
        }
    }

    private static ObjectNode bundleWithPattern(String pattern) {
        ObjectNode bundle = validBundle();
        object(bundle, INDICATOR).put("pattern", pattern);
        return bundle;
    }

    // ------------------------------------------------------------------------------ valid input

    @Test
    void aBundleOfTheHubsObjectKindsHasNoViolation() {
        assertEquals(List.of(), StixValidator.violations(validBundle().toString()));
    }

    @Test
    void everyTypeWithASchemaFindsItsOasisSchemaOnTheClasspath() {
        for (String type : StixValidator.typesWithSchema()) {
            String file = StixValidator.schemaFileFor(type);
            assertNotNull(getClass().getResource("/stix2.1-json-schemas/schemas/" + file),
                    () -> type + " has no schema " + file);
        }
    }

    @Test
    void aCustomObjectIsCheckedAgainstCore() {
        ObjectNode bundle = validBundle();
        ObjectNode narrative = ((ArrayNode) bundle.get("objects")).addObject();
        narrative.put("type", "narrative").put("spec_version", "2.1")
                .put("id", "narrative--6e7f8a9b-0c1d-4e2f-9a3b-4c5d6e7f8a9b")
                .put("created", "2024-05-01T10:00:00.000Z").put("modified", "2024-05-01T10:00:00.000Z")
                .put("name", "Postal ballots are thrown away").put("created_by_ref", IDENTITY);
        assertEquals(List.of(), StixValidator.violations(bundle.toString()));

        narrative.remove("created");
        assertRefused(bundle, "common/core.json");
    }

    @Test
    void timesAreComparedAsInstantsNotAsText() {
        // As text "…00.000Z" sorts after "…00.0001Z"; as instants the modified one is 100 µs later.
        ObjectNode bundle = validBundle();
        object(bundle, ATTACK_PATTERN).put("created", "2024-05-01T10:00:00.000Z")
                .put("modified", "2024-05-01T10:00:00.0001Z");
        assertEquals(List.of(), StixValidator.violations(bundle.toString()));

        object(bundle, ATTACK_PATTERN).put("created", "2024-05-01T10:00:00.0001Z")
                .put("modified", "2024-05-01T10:00:00.000Z");
        assertRefused(bundle, ATTACK_PATTERN + ": modified");
    }

    @Test
    void aPatternOfAnotherLanguageIsNotParsedAsStix() {
        ObjectNode bundle = validBundle();
        object(bundle, INDICATOR).put("pattern_type", "sigma").put("pattern", "title: x\ndetection: {}");
        assertEquals(List.of(), StixValidator.violations(bundle.toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[url:value = 'https://example.com/']",
        "[url:value = 'a\\'b']",
        "[url:value = 'back\\\\slash']",
        "[user-account:account_type = 'twitter' AND user-account:account_login = 'x']",
        "[file:hashes.'SHA-256' = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855']",
        "[text:value = '#tag']",
        "[a:b IN ('x','y')] OR [c:d = 1]",
        "[email-message:to_refs[*].value = 'a@example.com' AND email-message:body_multipart[0].body LIKE '%vote%']",
        "[(domain-name:value = 'example.com' OR domain-name:value MATCHES '^ex') AND domain-name:value NOT = 'x']",
        "[x-post:score >= -1.5] FOLLOWEDBY [x-post:deleted = false]",
        "([a:b = 1] AND [c:d != 2]) WITHIN 300 SECONDS",
        "[a:b NOT ISSUBSET '10.0.0.0/8'] REPEATS 5 TIMES START t'2024-05-01T00:00:00Z' STOP t'2024-05-02T00:00:00.5Z'",
        "[artifact:payload_bin = b'dGVzdA=='] AND [artifact:hashes.MD5 = h'0a1B']",
    })
    void aWellFormedPatternIsAccepted(String pattern) {
        assertEquals(List.of(), StixValidator.patternViolations(pattern));
        assertEquals(List.of(), StixValidator.violations(bundleWithPattern(pattern).toString()));
    }

    // ------------------------------------------------------------------------ attack regressions

    @Test
    void anObjectMissingARequiredPropertyIsRefused() {
        ObjectNode bundle = validBundle();
        object(bundle, INDICATOR).remove("valid_from");
        assertRefused(bundle, INDICATOR + ": sdos/indicator.json", "valid_from");
    }

    @Test
    void anObjectModifiedBeforeItWasCreatedIsRefused() {
        ObjectNode bundle = validBundle();
        object(bundle, ATTACK_PATTERN).put("modified", "2024-04-30T10:00:00.000Z");
        assertRefused(bundle, ATTACK_PATTERN + ": modified 2024-04-30T10:00:00.000Z is not at or after created");
    }

    @Test
    void anIndicatorValidUntilItsStartIsRefused() {
        ObjectNode bundle = validBundle();
        object(bundle, INDICATOR).put("valid_until", "2024-05-03T08:30:00Z");
        assertRefused(bundle, INDICATOR + ": valid_until 2024-05-03T08:30:00Z is not after valid_from");
    }

    @Test
    void aCreatedByRefPointingToAnIndicatorIsRefused() {
        ObjectNode bundle = validBundle();
        object(bundle, ATTACK_PATTERN).put("created_by_ref", INDICATOR);
        assertRefused(bundle, ATTACK_PATTERN + ": created_by_ref " + INDICATOR + " must refer to identity");
    }

    @Test
    void anObjectMarkingRefPointingToAnIdentityIsRefused() {
        ObjectNode bundle = validBundle();
        ((ArrayNode) object(bundle, INDICATOR).get("object_marking_refs")).add(IDENTITY);
        assertRefused(bundle, "object_marking_refs[1] " + IDENTITY + " must refer to marking-definition");
    }

    @Test
    void aDanglingReferenceIsRefused() {
        ObjectNode bundle = validBundle();
        ((ArrayNode) object(bundle, SIGHTING).get("where_sighted_refs")).add(OTHER_IDENTITY);
        assertRefused(bundle, SIGHTING + ": where_sighted_refs[1] " + OTHER_IDENTITY + " is not in the bundle");
    }

    @Test
    void aTlpMarkingReferencedButNotIncludedIsRefused() {
        ObjectNode bundle = validBundle();
        remove(bundle, TLP_AMBER);
        assertRefused(bundle, TLP_AMBER + " is not in the bundle (the TLP:AMBER 2.0 marking-definition must be included)");
    }

    @Test
    void anIdWhosePrefixIsNotTheObjectsTypeIsRefused() {
        ObjectNode bundle = validBundle();
        String wrong = "indicator--3c4d5e6f-7a8b-4c9d-ae0f-1a2b3c4d5e6f";
        object(bundle, SIGHTING).put("id", wrong);
        assertRefused(bundle, wrong + ": id prefix indicator is not the object's type sighting");
    }

    @Test
    void anIdThatIsNotAUuidIsRefused() {
        ObjectNode bundle = validBundle();
        object(bundle, SIGHTING).put("id", "sighting--42");
        assertRefused(bundle, "sighting--42: id is not <type>--<uuid>");
    }

    @Test
    void aStix20SpecVersionIsRefused() {
        ObjectNode bundle = validBundle();
        object(bundle, ATTACK_PATTERN).put("spec_version", "2.0");
        assertRefused(bundle, ATTACK_PATTERN + ": spec_version is \"2.0\", not \"2.1\"");
    }

    @Test
    void anScoWithoutSpecVersionIsRefused() {
        ObjectNode bundle = validBundle();
        object(bundle, URL).remove("spec_version");
        assertRefused(bundle, URL + ": spec_version is missing");
    }

    @Test
    void aRelationshipWhoseTargetIsAMarkingIsRefused() {
        ObjectNode bundle = validBundle();
        object(bundle, INDICATES).put("relationship_type", "related-to").put("target_ref", TLP_AMBER);
        assertRefused(bundle, INDICATES + ": target_ref " + TLP_AMBER + " must refer to an SDO or SCO");
    }

    @Test
    void anIndicatesRelationshipFromAnAttackPatternIsRefused() {
        ObjectNode bundle = validBundle();
        object(bundle, INDICATES).put("source_ref", ATTACK_PATTERN).put("target_ref", INDICATOR);
        assertRefused(bundle, "a indicates relationship's source_ref must be indicator, not attack-pattern",
                "a indicates relationship's target_ref must be attack-pattern or");
    }

    @Test
    void aBasedOnRelationshipToAnAttackPatternIsRefused() {
        ObjectNode bundle = validBundle();
        object(bundle, BASED_ON).put("target_ref", ATTACK_PATTERN);
        assertRefused(bundle, "a based-on relationship's target_ref must be an SCO or observed-data, not attack-pattern");
    }

    @Test
    void aSightingSightedWhereAnIndicatorIsRefused() {
        ObjectNode bundle = validBundle();
        ((ArrayNode) object(bundle, SIGHTING).get("where_sighted_refs")).add(INDICATOR);
        assertRefused(bundle, "where_sighted_refs[1] " + INDICATOR + " must refer to identity or location");
    }

    @Test
    void aSightingOfAnScoIsRefused() {
        ObjectNode bundle = validBundle();
        object(bundle, SIGHTING).put("sighting_of_ref", URL);
        assertRefused(bundle, "sighting_of_ref " + URL + " must refer to an SDO, not url");
    }

    @Test
    void aRefThatIsNotAnIdentifierIsRefused() {
        ObjectNode bundle = validBundle();
        object(bundle, INDICATOR).put("created_by_ref", "the hub");
        assertRefused(bundle, INDICATOR + ": created_by_ref the hub is not <type>--<uuid>");
    }

    @Test
    void aNestedMarkingRefIsChecked() {
        ObjectNode bundle = validBundle();
        object(bundle, INDICATOR).putArray("granular_markings").addObject()
                .put("marking_ref", IDENTITY).putArray("selectors").add("name");
        assertRefused(bundle, "granular_markings[0].marking_ref " + IDENTITY + " must refer to marking-definition");
    }

    @Test
    void aDuplicatedObjectIsRefused() {
        ObjectNode bundle = validBundle();
        ((ArrayNode) bundle.get("objects")).add(object(bundle, INDICATOR).deepCopy());
        assertRefused(bundle, INDICATOR + ": appears twice in the bundle with the same modified");
    }

    @Test
    void aBundleWithTheWrongTypeOrIdIsRefused() {
        ObjectNode bundle = validBundle();
        bundle.put("type", "collection").put("id", "bundle--x");
        assertRefused(bundle, "bundle: type is \"collection\", not \"bundle\"", "bundle: id \"bundle--x\" is not bundle--<uuid>");
    }

    @Test
    void aBundleWithoutAnObjectsArrayIsRefused() {
        ObjectNode bundle = validBundle();
        bundle.put("objects", "none");
        assertRefused(bundle, "bundle: objects is \"none\", not an array");
    }

    @Test
    void textThatIsNotOneJsonObjectIsRefused() {
        assertRefused("{\"type\": \"bundle\"", "bundle: not a single JSON document");
        assertRefused(validBundle() + " {}", "bundle: not a single JSON document");
        assertRefused("{\"type\": \"bundle\", \"type\": \"bundle\"}", "bundle: not a single JSON document");
    }

    @Test
    void anIndicatorWithABrokenPatternIsRefused() {
        assertRefused(bundleWithPattern("[url:value = 'https://example.com/'"),
                INDICATOR + ": pattern [url:value = 'https://example.com/': expected ']'");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "[url:value = 'x'",
        "url:value = 'x']",
        "[[url:value = 'x']]",
        "[url:value = 'it's']",
        "[url:value = 'unterminated]",
        "[url:value = 'bad \\n escape']",
        "[url:value = \"x\"]",
        "[url:value = 'x'] trailing",
        "[url:value = 'x'] and [url:value = 'y']",
        "[]",
        "[url:value]",
        "[url: = 'x']",
        "[URL:value = 'x']",
        "[url:value == 'x']",
        "[url:value = 'x' AND]",
        "[url:value = 01]",
        "[url:value < true]",
        "[url:value LIKE 1]",
        "[url:value IN 'x']",
        "[url:value IN ('x' 'y')]",
        "[url:value = h'abc']",
        "[url:value = b'abc']",
        "[url:value = t'2024-02-30T00:00:00Z']",
        "[url:value = t'2024-05-01 00:00:00']",
        "[url:value = 'x'] WITHIN -5 SECONDS",
        "[url:value = 'x'] REPEATS 2",
        "[file:hashes.SHA-256 = 'x']",
        "[file:names[x] = 'x']",
    })
    void aMalformedPatternIsRefused(String pattern) {
        List<String> violations = StixValidator.patternViolations(pattern);
        assertEquals(1, violations.size(), () -> "pattern <" + pattern + "> gave " + violations);
        assertRefused(bundleWithPattern(pattern), INDICATOR + ": pattern ");
    }
}
