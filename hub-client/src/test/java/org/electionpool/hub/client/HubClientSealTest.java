package org.electionpool.hub.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDHDecrypter;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.electionpool.hub.protocol.hxp.HxpCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The seal/send split of {@link HubClient}: a request sealed first and sent later carries exactly
 * the claims and the wire form a direct call would, goes out once, and its answer is opened and
 * verified as any other. The "hub" is a local server on loopback that opens each request with its
 * own key and answers sealed; every key is generated at run time.
 */
class HubClientSealTest {

    private HttpServer server;
    private String base;
    private ECKey hubSig;
    private ECKey hubEnc;
    private ECKey ownEnc;
    private final List<String> seenTokens = new CopyOnWriteArrayList<>();
    private HubClient client;
    private String ownJwks;

    @BeforeEach
    void start() throws Exception {
        hubSig = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                .keyIDFromThumbprint(true).generate();
        hubEnc = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.ENCRYPTION).algorithm(JWEAlgorithm.ECDH_ES_A256KW)
                .keyIDFromThumbprint(true).generate();
        ECKey ownSig = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint(true).generate();
        ownEnc = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.ENCRYPTION).keyIDFromThumbprint(true).generate();
        ownJwks = new JWKSet(List.of(ownSig, ownEnc)).toString(false);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        String logKey = org.electionpool.hub.protocol.log.SignedNote.verifierKey("127.0.0.1/audit-log",
                org.electionpool.hub.protocol.log.SignedNote.rawKey(
                        java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic()));
        server.createContext("/.well-known/hxp-configuration", x -> send(x, 200, "application/json", "{\"issuer\":\""
                + base + "\",\"jwks_uri\":\"" + base + "/.well-known/jwks.json\",\"audit_log\":{\"verifier_key\":\""
                + logKey + "\"}}"));
        server.createContext("/.well-known/jwks.json", x -> send(x, 200, "application/json",
                new JWKSet(List.of(hubSig.toPublicJWK(), hubEnc.toPublicJWK())).toString()));
        server.createContext("/api/v1/", this::answer);
        server.start();
        client = HubClient.builder().hub(URI.create(base)).organization("platform-test").privateJwks(ownJwks)
                .timeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /** Opens the request token (from the header or the JWE body) and answers 200 sealed, echoing its htu. */
    private void answer(HttpExchange x) throws IOException {
        try {
            String authorization = x.getRequestHeaders().getFirst("Authorization");
            String token;
            if (authorization != null) {
                token = authorization.substring("HXP ".length());
            } else {
                JWEObject jwe = JWEObject.parse(new String(x.getRequestBody().readAllBytes(), StandardCharsets.US_ASCII));
                jwe.decrypt(new ECDHDecrypter(hubEnc));
                token = jwe.getPayload().toString();
            }
            seenTokens.add(token);
            JWTClaimsSet request = SignedJWT.parse(token).getJWTClaimsSet();
            JWTClaimsSet answer = new JWTClaimsSet.Builder().issuer(base).audience("platform-test").issueTime(new Date())
                    .jwtID(HxpCodec.newJti()).claim("in_reply_to", request.getJWTID()).claim("status", 200)
                    .claim("body", Map.of("htu", request.getStringClaim("htu"))).build();
            JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(hubSig.getKeyID())
                    .type(new JOSEObjectType("hxp-response+jwt")).build(), new Payload(answer.toJSONObject()));
            jws.sign(new ECDSASigner(hubSig));
            JWEObject sealed = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.ECDH_ES_A256KW, EncryptionMethod.A256GCM)
                    .keyID(ownEnc.getKeyID()).contentType("JWT").build(), new Payload(jws.serialize()));
            sealed.encrypt(new ECDHEncrypter(ownEnc.toECPublicKey()));
            send(x, 200, "application/jose", sealed.serialize());
        } catch (Exception e) {
            send(x, 500, "text/plain", e.toString());
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void sealedGetCarriesTheClaimsOfADirectCallAndIsOpenedWhenSentLater() throws Exception {
        SealedRequest sealed = client.seal("GET", "/api/v1/inbox?after=x", null);
        assertFalse(sealed.hasBody());
        assertEquals("platform-test", sealed.organization());
        JWTClaimsSet claims = SignedJWT.parse(sealed.token()).getJWTClaimsSet();
        assertEquals("GET", claims.getStringClaim("htm"));
        assertEquals("/api/v1/inbox?after=x", claims.getStringClaim("htu"));
        assertEquals(sealed.jti(), claims.getJWTID());
        assertEquals(HxpCodec.TOKEN_LIFETIME_SECONDS, (claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()) / 1000);
        assertEquals(sealed.expiresAt().toEpochMilli(), claims.getExpirationTime().getTime());

        HubResponse r = client.send(sealed);
        assertEquals(200, r.status());
        assertTrue(r.sealed());
        assertEquals(sealed.jti(), r.requestJti());
        assertEquals("{\"htu\":\"/api/v1/inbox?after=x\"}", r.body());
        assertEquals(List.of(sealed.token()), seenTokens, "sent once, with the token sealed before");
    }

    @Test
    void sealedPostIsAJweToTheHubAroundTheSignedBodyAndTransmitLeavesTheAnswerUnopenedUntilOpenChecksIt() throws Exception {
        SealedRequest sealed = client.seal("POST", "/api/v1/cases", "{\"clientRef\":\"a-1\"}", Duration.ofSeconds(300));
        assertTrue(sealed.hasBody());
        JWEObject jwe = JWEObject.parse(sealed.jwe());
        jwe.decrypt(new ECDHDecrypter(hubEnc));
        assertEquals(sealed.token(), jwe.getPayload().toString());
        SignedJWT jws = SignedJWT.parse(sealed.token());
        assertTrue(jws.verify(new ECDSAVerifier(JWKSet.parse(ownJwks).getKeys().get(0).toECKey().toPublicJWK())));
        assertEquals(Map.of("clientRef", "a-1"), jws.getJWTClaimsSet().getJSONObjectClaim("body"));
        assertEquals(Duration.ofSeconds(300), Duration.between(sealed.issuedAt(), sealed.expiresAt()));

        HttpResponse<String> raw = client.transmit(sealed);
        assertEquals(200, raw.statusCode());
        assertEquals(5, raw.body().split("\\.", -1).length, "the sealed answer, still a JWE");
        // Opening is the full check: this fake hub logs nothing, and an answer to a change without an
        // audit receipt is refused, as from a direct call.
        HubClientException e = assertThrows(HubClientException.class, () -> client.open(sealed, raw));
        assertTrue(e.getMessage().contains("no audit receipt"), e.getMessage());
    }

    @Test
    void anAnswerIsNotAcceptedForAnotherSealedRequest() {
        SealedRequest first = client.seal("GET", "/api/v1/organizations", null);
        SealedRequest second = client.seal("GET", "/api/v1/organizations", null);
        HttpResponse<String> answerToFirst = client.transmit(first);
        HubClientException e = assertThrows(HubClientException.class, () -> client.open(second, answerToFirst));
        assertTrue(e.getMessage().contains("in_reply_to"), e.getMessage());
    }

    @Test
    void refusesALifetimeTheHubWouldRefuseAndARequestSealedForAnotherOrganisation() {
        assertThrows(IllegalArgumentException.class, () -> client.seal("GET", "/api/v1/x", null, Duration.ofSeconds(301)));
        assertThrows(IllegalArgumentException.class, () -> client.seal("GET", "/api/v1/x", null, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> client.seal("GET", "api/v1/x", null));
        SealedRequest sealed = client.seal("GET", "/api/v1/x", null);
        SealedRequest foreign = new SealedRequest("platform-other", sealed.method(), sealed.target(), sealed.jti(),
                sealed.token(), null, sealed.issuedAt(), sealed.expiresAt());
        assertThrows(IllegalArgumentException.class, () -> client.send(foreign));
        assertTrue(seenTokens.isEmpty(), "nothing was sent");
    }

    @Test
    void directCallsStillSealEachAttemptAfresh() {
        assertNull(client.trustedCheckpoint());
        assertEquals(200, client.get("/api/v1/organizations").status());
        assertEquals(200, client.get("/api/v1/organizations").status());
        assertEquals(2, seenTokens.size());
        assertFalse(seenTokens.get(0).equals(seenTokens.get(1)));
    }
}
