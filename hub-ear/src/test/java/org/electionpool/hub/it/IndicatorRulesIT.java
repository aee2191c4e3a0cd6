package org.electionpool.hub.it;

import static org.electionpool.hub.it.CaseRequests.parse;
import static org.electionpool.hub.it.IndicatorRequests.group;
import static org.electionpool.hub.it.IndicatorRequests.indicator;
import static org.electionpool.hub.it.IndicatorRequests.share;
import static org.electionpool.hub.it.IndicatorRequests.sighting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.electionpool.hub.client.HubClient;
import org.electionpool.hub.client.HubResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Attack regressions and rules of indicator sharing: what TLP 2.0 forbids is refused with a stable
 * problem type and leaves nothing behind; a derived copy never reaches further than its source;
 * versions are the author's, in order, and end at a revocation.
 */
@ExtendWith(ArquillianExtension.class)
class IndicatorRulesIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return HubDeployment.ear();
    }

    private static final String REFUSED = "urn:electionpool:problem:distribution-refused";
    private static final String INVALID = "urn:electionpool:problem:validation-failed";

    private final HubClient ministry = DemoClients.as(DemoClients.MINISTRY);
    private final HubClient alpha = DemoClients.as(DemoClients.PLATFORM_A);
    private final HubClient beta = DemoClients.as(DemoClients.PLATFORM_B);

    private static void refused(String type, HubResponse r) {
        assertEquals(type, r.problemType().orElse(null), r.status() + " " + r.problem());
        assertEquals(400, r.status());
    }

    @Test
    void markingsThatNameNobodyOrNoGroupsRefuseThem() {
        String groupId = group(ministry, List.of(DemoClients.PLATFORM_A));
        refused(REFUSED, ministry.post("/api/v1/indicators", indicator("GREEN", List.of(DemoClients.PLATFORM_A), List.of())));
        refused(REFUSED, ministry.post("/api/v1/indicators", indicator("CLEAR", List.of(), List.of(groupId))));
        refused(REFUSED, ministry.post("/api/v1/indicators", indicator("RED", List.of(), List.of(groupId))));
        refused(REFUSED, ministry.post("/api/v1/indicators", indicator("AMBER+STRICT", List.of(), List.of(groupId))));
        refused(INVALID, ministry.post("/api/v1/indicators", indicator("AMBER", List.of(DemoClients.AUDITOR), List.of())));
        refused(INVALID, ministry.post("/api/v1/indicators", indicator("AMBER", List.of("no-such-org"), List.of())));
        String foreignGroup = group(beta, List.of());
        refused(INVALID, ministry.post("/api/v1/indicators", indicator("AMBER", List.of(), List.of(foreignGroup))));
    }

    @Test
    void unknownDisarmIdsAreNamed() {
        String body = Json.createObjectBuilder(parse(indicator("GREEN", List.of(), List.of())))
                .add("techniques", Json.createArrayBuilder().add("T0002").add("T9999")).build().toString();
        HubResponse r = ministry.post("/api/v1/indicators", body);
        refused(INVALID, r);
        assertTrue(r.problem().contains("techniques[1]") && r.problem().contains("T9999"), r.problem());
        assertFalse(r.problem().contains("techniques[0]"), r.problem());
    }

    @Test
    void aCaseTheAuthorIsNoPartyToCannotBeRelated() {
        String foreignCase = CaseRequests.create(DemoClients.as(DemoClients.ELECTION_AUTHORITY), DemoClients.PLATFORM_B);
        String body = Json.createObjectBuilder(parse(indicator("GREEN", List.of(), List.of())))
                .add("related", Json.createArrayBuilder().add(Json.createObjectBuilder().add("caseId", foreignCase))).build().toString();
        HubResponse r = ministry.post("/api/v1/indicators", body);
        refused(INVALID, r);
        assertTrue(r.problem().contains("related[0]"), r.problem());
    }

    @Test
    void aDerivedCopyIsNeverLooserAndNeverReachesBeyondItsSource() {
        String source = share(ministry, indicator("AMBER", List.of(DemoClients.PLATFORM_A), List.of()));
        String looser = Json.createObjectBuilder(parse(indicator("GREEN", List.of(), List.of())))
                .add("derivedFrom", source).build().toString();
        refused(REFUSED, alpha.post("/api/v1/indicators", looser));
        // alpha re-shares to beta under AMBER: beta still cannot read it, because it cannot read the source
        String copy = share(alpha, Json.createObjectBuilder(parse(indicator("AMBER", List.of(DemoClients.PLATFORM_B), List.of())))
                .add("derivedFrom", source).build().toString());
        assertEquals(404, beta.get("/api/v1/indicators/" + copy).status());
        assertEquals(200, alpha.get("/api/v1/indicators/" + copy).status());
        assertEquals(404, ministry.get("/api/v1/indicators/" + copy).status(), "the copy's own marking names only beta");
    }

    @Test
    void aSightingIsNeverMarkedLooserThanItsIndicator() {
        String id = share(ministry, indicator("AMBER", List.of(DemoClients.PLATFORM_A), List.of()));
        refused(REFUSED, alpha.post("/api/v1/indicators/" + id + "/sightings", sighting("GREEN", List.of())));
        HubResponse ok = alpha.post("/api/v1/indicators/" + id + "/sightings", sighting("RED", List.of()));
        assertEquals(201, ok.status(), ok.body());
        JsonObject seen = parse(ministry.get("/api/v1/indicators/" + id + "/sightings").body());
        assertEquals(1, seen.getJsonArray("sightings").size(), "the author sees every sighting of its indicator");
    }

    @Test
    void versionsAreTheAuthorsInOrderAndEndAtARevocation() {
        String id = share(ministry, indicator("GREEN", List.of(), List.of()));
        String alphaCursor = CaseRequests.inboxEnd(alpha);
        assertEquals(403, alpha.post("/api/v1/indicators/" + id + "/versions", "{\"basedOn\":1,\"description\":\"mine\"}").status());
        HubResponse v2 = ministry.post("/api/v1/indicators/" + id + "/versions", "{\"basedOn\":1,\"confidence\":95}");
        assertEquals(201, v2.status(), v2.body());
        assertEquals(2, parse(v2.body()).getInt("version"));
        assertEquals(409, ministry.post("/api/v1/indicators/" + id + "/versions", "{\"basedOn\":1,\"confidence\":10}").status());
        // narrowing takes effect for every version at once
        HubResponse v3 = ministry.post("/api/v1/indicators/" + id + "/versions",
                "{\"basedOn\":2,\"tlp\":\"AMBER\",\"distribution\":{\"organizations\":[\"" + DemoClients.PLATFORM_A + "\"]}}");
        assertEquals(201, v3.status(), v3.body());
        assertTrue(IndicatorRequests.inboxAfter(alpha, alphaCursor).stream().anyMatch(e -> id.equals(e.getString("indicatorId", null))
                && "indicator.distribution.changed".equals(e.getString("type"))), "a distribution change is its own audited event");
        assertEquals(404, beta.get("/api/v1/indicators/" + id + "/versions").status());
        assertEquals(3, parse(alpha.get("/api/v1/indicators/" + id + "/versions").body()).getJsonArray("versions").size());
        HubResponse revoked = ministry.post("/api/v1/indicators/" + id + "/versions", "{\"basedOn\":3,\"revoked\":true,\"note\":\"false positive\"}");
        assertEquals(201, revoked.status(), revoked.body());
        assertTrue(parse(revoked.body()).getBoolean("revoked"));
        HubResponse after = ministry.post("/api/v1/indicators/" + id + "/versions", "{\"basedOn\":4,\"confidence\":10}");
        assertEquals(409, after.status());
        assertEquals("urn:electionpool:problem:indicator-revoked", after.problemType().orElse(null));
    }

    @Test
    void aForgedCursorIsRefused() {
        HubResponse r = alpha.get("/api/v1/indicators?after=Zm9yZ2Vk");
        assertEquals(400, r.status());
        assertEquals("urn:electionpool:problem:invalid-parameter", r.problemType().orElse(null));
    }
}
