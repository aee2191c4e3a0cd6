package org.electionpool.hub.indicators.stix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.electionpool.hub.api.indicators.Distribution;
import org.electionpool.hub.api.indicators.IndicatorType;
import org.electionpool.hub.api.indicators.SightingAction;
import org.electionpool.hub.api.indicators.Tlp;
import org.electionpool.hub.api.organizations.OrganizationKind;
import org.electionpool.hub.indicators.domain.IndicatorRecord;
import org.electionpool.hub.indicators.domain.IndicatorValue;
import org.electionpool.hub.indicators.domain.SightingRecord;
import org.junit.jupiter.api.Test;

class StixObjectsTest {

    private static final Instant CREATED = Instant.parse("2026-11-01T10:00:00.123456Z");

    private static final StixParty MINISTRY = new StixParty("ministry-of-justice-fi", "Ministry of Justice",
            OrganizationKind.AUTHORITY, Instant.parse("2026-01-01T00:00:00Z"));

    private static IndicatorRecord record(IndicatorValue value, int version, Instant modified, Tlp tlp, List<String> techniques) {
        return new IndicatorRecord("indicator--6f0e4b1c-3a57-4d0c-9e1b-2a1f0c9d8e7f", MINISTRY.id(), "ref", "sha", value,
                tlp, version, null, CREATED, new IndicatorRecord.Version(version, Tlp.GREEN, "forged", 80, CREATED, null,
                techniques, "fi-parliamentary-2027", false, null, Distribution.NONE, List.of(), "kid", modified));
    }

    @Test
    void anIndicatorVersionCarriesItsMarkingIdentityTechniquesObservableAndRelationshipsInThatOrder() {
        IndicatorRecord r = record(new IndicatorValue(IndicatorType.URL, "https://example.com/", null, null, null), 1, CREATED,
                Tlp.AMBER, List.of("T0097.111"));
        List<JsonObject> objects = StixObjects.indicator(r, Tlp.AMBER, id -> MINISTRY);
        assertEquals(List.of("marking-definition", "identity", "attack-pattern", "indicator", "url", "relationship",
                "relationship"), objects.stream().map(o -> o.getString("type")).toList());
        JsonObject indicator = objects.get(3);
        assertEquals(TlpMarkings.id(Tlp.AMBER), indicator.getJsonArray("object_marking_refs").getString(0),
                "the current marking, not the version's own");
        assertEquals("2026-11-01T10:00:00.123456Z", indicator.getString("created"), "microseconds kept");
        assertEquals("url--be22e93a-5e33-5678-b19f-8b4ea06df0bd", objects.get(4).getString("id"), "STIX's deterministic SCO id");
        assertEquals(objects.get(1).getString("id"), indicator.getString("created_by_ref"));
        assertEquals("based-on", objects.get(5).getString("relationship_type"));
        assertEquals("indicates", objects.get(6).getString("relationship_type"));
        assertEquals(objects.get(2).getString("id"), objects.get(6).getString("target_ref"));
        assertEquals("T0097.111", objects.get(2).getJsonArray("external_references").getJsonObject(0).getString("external_id"));
    }

    @Test
    void theSameFactHasTheSameIdsInEveryExportAndModifiedIsNeverBeforeCreated() {
        IndicatorValue value = new IndicatorValue(IndicatorType.DOMAIN, "forged.example", null, null, null);
        List<JsonObject> a = StixObjects.indicator(record(value, 2, CREATED.plusSeconds(60), Tlp.GREEN, List.of("T0002")),
                Tlp.GREEN, id -> MINISTRY);
        List<JsonObject> b = StixObjects.indicator(record(value, 2, CREATED.plusSeconds(60), Tlp.GREEN, List.of("T0002")),
                Tlp.GREEN, id -> MINISTRY);
        assertEquals(a, b);
        List<JsonObject> early = StixObjects.indicator(record(value, 1, CREATED.minusSeconds(5), Tlp.GREEN, List.of()),
                Tlp.GREEN, id -> MINISTRY);
        JsonObject ind = early.stream().filter(o -> o.getString("type").equals("indicator")).findFirst().orElseThrow();
        assertTrue(Instant.parse(ind.getString("modified")).compareTo(Instant.parse(ind.getString("created"))) >= 0);
    }

    @Test
    void aPdqOnlyHashHasNoFileObservableAndANarrativeTravelsAsNarrativeAndNote() {
        List<JsonObject> pdq = StixObjects.indicator(record(new IndicatorValue(IndicatorType.CONTENT_HASH,
                "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22", null, "PDQ", null), 1, CREATED, Tlp.GREEN,
                List.of()), Tlp.GREEN, id -> MINISTRY);
        assertFalse(pdq.stream().anyMatch(o -> o.getString("type").equals("file")), "OpenCTI cannot key a PDQ-only file");
        List<JsonObject> narrative = StixObjects.indicator(record(new IndicatorValue(IndicatorType.NARRATIVE,
                "Voting by SMS is possible", null, null, "en"), 1, CREATED, Tlp.GREEN, List.of()), Tlp.GREEN, id -> MINISTRY);
        Set<String> types = new HashSet<>(narrative.stream().map(o -> o.getString("type")).toList());
        assertTrue(types.containsAll(Set.of("narrative", "note", "relationship")), types.toString());
    }

    @Test
    void aSightingNamesItsIndicatorReporterAndOwnMarking() {
        SightingRecord s = new SightingRecord("sighting--0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                "indicator--6f0e4b1c-3a57-4d0c-9e1b-2a1f0c9d8e7f", "platform-alpha", "ref", "sha", 42,
                CREATED, CREATED.plusSeconds(3600), "x.com", List.of("FI"), SightingAction.REMOVED, null, Tlp.AMBER, null,
                Distribution.NONE, CREATED.plusSeconds(7200));
        StixParty alpha = new StixParty("platform-alpha", "Platform Alpha", OrganizationKind.PLATFORM, CREATED);
        List<JsonObject> objects = StixObjects.sighting(s, Tlp.AMBER, id -> alpha);
        JsonObject sighting = objects.get(2);
        assertEquals(42, sighting.getInt("count"));
        assertEquals(s.indicator(), sighting.getString("sighting_of_ref"));
        assertEquals(StixParty.stixId("platform-alpha"), sighting.getJsonArray("where_sighted_refs").getString(0));
        assertEquals(TlpMarkings.id(Tlp.AMBER), sighting.getJsonArray("object_marking_refs").getString(0));
        assertEquals("REMOVED", sighting.getString("x_hub_action"));
    }

    @Test
    void theTlpMarkingsAreTheOasisPublishedObjects() {
        assertEquals("marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487", TlpMarkings.id(Tlp.CLEAR));
        assertEquals("marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003", TlpMarkings.id(Tlp.AMBER_STRICT));
        assertEquals("TLP:AMBER+STRICT", TlpMarkings.object(Tlp.AMBER_STRICT).getString("name"));
        assertEquals("amber+strict", TlpMarkings.object(Tlp.AMBER_STRICT).getJsonObject("extensions")
                .getJsonObject(TlpMarkings.EXTENSION).getString("tlp_2_0"));
        assertEquals(Tlp.CLEAR, TlpMarkings.of("marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9").orElseThrow(),
                "TLP 1.0 WHITE reads as CLEAR");
        assertTrue(TlpMarkings.of("marking-definition--00000000-0000-4000-8000-000000000000").isEmpty());
    }
}
