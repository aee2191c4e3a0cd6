package org.electionpool.hub.it;

import static org.electionpool.hub.it.CaseRequests.parse;
import static org.electionpool.hub.it.HttpClientSupport.HUB;
import static org.electionpool.hub.it.HttpClientSupport.PROBLEM_PREFIX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.electionpool.hub.client.HubClient;
import org.electionpool.hub.client.HubResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inbox cursors are positions in the caller's own stream, through the public API only: fresh
 * platforms registered for the test have streams no other test writes to, so two of them, fed in
 * any interleaving, hand out exactly the same cursor tokens for their first, second, third… event
 * — proof that the numbering is per organisation and dense, and that nothing another tenant does
 * shows in them. Resuming from any cursor returns exactly the later events; every hostile
 * {@code after} is {@code 400 invalid-parameter}; the webhook delivery log carries the inbox's own
 * cursors.
 */
@ExtendWith(ArquillianExtension.class)
class InboxCursorIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return HubDeployment.ear();
    }

    /** A platform registered now, with its own signing and encryption keys: its inbox starts empty. */
    private static Fresh freshPlatform() throws Exception {
        String id = "it-inbox-" + UUID.randomUUID().toString().substring(0, 8);
        HubClient operator = DemoClients.as(DemoClients.OPERATOR);
        HubResponse created = operator.post("/api/v1/organizations", "{\"id\":\"" + id
                + "\",\"name\":\"Inbox platform\",\"kind\":\"PLATFORM\",\"country\":\"FI\","
                + "\"contactPoint\":\"trust@example.org\"}");
        assertEquals(201, created.status(), created.problem());
        ECKey sig = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint(true).generate();
        ECKey enc = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.ENCRYPTION).keyIDFromThumbprint(true).generate();
        for (ECKey key : List.of(sig, enc)) {
            HubResponse added = operator.post("/api/v1/organizations/" + id + "/keys",
                    "{\"jwk\":" + key.toPublicJWK().toJSONString() + "}");
            assertEquals(201, added.status(), added.problem());
        }
        return new Fresh(id, HubClient.builder().hub(HUB).organization(id).retries(0)
                .privateJwks(new JWKSet(List.of(sig, enc)).toString(false)).build());
    }

    private static JsonObject page(HubClient client, String query) {
        HubResponse page = client.get("/api/v1/inbox" + query);
        assertEquals(200, page.status(), query + " " + page.problem());
        return parse(page.body());
    }

    /** @return every event of the client's inbox, following next from the start in pages of {@code limit} */
    private static List<JsonObject> all(HubClient client, int limit) {
        List<JsonObject> events = new ArrayList<>();
        String after = null;
        for (int guard = 0; guard < 1000; guard++) {
            JsonObject page = page(client, "?limit=" + limit + (after == null ? "" : "&after=" + after));
            List<JsonObject> got = page.getJsonArray("events").getValuesAs(JsonObject.class);
            if (got.isEmpty()) {
                assertEquals(after == null ? page(client, "").getString("next") : after, page.getString("next"),
                        "an empty page resumes where it was asked to");
                return events;
            }
            assertEquals(got.get(got.size() - 1).getString("cursor"), page.getString("next"));
            events.addAll(got);
            after = page.getString("next");
        }
        throw new AssertionError("the inbox does not end");
    }

    private static List<String> cursors(List<JsonObject> events) {
        return events.stream().map(e -> e.getString("cursor")).toList();
    }

    @Test
    void twoFreshPlatformsHandOutTheSameCursorsWhateverTheOtherReceives() throws Exception {
        HubClient ministry = DemoClients.as(DemoClients.MINISTRY);
        Fresh a = Fresh.create();
        Fresh b = Fresh.create();
        String start = page(a.client, "").getString("next");
        assertEquals(start, page(b.client, "").getString("next"), "every stream starts at the same token");
        assertTrue(page(a.client, "").getJsonArray("events").isEmpty());

        for (int i = 0; i < 3; i++) {
            CaseRequests.create(ministry, a.id);
        }
        List<String> aFirst = cursors(all(a.client, 500));
        assertEquals(3, aFirst.size());
        assertEquals(3, new HashSet<>(aFirst).size(), "one cursor per event");

        // Much happens elsewhere: cases and messages for b and for platform-beta.
        for (int i = 0; i < 7; i++) {
            String other = CaseRequests.create(ministry, i % 2 == 0 ? b.id : DemoClients.PLATFORM_B);
            assertEquals(201, ministry.post("/api/v1/cases/" + other + "/messages", "{\"text\":\"noise\"}").status());
        }
        assertEquals(aFirst, cursors(all(a.client, 500)), "other tenants' activity leaves a's cursors as they were");
        String aNextBefore = page(a.client, "?after=" + aFirst.get(2)).getString("next");
        assertEquals(aFirst.get(2), aNextBefore, "and a's stream has nothing new");

        for (int i = 0; i < 2; i++) {
            CaseRequests.create(ministry, a.id);
        }
        List<String> aAll = cursors(all(a.client, 500));
        List<String> bAll = cursors(all(b.client, 500));
        assertEquals(5, aAll.size());
        assertEquals(8, bAll.size(), "4 cases created and 4 messages");
        assertEquals(aAll.subList(0, 3), aFirst);
        assertEquals(bAll.subList(0, 5), aAll,
                "a's fourth event has the cursor b's fourth has: b's eight events in between left no gap in a's stream");
    }

    /**
     * Issue 14: the audit sequencer numbers the inbox events. Cases created for one platform from
     * four threads at once reach its inbox once each, densely numbered (the same cursors as a
     * platform fed the same number one by one) and in the order of their audit entries' indexes.
     */
    @Test
    void concurrentChangesForOnePlatformAreNumberedDenselyInTheLogsOrder() throws Exception {
        Fresh p = Fresh.create();
        Fresh reference = Fresh.create();
        int threads = 4;
        int each = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Void>> work = new ArrayList<>();
        java.util.Map<Long, String> caseByIndex = new java.util.concurrent.ConcurrentHashMap<>();
        try {
            for (int t = 0; t < threads; t++) {
                work.add(pool.submit((Callable<Void>) () -> {
                    HubClient ministry = DemoClients.as(DemoClients.MINISTRY);
                    for (int i = 0; i < each; i++) {
                        HubResponse created = ministry.post("/api/v1/cases", CaseRequests.removalOrder(p.id));
                        assertEquals(201, created.status(), created.problem());
                        caseByIndex.put(parse(created.receipt()).getJsonNumber("index").longValue(),
                                parse(created.body()).getString("id"));
                    }
                    return null;
                }));
            }
            for (Future<Void> f : work) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        HubClient ministry = DemoClients.as(DemoClients.MINISTRY);
        for (int i = 0; i < threads * each; i++) {
            CaseRequests.create(ministry, reference.id);
        }
        List<JsonObject> events = all(p.client, 500);
        assertEquals(threads * each, events.size(), "every case once");
        assertEquals(cursors(all(reference.client, 500)), cursors(events), "numbered 1 … n without a gap");
        assertEquals(new java.util.TreeMap<>(caseByIndex).values().stream().toList(),
                events.stream().map(e -> e.getString("caseId")).toList(), "in the order of the log");
    }

    @Test
    void resumingFromAnyCursorReturnsExactlyTheLaterEvents() throws Exception {
        HubClient ministry = DemoClients.as(DemoClients.MINISTRY);
        Fresh p = Fresh.create();
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            cases.add(CaseRequests.create(ministry, p.id));
        }
        assertEquals(201, p.client.post("/api/v1/cases/" + cases.get(0) + "/messages", "{\"text\":\"which one?\"}")
                .status());
        assertEquals(200, p.client.post("/api/v1/cases/" + cases.get(1) + "/transitions",
                CaseRequests.transition("ACKNOWLEDGE", null)).status());
        List<JsonObject> events = all(p.client, 500);
        assertEquals(5, events.size());
        assertEquals(List.of("case.created", "case.created", "case.created", "case.message", "case.transitioned"),
                events.stream().map(e -> e.getString("type")).toList(), "oldest first");
        assertEquals(List.of(cases.get(0), cases.get(1), cases.get(2), cases.get(0), cases.get(1)),
                events.stream().map(e -> e.getString("caseId")).toList());
        assertEquals(events, all(p.client, 2), "pages of two reach the same events in the same order");
        assertEquals(events, all(p.client, 1));
        assertEquals(events.subList(0, 1), page(p.client, "?limit=1").getJsonArray("events").getValuesAs(JsonObject.class),
                "no after: from the start");
        assertEquals(events, page(p.client, "?after=" + page(freshPlatform().client(), "").getString("next"))
                .getJsonArray("events").getValuesAs(JsonObject.class), "the start token means the start");
        for (int k = 0; k < events.size(); k++) {
            String cursor = events.get(k).getString("cursor");
            JsonObject later = page(p.client, "?after=" + cursor);
            assertEquals(events.subList(k + 1, events.size()), later.getJsonArray("events").getValuesAs(JsonObject.class),
                    "after the event " + k);
            assertEquals(events.get(events.size() - 1).getString("cursor"), later.getString("next"));
            JsonObject one = page(p.client, "?limit=1&after=" + cursor);
            assertEquals(k == events.size() - 1 ? cursor : events.get(k + 1).getString("cursor"), one.getString("next"));
        }
    }

    @Test
    void hostileAfterValuesAreInvalidParameterNeverAnErrorOrALeak() throws Exception {
        HubClient ministry = DemoClients.as(DemoClients.MINISTRY);
        Fresh empty = Fresh.create();
        Fresh busy = Fresh.create();
        for (int i = 0; i < 3; i++) {
            CaseRequests.create(ministry, busy.id);
        }
        List<String> busyCursors = cursors(all(busy.client, 500));
        String start = page(empty.client, "").getString("next");
        List<String> hostile = new ArrayList<>(List.of("", "-1", "0", "1", "42", "9223372036854775807",
                "99999999999999999999999999", "abc", "%25%25", "bm9wZQ", "AAAAAAAAAAAA", "AgAAAAAAAAAB",
                "_wAAAAAAAAAB", "AYAAAAAAAAAA", "AX__________", start + "A", start.substring(1), start + "%3D",
                start.toLowerCase(), start.replace('A', 'a'), "AQAAAAAAAA%2BA", "AQAAAAAAAA%2FA", "AQAAAAAAAA%20A",
                "AQAAAAAAAA%00A", "AQAAAAAAAA%C3%A9", "%E2%82", "%FF", "null", "A".repeat(4000)));
        // A well-formed cursor beyond the caller's newest event was not handed to it: busy's third
        // position is past empty's (empty) stream.
        hostile.add(busyCursors.get(2));
        for (String after : hostile) {
            HubResponse refused = empty.client.get("/api/v1/inbox?after=" + after);
            assertEquals(400, refused.status(), "after=" + abbreviate(after) + " " + refused.problem());
            JsonObject problem = parse(refused.problem());
            assertEquals(PROBLEM_PREFIX + "invalid-parameter", problem.getString("type"), abbreviate(after));
            assertFalse(refused.problem().contains(busy.id), "names no other organisation");
        }
        // The same token in another organisation's hands is only a position in its own stream.
        for (int i = 0; i < 3; i++) {
            CaseRequests.create(ministry, empty.id);
        }
        List<JsonObject> emptyEvents = all(empty.client, 500);
        assertEquals(busyCursors, cursors(emptyEvents), "positions 1-3 of each stream spell alike");
        JsonObject fromBusysToken = page(empty.client, "?after=" + busyCursors.get(0));
        assertEquals(emptyEvents.subList(1, 3), fromBusysToken.getJsonArray("events").getValuesAs(JsonObject.class),
                "its own second and third events, nothing of busy's");
    }

    @Test
    void concurrentChangesNumberAFreshStreamWithoutGapsOrDuplicates() throws Exception {
        Fresh reference = Fresh.create();
        Fresh raced = Fresh.create();
        int writers = 6;
        int perWriter = 3;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Callable<List<String>>> calls = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            calls.add(() -> {
                HubClient ministry = DemoClients.as(DemoClients.MINISTRY);
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < perWriter; i++) {
                    ids.add(CaseRequests.create(ministry, raced.id)); // the first ones race for the new counter too
                }
                return ids;
            });
        }
        Set<String> created = new HashSet<>();
        try {
            for (Future<List<String>> f : pool.invokeAll(calls)) {
                created.addAll(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(writers * perWriter, created.size(), "every change committed");
        List<JsonObject> events = all(raced.client, 500);
        assertEquals(created, new HashSet<>(events.stream().map(e -> e.getString("caseId")).toList()));
        HubClient ministry = DemoClients.as(DemoClients.MINISTRY);
        for (int i = 0; i < writers * perWriter; i++) {
            CaseRequests.create(ministry, reference.id);
        }
        assertEquals(cursors(all(reference.client, 500)), cursors(events),
                "concurrent writers numbered the stream exactly as sequential ones: 1..n, no gap, no duplicate");
    }

    @Test
    void theDeliveryLogCarriesTheInboxCursors() throws Exception {
        Fresh p = Fresh.create();
        // Nothing listens there: the deliveries fail and are logged, each with its event's cursor.
        assertEquals(200, p.client.put("/api/v1/webhook", "{\"url\":\"http://127.0.0.1:9/hook\"}").status());
        HubClient ministry = DemoClients.as(DemoClients.MINISTRY);
        for (int i = 0; i < 2; i++) {
            CaseRequests.create(ministry, p.id);
        }
        List<String> inbox = cursors(all(p.client, 500));
        HubResponse log = p.client.get("/api/v1/webhook/deliveries?limit=500");
        assertEquals(200, log.status(), log.problem());
        List<String> logged = new ArrayList<>(parse(log.body()).getJsonArray("deliveries").getValuesAs(JsonObject.class)
                .stream().map(d -> d.getString("cursor")).toList());
        java.util.Collections.reverse(logged); // the log is newest first
        assertEquals(inbox, logged, "one delivery per event, under the event's own cursor");
        assertEquals(200, p.client.delete("/api/v1/webhook").status());
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…(" + s.length() + ")" : s;
    }

    /** A fresh platform and its id. */
    private record Fresh(String id, HubClient client) {
        static Fresh create() throws Exception {
            return freshPlatform();
        }
    }
}
