package org.electionpool.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.electionpool.hub.client.HubClient;
import org.electionpool.hub.protocol.hxp.HxpCodec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 10 item 7: PostgreSQL stopped for a few seconds while requests arrive. Every answer in the
 * outage is a {@code 503 service-unavailable} problem with {@code Retry-After} — never a 500,
 * never Undertow's HTML page — readiness goes DOWN, and once the database is back the hub serves
 * again without a restart (readiness UP, a signed case creation succeeds).
 *
 * <p>Runs only on PostgreSQL and only when {@code -Dhub.it.pg-cluster="<version> <name>"} names
 * the cluster {@code pg_ctlcluster} may stop and start (as {@code .ci/run} does, as root); skipped
 * otherwise. The database is restarted in a {@code finally}, whatever the assertions say.
 */
@ExtendWith(ArquillianExtension.class)
class DatabaseOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(4);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return HubDeployment.ear();
    }

    private static void cluster(String cluster, String action) throws Exception {
        List<String> command = new ArrayList<>(List.of("pg_ctlcluster", "--skip-systemctl-redirect"));
        command.addAll(List.of(cluster.trim().split("\\s+")));
        command.add(action);
        if (action.equals("stop")) {
            command.addAll(List.of("-m", "fast"));
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), () -> String.join(" ", command) + ": " + out);
    }

    private static int readiness() {
        return HttpClientSupport.get(HttpClientSupport.MANAGEMENT, "/health/ready").statusCode();
    }

    @Test
    void anOutageIsAnswered503WithRetryAfterAndTheHubRecoversWithoutARestart() throws Exception {
        String cluster = System.getProperty("hub.it.pg-cluster", "");
        assumeTrue("PostgreSQL".equals(ExpectedDatabase.product()) && !cluster.isBlank(),
                "needs -Ppostgres and -Dhub.it.pg-cluster");
        HubClient platform = DemoClients.as(DemoClients.PLATFORM_A);
        HxpCodec codec = platform.codec();
        assertEquals(200, platform.get("/api/v1/organizations").status(), "the hub serves before the outage");
        assertEquals(200, readiness());

        Map<String, Integer> answers = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        boolean sawDown = false;
        cluster(cluster, "stop");
        try {
            Instant until = Instant.now().plus(OUTAGE);
            int round = 0;
            while (Instant.now().isBefore(until) || round < 3) {
                round++;
                List<HttpRequest> requests = List.of(
                        // signed GET: the envelope needs the sender's keys from the database
                        HttpRequest.newBuilder(HttpClientSupport.HUB.resolve("/api/v1/inbox"))
                                .header("Authorization", "HXP " + codec.sign(codec.claims("GET", "/api/v1/inbox", null,
                                        HxpCodec.newJti(), Instant.now()).build())).GET().build(),
                        // signed POST
                        HttpRequest.newBuilder(HttpClientSupport.HUB.resolve("/api/v1/organizations"))
                                .header("Content-Type", "application/jose")
                                .POST(HttpRequest.BodyPublishers.ofString(codec.encryptToHub(codec.sign(codec.claims(
                                        "POST", "/api/v1/organizations", "{\"id\":\"outage-" + UUID.randomUUID()
                                                .toString().substring(0, 8) + "\"}", HxpCodec.newJti(), Instant.now())
                                        .build())))).build(),
                        // an unauthenticated refusal: its audit entry cannot be written
                        HttpRequest.newBuilder(HttpClientSupport.HUB.resolve("/api/v1/cases")).GET().build(),
                        // public reads of the log
                        HttpRequest.newBuilder(HttpClientSupport.HUB.resolve("/api/v1/audit/checkpoint")).GET().build());
                for (HttpRequest request : requests) {
                    HttpResponse<String> r = HttpClientSupport.send(request);
                    String key = request.method() + " " + request.uri().getPath() + " " + r.statusCode();
                    answers.merge(key, 1, Integer::sum);
                    String type = r.headers().firstValue("Content-Type").orElse("");
                    if (r.statusCode() != 503 || r.headers().firstValue("Retry-After").isEmpty()
                            || !(type.startsWith("application/problem+json") || type.startsWith("application/jose"))
                            || (type.startsWith("application/problem+json")
                                && !r.body().contains("urn:electionpool:problem:service-unavailable"))) {
                        wrong.add(key + " " + type + " " + r.body().substring(0, Math.min(200, r.body().length())));
                    }
                }
                if (readiness() == 503) {
                    sawDown = true;
                }
                Thread.sleep(200);
            }
        } finally {
            cluster(cluster, "start");
        }
        assertTrue(wrong.isEmpty(), "answers in the outage other than 503 + Retry-After: " + wrong + " (all: " + answers + ")");
        assertTrue(sawDown, "readiness was DOWN during the outage");

        Instant deadline = Instant.now().plusSeconds(60);
        while (readiness() != 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
        assertEquals(200, readiness(), "readiness UP again without a restart");
        assertEquals(200, platform.get("/api/v1/organizations").status(), "signed requests served again");
        HubClient ministry = DemoClients.as(DemoClients.MINISTRY);
        assertEquals(201, ministry.post("/api/v1/cases", CaseRequests.removalOrder(DemoClients.PLATFORM_A)).status(),
                "a change is accepted again");
        assertFalse(answers.isEmpty());
    }
}
