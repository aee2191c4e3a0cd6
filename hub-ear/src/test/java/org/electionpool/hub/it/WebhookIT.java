package org.electionpool.hub.it;

import static org.electionpool.hub.it.CaseRequests.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.electionpool.hub.client.HubClient;
import org.electionpool.hub.client.HubClientException;
import org.electionpool.hub.client.HubResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Webhooks against a real HTTP receiver on loopback (the test server dispatches every second, gives
 * up after 2 attempts, first retry after 1 s): a new case reaches the platform's URL sealed to it,
 * opens with {@link HubClient#openDelivery} and is logged as delivered; a receiver that keeps
 * failing gets its delivery retried, then dead-lettered; bad URLs are refused.
 */
@ExtendWith(ArquillianExtension.class)
class WebhookIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return HubDeployment.ear();
    }

    private HttpServer receiver;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final AtomicInteger failWith = new AtomicInteger(0);
    private final AtomicInteger calls = new AtomicInteger();

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", x -> {
            calls.incrementAndGet();
            bodies.add(new String(x.getRequestBody().readAllBytes(), StandardCharsets.US_ASCII));
            int status = failWith.get() == 0 ? 204 : failWith.get();
            x.sendResponseHeaders(status, -1);
            x.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    private static List<JsonObject> deliveries(HubClient client, String caseId) throws Exception {
        return parse(client.get("/api/v1/webhook/deliveries?limit=500").body()).getJsonArray("deliveries")
                .getValuesAs(JsonObject.class).stream().filter(d -> caseId.equals(d.getString("caseId"))).toList();
    }

    @Test
    void aNewCaseReachesThePlatformsUrlSealedAndIsLoggedAsDelivered() throws Exception {
        HubClient platform = DemoClients.as(DemoClients.PLATFORM_B);
        HubResponse registered = platform.put("/api/v1/webhook", "{\"url\":\"" + url() + "\"}");
        assertEquals(200, registered.status(), registered.problem());
        assertNotNull(registered.receipt(), "registering is audited");
        try {
            String id = CaseRequests.create(DemoClients.as(DemoClients.MINISTRY), DemoClients.PLATFORM_B);
            JsonObject event = null;
            for (int i = 0; i < 40 && event == null; i++) {
                Thread.sleep(250);
                for (String body : bodies) {
                    JsonObject e = parse(platform.openDelivery(body));
                    if (id.equals(e.getString("caseId"))) {
                        event = e;
                    }
                }
            }
            assertNotNull(event, "delivered within 10 s");
            assertEquals("case.created", event.getString("type"));
            assertEquals("SUBMITTED", event.getString("status"));
            assertEquals(DemoClients.MINISTRY, event.getString("actor"));
            String sealed = bodies.get(0);
            assertThrows(HubClientException.class, () -> DemoClients.as(DemoClients.PLATFORM_A).openDelivery(sealed),
                    "sealed to its recipient only");
            JsonObject logged = null;
            for (int i = 0; i < 20 && (logged == null || !"DELIVERED".equals(logged.getString("status"))); i++) {
                Thread.sleep(250);
                logged = deliveries(platform, id).stream().findFirst().orElse(null);
            }
            assertNotNull(logged);
            assertEquals("DELIVERED", logged.getString("status"));
            assertEquals(1, logged.getInt("attempts"));
            assertEquals(204, logged.getInt("lastStatus"));
            assertEquals(event.getString("cursor"), logged.getString("cursor"), "the same event as in the inbox");
        } finally {
            assertEquals(200, platform.delete("/api/v1/webhook").status(), "a sealed answer always has a body");
        }
        assertEquals(404, platform.get("/api/v1/webhook").status());
    }

    @Test
    void aFailingReceiverIsRetriedWithBackOffThenDeadLettered() throws Exception {
        failWith.set(503);
        HubClient platform = DemoClients.as(DemoClients.PLATFORM_B);
        assertEquals(200, platform.put("/api/v1/webhook", "{\"url\":\"" + url() + "\"}").status());
        try {
            String id = CaseRequests.create(DemoClients.as(DemoClients.MINISTRY), DemoClients.PLATFORM_B);
            JsonObject logged = null;
            for (int i = 0; i < 60 && (logged == null || !"DEAD".equals(logged.getString("status"))); i++) {
                Thread.sleep(250);
                logged = deliveries(platform, id).stream().findFirst().orElse(null);
            }
            assertNotNull(logged);
            assertEquals("DEAD", logged.getString("status"), logged.toString());
            assertEquals(2, logged.getInt("attempts"), "tried max-attempts times");
            assertEquals(503, logged.getInt("lastStatus"));
            assertTrue(logged.getString("lastError").contains("503"));
            JsonObject dead = parse(platform.get("/api/v1/webhook/deliveries?status=DEAD&limit=500").body());
            assertTrue(dead.toString().contains(id));
        } finally {
            platform.delete("/api/v1/webhook");
        }
    }

    @Test
    void urlsOutsideTheAllowListAreRefused() {
        HubClient platform = DemoClients.as(DemoClients.PLATFORM_A);
        for (String bad : List.of("http://example.org/hook", "ftp://127.0.0.1/hook", "https://user:pw@example.org/hook",
                "https://example.org/hook#frag", "/relative", "http://127.0.0.1.nip.io/hook", "javascript:alert(1)")) {
            HubResponse refused = platform.put("/api/v1/webhook", "{\"url\":\"" + bad + "\"}");
            assertEquals(400, refused.status(), bad);
            assertTrue(refused.problem().contains("url"), bad + " " + refused.problem());
        }
        assertEquals(400, platform.get("/api/v1/webhook/deliveries?status=LOST").status());
        assertEquals(404, platform.delete("/api/v1/webhook").status(), "nothing to remove");
    }
}
