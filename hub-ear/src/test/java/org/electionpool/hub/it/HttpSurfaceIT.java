package org.electionpool.hub.it;

import static org.electionpool.hub.it.HttpClientSupport.HUB;
import static org.electionpool.hub.it.HttpClientSupport.MANAGEMENT;
import static org.electionpool.hub.it.HttpClientSupport.assertProblem;
import static org.electionpool.hub.it.HttpClientSupport.get;
import static org.electionpool.hub.it.HttpClientSupport.json;
import static org.electionpool.hub.it.HttpClientSupport.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The hub's unauthenticated HTTP surface as an outside client sees it: health, OpenAPI, metrics,
 * and plain RFC 9457 problems for what is refused before any envelope is opened.
 */
@ExtendWith(ArquillianExtension.class)
class HttpSurfaceIT {

    private static final String ORGANIZATIONS = "/api/v1/organizations";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return HubDeployment.ear();
    }

    @Test
    void readinessIsUpAndReportsTheMigratedDatabase() {
        HttpResponse<String> response = get(MANAGEMENT, "/health/ready");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject health = json(response);
        assertEquals("UP", health.getString("status"));
        JsonObject database = health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> "database".equals(c.getString("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no database check in " + response.body()));
        assertEquals("UP", database.getString("status"));
        JsonObject data = database.getJsonObject("data");
        assertEquals(ShippedMigrations.latest(), data.getString("schemaVersion"));
        assertEquals(ExpectedDatabase.product(), data.getString("product"));
        assertEquals("dev", data.getString("mode"));
    }

    @Test
    void livenessIsUp() {
        HttpResponse<String> response = get(MANAGEMENT, "/health/live");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("UP", json(response).getString("status"));
    }

    @Test
    void openApiDescribesTheApi() {
        HttpResponse<String> response = get(HUB, "/openapi?format=JSON");
        assertEquals(200, response.statusCode());
        JsonObject openapi = json(response);
        assertTrue(openapi.getString("openapi").startsWith("3."), "OpenAPI 3 document");
        JsonObject paths = openapi.getJsonObject("paths");
        for (String path : new String[] {ORGANIZATIONS, ORGANIZATIONS + "/{orgId}", ORGANIZATIONS + "/{orgId}/keys",
                "/.well-known/jwks.json", "/.well-known/hxp-configuration"}) {
            assertTrue(paths.containsKey(path), path + " in " + paths.keySet());
        }
        assertEquals("Election Pool Hub API", openapi.getJsonObject("info").getString("title"));
    }

    @Test
    void metricsAreServedAsPrometheusText() {
        HttpResponse<String> response = get(MANAGEMENT, "/metrics");
        assertEquals(200, response.statusCode());
        // WildFly's micrometer endpoint sends no Content-Type; Prometheus then reads the text format.
        assertTrue(response.headers().firstValue("Content-Type").orElse("text/plain").startsWith("text/plain"));
        assertTrue(response.body().contains("# TYPE "), "Prometheus exposition format");
        assertTrue(response.body().lines().anyMatch(
                l -> l.matches("[a-zA-Z_:][a-zA-Z0-9_:]*(\\{.*})? -?[0-9.eE+-]+|.* NaN")), "at least one sample");
    }

    @Test
    void unknownPathIsANotFoundProblem() {
        JsonObject problem = assertProblem(get(HUB, "/no/such/path"), 404, "not-found");
        assertEquals("/no/such/path", problem.getString("instance"));
    }

    @Test
    void apiWithoutAnEnvelopeIsUnauthenticated() {
        assertProblem(get(HUB, ORGANIZATIONS), 401, "hxp-unauthenticated");
        assertProblem(get(HUB, "/api/v1/no-such-collection"), 401, "hxp-unauthenticated");
    }

    @Test
    void plainJsonBodyIsAnUnsupportedMediaTypeProblem() {
        assertProblem(HttpClientSupport.postJson(ORGANIZATIONS, "{\"id\":\"x\"}"), 415, "unsupported-media-type");
    }

    @Test
    void garbageJoseBodyIsAMalformedEnvelopeProblem() {
        JsonObject problem = assertProblem(send(HttpRequest.newBuilder(HUB.resolve(ORGANIZATIONS))
                .header("Content-Type", "application/jose")
                .POST(HttpRequest.BodyPublishers.ofString("{\"not\": \"a JWE\"}")).build()), 400, "hxp-malformed");
        assertEquals(ORGANIZATIONS, problem.getString("instance"));
    }

    @Test
    void bodyOverTheLimitIsRefusedByItsContentLength() {
        byte[] body = new byte[1024 * 1024 + 1];
        Arrays.fill(body, (byte) 'a');
        assertProblem(send(HttpRequest.newBuilder(HUB.resolve(ORGANIZATIONS)).header("Content-Type", "application/jose")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build()), 413, "payload-too-large");
    }

    @Test
    void chunkedBodyOverTheLimitIsRefusedWhileStreaming() {
        byte[] body = new byte[1024 * 1024 + 10];
        Arrays.fill(body, (byte) 'a');
        HttpRequest request = HttpRequest.newBuilder(HUB.resolve(ORGANIZATIONS)).header("Content-Type", "application/jose")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        assertEquals(-1, request.bodyPublisher().orElseThrow().contentLength(), "sent chunked, without Content-Length");
        assertProblem(send(request), 413, "payload-too-large");
    }

    @Test
    void safeCorrelationIdFromTheCallerIsKept() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(HUB.resolve("/no/such/path"))
                .header("X-Request-Id", "gateway-1234abcd").GET().build());
        assertEquals("gateway-1234abcd", assertProblem(response, 404, "not-found").getString("correlation_id"));
    }

    @Test
    void unsafeCorrelationIdFromTheCallerIsReplaced() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(HUB.resolve("/no/such/path"))
                .header("X-Request-Id", "evil id; with spaces").GET().build());
        String id = assertProblem(response, 404, "not-found").getString("correlation_id");
        assertNotEquals("evil id; with spaces", id);
        assertTrue(id.matches("[0-9a-f-]{36}"), id);
    }
}
