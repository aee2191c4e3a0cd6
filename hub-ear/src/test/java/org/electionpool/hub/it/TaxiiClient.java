package org.electionpool.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.electionpool.hub.client.HubClient;
import org.electionpool.hub.client.HubResponse;

/**
 * A TAXII 2.1 client for the ITs, sending what the real clients send (docs/research/taxii-stix-clients.md):
 * the exact Accept and Content-Type of the OASIS client, and its choice of authorisation header.
 */
final class TaxiiClient {

    /** The TAXII 2.1 media type, exactly. */
    static final String TAXII = "application/taxii+json;version=2.1";

    /** How a client authenticates. */
    enum Auth {
        /** {@code Authorization: Basic base64(username:token)} (taxii2-client user/password, MISP, OpenCTI basic). */
        BASIC,
        /** MISP's UI browsing: {@code basic} in lower case. */
        BASIC_LOWER,
        /** {@code Authorization: Bearer token} (OpenCTI's built-in feed). */
        BEARER,
        /** {@code Authorization: Token token} (taxii2-client TokenAuth, OpenCTI's connector). */
        TOKEN
    }

    final String username;
    final String token;
    final Auth auth;

    TaxiiClient(String username, String token, Auth auth) {
        this.username = username;
        this.token = token;
        this.auth = auth;
    }

    /** @return a fresh credential of the organisation, issued over HXP/1 */
    static TaxiiClient issue(HubClient org, Auth auth) {
        HubResponse r = org.post("/api/v1/taxii/credentials", "{\"label\":\"IT " + auth + "\"}");
        assertEquals(201, r.status(), r.problem());
        JsonObject c = CaseRequests.parse(r.body());
        return new TaxiiClient(c.getString("username"), c.getString("token"), auth);
    }

    TaxiiClient as(Auth other) {
        return new TaxiiClient(username, token, other);
    }

    String authorization() {
        return switch (auth) {
            case BASIC -> "Basic " + basic();
            case BASIC_LOWER -> "basic " + basic();
            case BEARER -> "Bearer " + token;
            case TOKEN -> "Token " + token;
        };
    }

    private String basic() {
        return Base64.getEncoder().encodeToString((username + ":" + token).getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> get(String pathAndQuery) {
        return HttpClientSupport.send(request(pathAndQuery).header("Accept", TAXII).GET().build());
    }

    HttpResponse<String> post(String path, String body) {
        return HttpClientSupport.send(request(path).header("Accept", TAXII).header("Content-Type", TAXII)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    HttpResponse<String> delete(String path) {
        return HttpClientSupport.send(request(path).header("Accept", TAXII).DELETE().build());
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(HttpClientSupport.HUB + pathAndQuery)).timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization());
    }

    /** @return the JSON of a 200 TAXII answer, its media type checked as the OASIS client checks it */
    static JsonObject ok(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(TAXII, r.headers().firstValue("Content-Type").orElse(""), "the exact TAXII media type");
        return CaseRequests.parse(r.body());
    }

    /** @return every object of a collection, following {@code next} as taxii2-client's as_pages does */
    List<JsonObject> all(String collection, String query) {
        List<JsonObject> out = new ArrayList<>();
        String next = null;
        for (int page = 0; page < 1000; page++) {
            String q = query + (next == null ? "" : (query.isEmpty() ? "" : "&") + "next=" + enc(next));
            JsonObject env = ok(get("/taxii2/hub/collections/" + collection + "/objects/" + (q.isEmpty() ? "" : "?" + q)));
            JsonArray objects = env.getJsonArray("objects");
            if (objects != null) {
                objects.forEach(o -> out.add(o.asJsonObject()));
            }
            if (!env.getBoolean("more", false)) {
                return out;
            }
            next = env.getString("next");
        }
        throw new AssertionError("more than 1000 pages");
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
