package org.electionpool.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.electionpool.hub.client.HubClient;
import org.electionpool.hub.protocol.hxp.HxpCodec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The replay store holds across a restart of the hub: a token used once, then the server reloaded
 * (every service and the deployment restarted, nothing kept in memory), then the same token again
 * → {@code hxp-replayed}.
 */
@ExtendWith(ArquillianExtension.class)
class ReplayAcrossReloadIT {

    @ArquillianResource
    ManagementClient management;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return HubDeployment.ear();
    }

    @Test
    void replayIsRefusedAfterTheServerRestarted() throws Exception {
        HubClient operator = DemoClients.as(DemoClients.OPERATOR);
        HttpRequest request = HttpRequest.newBuilder(HttpClientSupport.HUB.resolve("/api/v1/organizations"))
                .header("Authorization", "HXP " + operator.codec().requestToken("GET", "/api/v1/organizations", null,
                        HxpCodec.newJti(), Instant.now()))
                .GET().build();
        assertEquals(200, HttpClientSupport.send(request).statusCode());

        ModelNode result = management.getControllerClient().execute(Operations.createOperation("reload"));
        assertTrue(Operations.isSuccessfulOutcome(result), result.toString());
        awaitReady();

        HttpResponse<String> replayed = HttpClientSupport.send(request);
        HttpClientSupport.assertProblem(replayed, 401, "hxp-replayed");
    }

    private static void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            Thread.sleep(500);
            try {
                if (HttpClientSupport.get(HttpClientSupport.MANAGEMENT, "/health/ready").statusCode() == 200
                        && HttpClientSupport.get(HttpClientSupport.HUB, "/.well-known/jwks.json").statusCode() == 200) {
                    return;
                }
            } catch (AssertionError connectionRefusedWhileReloading) {
                // still reloading
            }
        }
        throw new AssertionError("the hub did not come back within 120 s after the reload");
    }
}
