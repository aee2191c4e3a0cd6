package org.electionpool.hub.it;

import static org.electionpool.hub.it.CaseRequests.parse;
import static org.electionpool.hub.it.CaseRequests.response;
import static org.electionpool.hub.it.CaseRequests.transition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.electionpool.hub.client.HubClient;
import org.electionpool.hub.client.HubResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The authorisation matrix: every case endpoint × every kind of organisation × own or foreign
 * case → the expected status, with zero leaks. A foreign case answers exactly like an id that was
 * never issued (same status, same problem type and detail), on every path, list and inbox.
 */
@ExtendWith(ArquillianExtension.class)
class CaseIsolationIT {

    private static final String NEVER_ISSUED = "case-00000000-0000-4000-8000-000000000000";

    /** The evidence the matrix attaches: text/plain, so its SHA-256 is known before the call. */
    private static final byte[] EVIDENCE = "Screenshot transcript: 'advance voting ends on 14 April'".getBytes(
            java.nio.charset.StandardCharsets.UTF_8);
    private static final String EVIDENCE_SHA256 = sha256Hex(EVIDENCE);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return HubDeployment.ear();
    }

    /** One case endpoint, called on a case id. */
    private record Endpoint(String name, BiFunction<HubClient, String, HubResponse> call) {
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET case", (c, id) -> c.get("/api/v1/cases/" + id)),
            new Endpoint("GET messages", (c, id) -> c.get("/api/v1/cases/" + id + "/messages")),
            new Endpoint("POST message", (c, id) -> c.post("/api/v1/cases/" + id + "/messages", "{\"text\":\"hello\"}")),
            new Endpoint("POST transition WITHDRAW", (c, id) -> c.post("/api/v1/cases/" + id + "/transitions",
                    transition("WITHDRAW", null))),
            new Endpoint("POST transition REQUEST_INFORMATION", (c, id) -> c.post("/api/v1/cases/" + id + "/transitions",
                    transition("REQUEST_INFORMATION", "?"))),
            new Endpoint("PUT item response", (c, id) -> c.put("/api/v1/cases/" + id + "/items/1/response",
                    response("REMOVED", null))),
            new Endpoint("POST attachment", (c, id) -> c.post("/api/v1/cases/" + id + "/attachments",
                    "{\"filename\":\"transcript.txt\",\"mediaType\":\"text/plain\",\"item\":1,\"content\":\""
                            + java.util.Base64.getEncoder().encodeToString(EVIDENCE) + "\"}")),
            new Endpoint("GET attachments", (c, id) -> c.get("/api/v1/cases/" + id + "/attachments")),
            new Endpoint("GET attachment", (c, id) -> c.get("/api/v1/cases/" + id + "/attachments/" + EVIDENCE_SHA256)));

    /** Expected status per endpoint for the case's own authority and its platform (case in SUBMITTED). */
    private static final Map<String, int[]> PARTIES = new LinkedHashMap<>();

    static {
        //                                              authority, platform
        PARTIES.put("GET case", new int[] {200, 200});
        PARTIES.put("GET messages", new int[] {200, 200});
        PARTIES.put("POST message", new int[] {201, 201});
        PARTIES.put("POST transition WITHDRAW", new int[] {-1, 403}); // the authority's call is made last
        PARTIES.put("POST transition REQUEST_INFORMATION", new int[] {403, -1});
        PARTIES.put("PUT item response", new int[] {403, 409});
        PARTIES.put("POST attachment", new int[] {201, 200}); // the authority attaches first; the same bytes again: 200
        PARTIES.put("GET attachments", new int[] {200, 200});
        PARTIES.put("GET attachment", new int[] {200, 200});
    }

    @Test
    void everyEndpointForEveryOrganisationKindOnOwnAndForeignCases() {
        HubClient ministry = DemoClients.as(DemoClients.MINISTRY);
        Map<String, HubClient> clients = new LinkedHashMap<>();
        Map<String, String> inboxes = new LinkedHashMap<>();
        for (String org : DemoClients.ALL) {
            clients.put(org, DemoClients.as(org));
            inboxes.put(org, CaseRequests.inboxEnd(clients.get(org)));
        }
        String id = CaseRequests.create(ministry, DemoClients.PLATFORM_A);
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, HubClient> client : clients.entrySet()) {
            String org = client.getKey();
            boolean authority = org.equals(DemoClients.MINISTRY);
            boolean platform = org.equals(DemoClients.PLATFORM_A);
            for (Endpoint endpoint : ENDPOINTS) {
                int expected = authority ? PARTIES.get(endpoint.name())[0]
                        : platform ? PARTIES.get(endpoint.name())[1] : 404;
                if (expected == -1) {
                    continue; // a state-changing call saved for the end
                }
                HubResponse answer = endpoint.call().apply(client.getValue(), id);
                if (answer.status() != expected) {
                    failures.add(org + " " + endpoint.name() + ": expected " + expected + ", got " + answer.status()
                            + " " + answer.problem());
                }
                if (expected == 404) {
                    HubResponse never = endpoint.call().apply(client.getValue(), NEVER_ISSUED);
                    if (never.status() != 404 || !problemOf(never).equals(problemOf(answer))) {
                        failures.add(org + " " + endpoint.name() + ": a foreign case must look exactly like a missing one");
                    }
                }
            }
            List<String> listed = ids(client.getValue().get("/api/v1/cases?limit=100"));
            if (listed.contains(id) != (authority || platform)) {
                failures.add(org + " list: " + (listed.contains(id) ? "leaks" : "misses") + " the case");
            }
            int statements = client.getValue().get("/api/v1/cases/statements").status();
            if (statements != (org.startsWith("platform-") ? 200 : 403)) {
                failures.add(org + " statements: " + statements);
            }
            boolean inInbox = parse(client.getValue().get("/api/v1/inbox?limit=500&after=" + inboxes.get(org)).body()).toString().contains(id);
            if (inInbox != (authority || platform)) {
                failures.add(org + " inbox: " + (inInbox ? "leaks" : "misses") + " the case");
            }
        }
        assertEquals(List.of(), failures);

        HubResponse platformInfo = clients.get(DemoClients.PLATFORM_A).post("/api/v1/cases/" + id + "/transitions",
                transition("REQUEST_INFORMATION", "Which post?"));
        assertEquals(200, platformInfo.status(), platformInfo.problem());
        HubResponse withdrawn = ministry.post("/api/v1/cases/" + id + "/transitions", transition("WITHDRAW", null));
        assertEquals(200, withdrawn.status(), withdrawn.problem());
        assertEquals("WITHDRAWN", parse(withdrawn.body()).getString("status"));
    }

    @Test
    void onlyAuthoritiesCreateCases() {
        String body = CaseRequests.removalOrder(DemoClients.PLATFORM_A);
        for (String org : new String[] {DemoClients.PLATFORM_A, DemoClients.PLATFORM_B, DemoClients.AUDITOR,
                DemoClients.OPERATOR}) {
            HubResponse refused = DemoClients.as(org).post("/api/v1/cases", body);
            assertEquals(403, refused.status(), org);
        }
        assertEquals(201, DemoClients.as(DemoClients.ELECTION_AUTHORITY).post("/api/v1/cases", body).status());
    }

    @Test
    void filtersAndPagesNeverReachBeyondTheCallersCases() {
        HubClient ministry = DemoClients.as(DemoClients.MINISTRY);
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mine.add(CaseRequests.create(ministry, DemoClients.PLATFORM_B));
        }
        HubClient beta = DemoClients.as(DemoClients.PLATFORM_B);
        List<String> paged = new ArrayList<>();
        String after = null;
        do {
            HubResponse page = beta.get("/api/v1/cases?limit=2&kind=REMOVAL_ORDER&election=fi-parliamentary-2027"
                    + (after == null ? "" : "&after=" + after));
            assertEquals(200, page.status(), page.problem());
            JsonObject body = parse(page.body());
            paged.addAll(ids(page));
            after = body.containsKey("next") && !body.isNull("next") ? body.getString("next") : null;
        } while (after != null);
        assertTrue(paged.containsAll(mine), "keyset pages reach every case");
        assertEquals(paged.size(), paged.stream().distinct().count(), "no case twice across pages");
        for (String id : paged) {
            JsonObject c = parse(beta.get("/api/v1/cases/" + id).body());
            assertEquals(DemoClients.PLATFORM_B, c.getString("addressee"));
        }
        assertFalse(ids(DemoClients.as(DemoClients.PLATFORM_A).get("/api/v1/cases?limit=100&status=SUBMITTED"))
                .stream().anyMatch(mine::contains));
        assertEquals(0, ids(DemoClients.as(DemoClients.OPERATOR).get("/api/v1/cases?limit=100")).size(),
                "the operator sees no case content");
        assertEquals(0, ids(DemoClients.as(DemoClients.AUDITOR).get("/api/v1/cases?limit=100")).size(),
                "auditors reach cases only through the audit surface");
        for (String bad : List.of("status=NOPE", "overdue=maybe", "limit=0", "limit=101", "after=%25%25",
                "after=bm9wZQ", "updated_since=yesterday", "kind=removal_order")) {
            HubResponse refused = beta.get("/api/v1/cases?" + bad);
            assertEquals(400, refused.status(), bad);
            assertTrue(refused.problem().contains("invalid-parameter"), bad + " " + refused.problem());
        }
        assertEquals(200, beta.get("/api/v1/cases?overdue=false&updated_since=2020-01-01T00:00:00Z").status());
    }

    private static String sha256Hex(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String problemOf(HubResponse r) {
        JsonObject p = parse(r.problem());
        return p.getString("type") + "|" + p.getString("detail", "");
    }

    private static List<String> ids(HubResponse page) {
        assertEquals(200, page.status(), page.problem());
        List<String> ids = new ArrayList<>();
        for (JsonObject c : parse(page.body()).getJsonArray("cases").getValuesAs(JsonObject.class)) {
            ids.add(c.getString("id"));
        }
        return ids;
    }
}
