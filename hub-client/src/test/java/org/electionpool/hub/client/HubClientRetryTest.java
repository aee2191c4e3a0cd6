package org.electionpool.hub.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Retry behaviour of {@link HubClient} against a local server that drops every API connection:
 * idempotent calls are retried with a fresh token each time, POST never. Keys are generated at
 * run time; the server listens on loopback only.
 */
class HubClientRetryTest {

    private HttpServer server;
    private final AtomicInteger apiCalls = new AtomicInteger();
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private HubClient client;

    @BeforeEach
    void start() throws Exception {
        ECKey hubSig = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                .keyIDFromThumbprint(true).generate();
        ECKey hubEnc = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.ENCRYPTION).algorithm(JWEAlgorithm.ECDH_ES_A256KW)
                .keyIDFromThumbprint(true).generate();
        ECKey ownSig = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint(true).generate();
        ECKey ownEnc = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.ENCRYPTION).keyIDFromThumbprint(true).generate();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        String logKey = org.electionpool.hub.protocol.log.SignedNote.verifierKey("127.0.0.1/audit-log",
                org.electionpool.hub.protocol.log.SignedNote.rawKey(
                        java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic()));
        server.createContext("/.well-known/hxp-configuration", x -> send(x, "{\"issuer\":\"" + base
                + "\",\"jwks_uri\":\"" + base + "/.well-known/jwks.json\",\"audit_log\":{\"verifier_key\":\""
                + logKey + "\"}}"));
        server.createContext("/.well-known/jwks.json", x -> send(x,
                new JWKSet(List.of(hubSig.toPublicJWK(), hubEnc.toPublicJWK())).toString()));
        server.createContext("/api/v1/", x -> {
            apiCalls.incrementAndGet();
            String authorization = x.getRequestHeaders().getFirst("Authorization");
            tokens.add(authorization != null ? authorization : new String(x.getRequestBody().readAllBytes(),
                    StandardCharsets.US_ASCII));
            x.close(); // no answer: the client sees the connection dropped
        });
        server.start();
        client = HubClient.builder().hub(URI.create(base)).organization("platform-test")
                .privateJwks(new JWKSet(List.of(ownSig, ownEnc)).toString(false))
                .retries(2).timeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void send(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void idempotentCallIsRetriedWithAFreshTokenEachTime() {
        HubClientException e = assertThrows(HubClientException.class, () -> client.get("/api/v1/organizations"));
        assertTrue(e.getMessage().startsWith("GET /api/v1/organizations failed"), e.getMessage());
        // java.net.http may itself resend an idempotent request once on a dropped connection, with the
        // same token; the hub's replay check makes such a copy harmless. Our own attempts are counted
        // by their distinct tokens.
        assertEquals(3, tokens.size(), "one try and two retries, each with a new token");
        assertTrue(apiCalls.get() >= 3, "calls seen: " + apiCalls.get());
    }

    @Test
    void postIsNeverRetried() {
        assertThrows(HubClientException.class, () -> client.post("/api/v1/organizations", "{\"a\":1}"));
        assertEquals(1, apiCalls.get(), "neither the client nor java.net.http resends a POST");
        assertEquals(1, tokens.size());
    }

    @Test
    void deleteAndPutAreRetriedToo() {
        assertThrows(HubClientException.class, () -> client.delete("/api/v1/organizations/x"));
        assertThrows(HubClientException.class, () -> client.put("/api/v1/organizations/x", "{}"));
        assertEquals(6, tokens.size(), "three attempts each");
    }

    @Test
    void unsealedSuccessIsNotTrusted() throws Exception {
        server.removeContext("/api/v1/");
        server.createContext("/api/v1/", x -> send(x, "{\"organizations\":[]}"));
        HubClientException e = assertThrows(HubClientException.class, () -> client.get("/api/v1/organizations"));
        assertTrue(e.getMessage().contains("unsealed"), e.getMessage());
    }
}
