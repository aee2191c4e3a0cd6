package org.electionpool.hub.it;

import static org.electionpool.hub.it.CaseRequests.parse;
import static org.electionpool.hub.it.IndicatorRequests.group;
import static org.electionpool.hub.it.IndicatorRequests.inboxAfter;
import static org.electionpool.hub.it.IndicatorRequests.indicator;
import static org.electionpool.hub.it.IndicatorRequests.report;
import static org.electionpool.hub.it.IndicatorRequests.share;
import static org.electionpool.hub.it.IndicatorRequests.sighting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.electionpool.hub.client.HubClient;
import org.electionpool.hub.client.HubResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sharing story of issue 12 over HXP/1, the inbox and webhooks: a ministry shares an
 * {@code AMBER} indicator with a sharing group {platform-alpha}; alpha reads it and reports a
 * sighting shared with the group; the ministry sees the sighting; platform-beta sees neither
 * on any path until the ministry adds it to the group, and nothing again once removed.
 */
@ExtendWith(ArquillianExtension.class)
class IndicatorSharingIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return HubDeployment.ear();
    }

    private HttpServer receiver;

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", x -> {
            x.getRequestBody().readAllBytes();
            x.sendResponseHeaders(204, -1);
            x.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void anAmberIndicatorReachesTheGroupAndNobodyElseUntilTheGroupGrows() {
        HubClient ministry = DemoClients.as(DemoClients.MINISTRY);
        HubClient alpha = DemoClients.as(DemoClients.PLATFORM_A);
        HubClient beta = DemoClients.as(DemoClients.PLATFORM_B);
        String hook = "{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook\"}";
        assertEquals(200, alpha.put("/api/v1/webhook", hook).status());
        assertEquals(200, beta.put("/api/v1/webhook", hook).status());
        try {
            String alphaCursor = CaseRequests.inboxEnd(alpha);
            String betaCursor = CaseRequests.inboxEnd(beta);

            String groupId = group(ministry, List.of(DemoClients.PLATFORM_A));
            String id = share(ministry, indicator("AMBER", List.of(), List.of(groupId)));

            HubResponse read = alpha.get("/api/v1/indicators/" + id);
            assertEquals(200, read.status(), read.body());
            JsonObject view = parse(read.body());
            assertEquals("AMBER", view.getString("tlp"));
            assertFalse(view.containsKey("distribution"), "only the author sees the distribution");
            assertNotNull(read.receipt(), "a read of indicator content is audited with a receipt");
            assertTrue(inboxAfter(alpha, alphaCursor).stream().anyMatch(e -> id.equals(e.getString("indicatorId", null))
                    && "indicator.created".equals(e.getString("type"))), "alpha's inbox carries indicator.created");

            String sightingId = report(alpha, id, sighting(null, List.of(groupId)));
            JsonObject seen = parse(ministry.get("/api/v1/indicators/" + id + "/sightings").body());
            assertEquals(1, seen.getJsonArray("sightings").size());
            assertEquals(sightingId, seen.getJsonArray("sightings").getJsonObject(0).getString("id"));
            assertEquals(42, seen.getJsonObject("totals").getInt("count"));

            // platform-beta: on no path
            assertEquals(404, beta.get("/api/v1/indicators/" + id).status());
            assertEquals(404, beta.get("/api/v1/indicators/" + id + "/versions").status());
            assertEquals(404, beta.get("/api/v1/indicators/" + id + "/sightings").status());
            assertEquals(404, beta.post("/api/v1/indicators/" + id + "/sightings", sighting(null, List.of())).status());
            assertEquals(404, beta.get("/api/v1/sharing-groups/" + groupId).status());
            assertFalse(listed(beta, id), "beta's list does not hold it");
            assertTrue(inboxAfter(beta, betaCursor).stream().noneMatch(e -> id.equals(e.getString("indicatorId", null))),
                    "beta's inbox holds nothing about it");
            assertFalse(delivered(beta, id), "beta's webhook gets nothing about it");
            assertTrue(delivered(alpha, id), "alpha's webhook gets indicator.created");

            // the group grows: the next read shows it
            assertEquals(200, ministry.post("/api/v1/sharing-groups/" + groupId + "/members",
                    "{\"organization\":\"" + DemoClients.PLATFORM_B + "\"}").status());
            assertEquals(200, beta.get("/api/v1/indicators/" + id).status());
            assertTrue(listed(beta, id));
            JsonObject betaSees = parse(beta.get("/api/v1/indicators/" + id + "/sightings").body());
            assertEquals(1, betaSees.getJsonArray("sightings").size(), "the sighting is shared with the group too");

            // and shrinks: at once nothing again
            assertEquals(200, ministry.delete("/api/v1/sharing-groups/" + groupId + "/members/" + DemoClients.PLATFORM_B).status());
            assertEquals(404, beta.get("/api/v1/indicators/" + id).status());
            assertFalse(listed(beta, id));
        } finally {
            alpha.delete("/api/v1/webhook");
            beta.delete("/api/v1/webhook");
        }
    }

    @Test
    void theShippedExampleIndicatorIsAcceptedAsDocumented() throws Exception {
        String example = java.nio.file.Files.readString(java.nio.file.Path.of(
                System.getProperty("hub.examples.dir", "../docs/examples"), "indicator.json"));
        HubClient ministry = DemoClients.as(DemoClients.MINISTRY);
        HubResponse created = ministry.post("/api/v1/indicators", example);
        assertTrue(created.status() == 201 || created.status() == 200, created.status() + " " + created.body());
        JsonObject view = parse(created.body());
        assertEquals("forged-ministry.example/vote-by-sms", view.getString("normalized").substring("https://".length()));
        assertEquals(List.of("T0097.111", "T0143.003"), view.getJsonArray("techniques").getValuesAs(
                jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        String id = view.getString("id");
        assertEquals(200, DemoClients.as(DemoClients.PLATFORM_A).get("/api/v1/indicators/" + id).status());
        assertEquals(404, DemoClients.as(DemoClients.PLATFORM_B).get("/api/v1/indicators/" + id).status());
        HubResponse again = ministry.post("/api/v1/indicators", example);
        assertEquals(200, again.status(), "the same clientRef and body: the existing indicator");
        assertEquals(id, parse(again.body()).getString("id"));
    }

    private static boolean listed(HubClient client, String id) {
        String cursor = null;
        do {
            HubResponse page = client.get("/api/v1/indicators?limit=100" + (cursor == null ? "" : "&after=" + cursor));
            assertEquals(200, page.status(), page.body());
            JsonObject body = parse(page.body());
            if (body.getJsonArray("indicators").getValuesAs(JsonObject.class).stream().anyMatch(i -> id.equals(i.getString("id")))) {
                return true;
            }
            cursor = body.getString("next", null);
        } while (cursor != null);
        return false;
    }

    private static boolean delivered(HubClient client, String id) {
        JsonObject log = parse(client.get("/api/v1/webhook/deliveries?limit=500").body());
        return log.getJsonArray("deliveries").getValuesAs(JsonObject.class).stream()
                .anyMatch(d -> id.equals(d.getString("indicatorId", null)));
    }
}
