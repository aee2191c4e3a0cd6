package org.electionpool.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Plain HTTP against the running hub (public port 8080, management port 9990), plus assertions
 * on RFC 9457 problem responses.
 */
final class HttpClientSupport {

    static final URI HUB = URI.create(System.getProperty("hub.base.url", "http://localhost:8080"));
    static final URI MANAGEMENT = URI.create(System.getProperty("hub.management.url", "http://localhost:9990"));
    static final String PROBLEM_PREFIX = "urn:electionpool:problem:";

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private HttpClientSupport() {
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + request, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static HttpResponse<String> get(URI base, String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    static HttpResponse<String> postJson(String path, String body) {
        return send(HttpRequest.newBuilder(HUB.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    static JsonObject json(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    /**
     * Asserts an RFC 9457 answer: status, media type, the problem type, a status member equal to
     * the HTTP status, and a correlation id equal to the response's X-Request-Id.
     *
     * @return the problem document, for further assertions
     */
    static JsonObject assertProblem(HttpResponse<String> response, int status, String slug) {
        assertEquals(status, response.statusCode(), () -> "status; body: " + response.body());
        assertEquals("application/problem+json",
                response.headers().firstValue("Content-Type").orElse("").split(";")[0].trim(), "media type");
        JsonObject problem = json(response);
        assertEquals(PROBLEM_PREFIX + slug, problem.getString("type"), "problem type");
        assertEquals(status, problem.getInt("status"), "status member");
        assertTrue(problem.getString("title").length() > 0, "title");
        assertEquals(response.headers().firstValue("X-Request-Id").orElseThrow(),
                problem.getString("correlation_id"), "correlation id");
        return problem;
    }
}
