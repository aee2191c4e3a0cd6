package org.electionpool.hub.it;

import static org.electionpool.hub.it.CaseRequests.parse;
import static org.electionpool.hub.it.CaseRequests.response;
import static org.electionpool.hub.it.CaseRequests.transition;
import static org.electionpool.hub.it.HttpClientSupport.HUB;
import static org.electionpool.hub.it.HttpClientSupport.get;
import static org.electionpool.hub.it.HttpClientSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.electionpool.hub.client.HubClient;
import org.electionpool.hub.client.HubResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A removal order end to end through {@link HubClient} (which verifies every answer and its audit
 * receipt): created by the ministry, seen in the platform's inbox, acknowledged, clarified,
 * answered item by item, resolved and closed; then the case's evidence bundle verifies offline.
 */
@ExtendWith(ArquillianExtension.class)
class CaseFlowIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return HubDeployment.ear();
    }

    private static JsonObject ok(HubResponse r, int status) {
        assertEquals(status, r.status(), () -> r.problem());
        assertNotNull(r.receipt(), "every case call is audited and carries a receipt");
        return parse(r.body());
    }

    @Test
    void removalOrderFromCreationToClosureWithReceiptsAndAnOfflineVerifiedBundle() throws Exception {
        HubClient ministry = DemoClients.as(DemoClients.MINISTRY);
        HubClient platform = DemoClients.as(DemoClients.PLATFORM_A);
        String inbox = CaseRequests.inboxEnd(platform);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            assertEquals(200, platform.put("/api/v1/webhook", "{\"url\":\"" + receiver.url() + "\"}").status());
            try {
                flow(ministry, platform, inbox, receiver);
            } finally {
                platform.delete("/api/v1/webhook");
            }
        }
    }

    private static void flow(HubClient ministry, HubClient platform, String inbox, WebhookReceiver receiver)
            throws Exception {
        String body = CaseRequests.removalOrder(DemoClients.PLATFORM_A);
        HubResponse created = ministry.post("/api/v1/cases", body);
        JsonObject view = ok(created, 201);
        String id = view.getString("id");
        assertTrue(created.location().endsWith("/api/v1/cases/" + id), created.location());
        assertEquals("SUBMITTED", view.getString("status"));
        assertEquals(3, view.getJsonArray("items").size());
        assertEquals("CONTENT_URL:https://social.example/p/9f8e7d6c",
                view.getJsonArray("items").getJsonObject(0).getString("normalized"));
        assertNotNull(view.getString("deadline"), "a HIGH removal order has a default deadline");

        JsonObject replay = ok(ministry.post("/api/v1/cases", body), 200);
        assertEquals(id, replay.getString("id"), "same clientRef and body: the same case, not a second one");
        JsonObject changedBody = Json.createObjectBuilder(parse(body)).add("title", "Another title").build();
        HubResponse reused = ministry.post("/api/v1/cases", changedBody.toString());
        assertEquals(409, reused.status());
        assertTrue(reused.problem().contains("already-exists"), reused.problem());

        JsonObject events = parse(platform.get("/api/v1/inbox?after=" + inbox).body());
        assertTrue(events.getJsonArray("events").getValuesAs(JsonObject.class).stream()
                .anyMatch(e -> id.equals(e.getString("caseId")) && "case.created".equals(e.getString("type"))),
                events.toString());
        List<JsonObject> pushed = deliveredEvents(platform, receiver, id, 1);
        assertEquals("case.created", pushed.get(0).getString("type"), "the webhook pushes the new case too");
        assertEquals(DemoClients.MINISTRY, pushed.get(0).getString("actor"));

        String path = "/api/v1/cases/" + id;
        assertEquals("ACKNOWLEDGED", ok(platform.post(path + "/transitions", transition("ACKNOWLEDGE", null)), 200)
                .getString("status"));
        assertEquals("NEEDS_INFORMATION", ok(platform.post(path + "/transitions",
                transition("REQUEST_INFORMATION", "Item 3: which of the two similar accounts is meant?")), 200)
                .getString("status"));
        HubResponse early = platform.post(path + "/transitions", transition("RESOLVE", null));
        assertEquals(409, early.status());
        assertTrue(early.problem().contains("illegal-transition") && early.problem().contains("NEEDS_INFORMATION")
                && early.problem().contains("IN_PROGRESS"), early.problem());
        assertEquals("IN_PROGRESS", ok(ministry.post(path + "/transitions",
                transition("PROVIDE_INFORMATION", "The one with the election board's crest as avatar.")), 200)
                .getString("status"));

        ok(platform.put(path + "/items/1/response", response("REMOVED", null)), 200);
        ok(platform.put(path + "/items/2/response", response("DISABLED_IN_TERRITORY", null)), 200);
        HubResponse unresolved = platform.post(path + "/transitions", transition("RESOLVE", null));
        assertEquals(409, unresolved.status(), "an unanswered item blocks RESOLVE");
        JsonObject answered = ok(platform.put(path + "/items/3/response", response("CANNOT_COMPLY", "MANIFEST_ERROR")),
                200);
        assertEquals("MANIFEST_ERROR", answered.getJsonArray("items").getJsonObject(2).getJsonObject("response")
                .getString("tcoReason"));
        assertEquals("RESOLVED", ok(platform.post(path + "/transitions", transition("RESOLVE", null)), 200)
                .getString("status"));
        assertEquals("CLOSED", ok(ministry.post(path + "/transitions", transition("CLOSE", "Thank you.")), 200)
                .getString("status"));
        HubResponse afterClose = platform.post(path + "/transitions", transition("ACKNOWLEDGE", null));
        assertEquals(409, afterClose.status());
        assertTrue(afterClose.problem().contains("CLOSED") && afterClose.problem().contains("SUBMITTED"),
                "the problem names both states: " + afterClose.problem());

        ok(ministry.post(path + "/messages", "{\"text\":\"Closing note for the file.\",\"item\":1}"), 201);
        List<JsonObject> thread = ok(platform.get(path + "/messages"), 200).getJsonArray("messages")
                .getValuesAs(JsonObject.class);
        List<String> steps = new ArrayList<>();
        for (JsonObject m : thread) {
            steps.add(m.containsKey("action") ? m.getString("action") : "MESSAGE");
        }
        assertEquals(List.of("ACKNOWLEDGE", "REQUEST_INFORMATION", "PROVIDE_INFORMATION", "RESOLVE", "CLOSE", "MESSAGE"),
                steps);

        // Every event of the case in the platform's inbox was also pushed to its webhook, sealed to it.
        List<String> inboxCursors = new ArrayList<>();
        for (JsonObject e : parse(platform.get("/api/v1/inbox?limit=500&after=" + inbox).body())
                .getJsonArray("events").getValuesAs(JsonObject.class)) {
            if (id.equals(e.getString("caseId"))) {
                inboxCursors.add(e.getString("cursor"));
            }
        }
        assertEquals(10, inboxCursors.size(), "created, 5 transitions, 3 responses, 1 message: " + inboxCursors);
        List<String> pushedCursors = deliveredEvents(platform, receiver, id, inboxCursors.size()).stream()
                .map(e -> e.getString("cursor")).sorted().toList();
        assertEquals(inboxCursors.stream().sorted().toList(), pushedCursors, "webhook and inbox carry the same events");

        // The platform exports its responses as DSA Transparency Database statements of reasons.
        HubResponse exported = platform.get("/api/v1/cases/statements?since=2020-01-01T00:00:00Z");
        assertEquals(200, exported.status(), exported.problem());
        List<JsonObject> statements = parse(exported.body()).getJsonArray("statements").getValuesAs(JsonObject.class);
        List<String> puids = statements.stream().map(st -> st.getString("puid")).filter(p -> p.startsWith(id)).toList();
        assertEquals(List.of(id + "_1", id + "_2"), puids, "CANNOT_COMPLY is no restriction, so no statement");
        JsonObject first = statements.stream().filter(st -> st.getString("puid").equals(id + "_1")).findFirst().orElseThrow();
        assertEquals("DECISION_GROUND_ILLEGAL_CONTENT", first.getString("decision_ground"));
        assertEquals("No", first.getString("automated_detection"));
        assertEquals(403, ministry.get("/api/v1/cases/statements").status(), "an authority has no statements to export");

        // The auditor's view: the case's evidence bundle, verified offline by the shipped jar.
        HubResponse bundleAnswer = DemoClients.as(DemoClients.AUDITOR)
                .get("/api/v1/audit/bundle?target_type=case&target_id=" + id);
        assertEquals(200, bundleAnswer.status(), bundleAnswer.problem());
        JsonObject bundle = parse(bundleAnswer.body());
        List<String> actions = new ArrayList<>();
        for (JsonObject e : bundle.getJsonArray("entries").getValuesAs(JsonObject.class)) {
            actions.add(parse(new String(Base64.getDecoder().decode(e.getString("leaf")), StandardCharsets.UTF_8))
                    .getString("action"));
        }
        assertEquals("case.created", actions.get(0));
        assertTrue(actions.contains("case.create.replayed") && actions.contains("case.item.responded")
                && actions.contains("case.messages.read") && actions.contains("audit.bundle.read"), actions.toString());
        assertTrue(bundle.getJsonObject("keys").containsKey(DemoClients.MINISTRY)
                && bundle.getJsonObject("keys").containsKey(DemoClients.PLATFORM_A));
        Path file = Files.createTempFile("hxp-case-bundle-", ".json");
        file.toFile().deleteOnExit();
        Files.writeString(file, bundleAnswer.body(), StandardCharsets.UTF_8);
        String key = json(get(HUB, "/.well-known/hxp-configuration")).getJsonObject("audit_log").getString("verifier_key");
        Verifier.Result verified = Verifier.run("--key", key, file.toString());
        assertEquals(0, verified.exitCode(), verified.output());
        assertTrue(verified.output().contains("OK bundle"), verified.output());
    }

    /** Waits up to 20 s for at least {@code count} webhook deliveries about the case; opens each. */
    private static List<JsonObject> deliveredEvents(HubClient platform, WebhookReceiver receiver, String caseId,
                                                    int count) throws InterruptedException {
        List<JsonObject> events = List.of();
        for (int i = 0; i < 80 && events.size() < count; i++) {
            Thread.sleep(250);
            events = receiver.bodies().stream().map(b -> parse(platform.openDelivery(b)))
                    .filter(e -> caseId.equals(e.getString("caseId"))).toList();
        }
        assertTrue(events.size() >= count, "expected " + count + " deliveries, got " + events);
        return events;
    }

    @Test
    void twoAuthoritiesAskingTheSamePlatformAboutTheSameItemAreLinkedForThePlatformOnly() {
        String first = CaseRequests.create(DemoClients.as(DemoClients.MINISTRY), DemoClients.PLATFORM_A);
        String second = CaseRequests.create(DemoClients.as(DemoClients.ELECTION_AUTHORITY), DemoClients.PLATFORM_A);
        JsonObject asPlatform = parse(DemoClients.as(DemoClients.PLATFORM_A).get("/api/v1/cases/" + second).body());
        assertTrue(asPlatform.getJsonArray("linkedCases").getValuesAs(jakarta.json.JsonString.class).stream()
                .anyMatch(s -> s.getString().equals(first)), asPlatform.toString());
        JsonObject asAuthority = parse(DemoClients.as(DemoClients.ELECTION_AUTHORITY).get("/api/v1/cases/" + second)
                .body());
        assertTrue(asAuthority.getJsonArray("linkedCases").getValuesAs(jakarta.json.JsonString.class).stream()
                .noneMatch(s -> s.getString().equals(first)), "an authority never learns of another's case");
    }

    @Test
    void invalidCasesAreProblemsNamingEachField() {
        HubClient ministry = DemoClients.as(DemoClients.MINISTRY);
        JsonObject order = parse(CaseRequests.removalOrder(DemoClients.PLATFORM_A));
        HubResponse missing = ministry.post("/api/v1/cases", Json.createObjectBuilder(order)
                .remove("legalBasis").remove("redress").build().toString());
        assertEquals(400, missing.status());
        assertTrue(missing.problem().contains("legalBasis") && missing.problem().contains("redress"), missing.problem());
        HubResponse notAPlatform = ministry.post("/api/v1/cases", Json.createObjectBuilder(order)
                .add("addressee", DemoClients.ELECTION_AUTHORITY).build().toString());
        assertEquals(400, notAPlatform.status());
        assertTrue(notAPlatform.problem().contains("addressee"), notAPlatform.problem());
        HubResponse past = ministry.post("/api/v1/cases", Json.createObjectBuilder(order)
                .add("deadline", "2020-01-01T00:00:00Z").build().toString());
        assertEquals(400, past.status());
        HubResponse unknownMember = ministry.post("/api/v1/cases", Json.createObjectBuilder(order)
                .add("secretField", 1).build().toString());
        assertEquals(400, unknownMember.status());
        HubResponse badTlp = ministry.post("/api/v1/cases", Json.createObjectBuilder(order)
                .add("tlp", "PURPLE").build().toString());
        assertEquals(400, badTlp.status());
        assertTrue(badTlp.problem().contains("tlp"), badTlp.problem());
    }

    /** The deadline watch scans every second in the test server (hub.cases.deadline-scan-seconds=1). */
    @Test
    void aShortDeadlinePassesAndTheCaseIsMarkedOverdueOnceWithAnEventForBothParties() throws Exception {
        HubClient ministry = DemoClients.as(DemoClients.MINISTRY);
        HubClient platform = DemoClients.as(DemoClients.PLATFORM_A);
        String inbox = CaseRequests.inboxEnd(platform);
        String deadline = java.time.Instant.now().plusSeconds(2).toString();
        HubResponse created = ministry.post("/api/v1/cases", Json.createObjectBuilder(
                parse(CaseRequests.removalOrder(DemoClients.PLATFORM_A))).add("deadline", deadline).build().toString());
        assertEquals(201, created.status(), created.problem());
        String id = parse(created.body()).getString("id");
        assertTrue(!parse(created.body()).getBoolean("overdue"));

        boolean overdue = false;
        for (int i = 0; i < 40 && !overdue; i++) {
            Thread.sleep(500);
            JsonObject events = parse(platform.get("/api/v1/inbox?after=" + inbox).body());
            overdue = events.getJsonArray("events").getValuesAs(JsonObject.class).stream()
                    .anyMatch(e -> id.equals(e.getString("caseId")) && "case.overdue".equals(e.getString("type")));
        }
        assertTrue(overdue, "the platform's inbox gets case.overdue within 20 s");
        assertTrue(parse(platform.get("/api/v1/cases/" + id).body()).getBoolean("overdue"));
        assertTrue(parse(ministry.get("/api/v1/cases?overdue=true&limit=100").body()).getJsonArray("cases")
                .getValuesAs(JsonObject.class).stream().anyMatch(c -> id.equals(c.getString("id"))));
        Thread.sleep(2500); // more scans: still marked once
        JsonObject bundle = parse(DemoClients.as(DemoClients.AUDITOR)
                .get("/api/v1/audit/bundle?target_type=case&target_id=" + id).body());
        long marks = bundle.getJsonArray("entries").getValuesAs(JsonObject.class).stream()
                .map(e -> parse(new String(Base64.getDecoder().decode(e.getString("leaf")), StandardCharsets.UTF_8)))
                .filter(l -> "case.overdue".equals(l.getString("action")))
                .peek(l -> assertEquals("SYSTEM", l.getString("channel"))).count();
        assertEquals(1, marks, "one deadline, one mark");
    }
}
