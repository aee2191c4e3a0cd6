package org.electionpool.hub.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ID token verification of the OIDC relying party (OIDC Core 1.0 §3.1.3.7) against a provider's
 * JWK Set served on loopback: a round trip, then each attack regression — another issuer, another
 * audience, another nonce, expired, {@code alg: none}, an HMAC keyed with public material, a key
 * not in the set — and the PKCE vector of RFC 7636 Appendix B.
 */
class OidcTokensTest {

    private static final String ISSUER = "https://idp.example/realms/election";

    private static RSAKey provider;
    private static RSAKey stranger;
    private static HttpServer server;
    private static URL jwks;

    @BeforeAll
    static void serveTheProvidersKeys() throws Exception {
        provider = new RSAKeyGenerator(2048).keyID("idp-1").generate();
        stranger = new RSAKeyGenerator(2048).keyID("idp-1").generate();
        byte[] body = new JWKSet(provider.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        jwks = new URL("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks");
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static String token(RSAKey key, Consumer<JWTClaimsSet.Builder> change) throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject("subject-1").audience("hub")
                .expirationTime(new Date(System.currentTimeMillis() + 60_000)).issueTime(new Date())
                .claim("nonce", "nonce-1").claim("org", "platform-alpha").claim("roles", List.of("CASE_OFFICER"));
        change.accept(claims);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Test
    void aTokenOfTheProviderForTheHubWithItsNonceVerifies() throws Exception {
        java.util.Map<String, Object> claims = OidcTokens.verify(token(provider, c -> { }), jwks, ISSUER, "hub", "nonce-1");
        assertEquals("subject-1", claims.get("sub"));
        assertEquals("platform-alpha", claims.get("org"));
        assertEquals(List.of("CASE_OFFICER"), claims.get("roles"));
    }

    @Test
    void anAudienceListThatNamesTheHubVerifies() throws Exception {
        assertEquals("subject-1", OidcTokens.verify(token(provider, c -> c.audience(List.of("other", "hub"))), jwks, ISSUER,
                "hub", "nonce-1").get("sub"));
    }

    @Test
    void anotherIssuerAudienceOrNonceIsRefused() throws Exception {
        assertThrows(OidcTokens.InvalidToken.class, () -> OidcTokens.verify(token(provider, c -> c.issuer("https://evil.example")),
                jwks, ISSUER, "hub", "nonce-1"));
        assertThrows(OidcTokens.InvalidToken.class, () -> OidcTokens.verify(token(provider, c -> c.audience("another-client")),
                jwks, ISSUER, "hub", "nonce-1"));
        assertThrows(OidcTokens.InvalidToken.class, () -> OidcTokens.verify(token(provider, c -> { }), jwks, ISSUER, "hub",
                "the-nonce-of-another-sign-in"));
        assertThrows(OidcTokens.InvalidToken.class, () -> OidcTokens.verify(token(provider, c -> c.claim("nonce", null)),
                jwks, ISSUER, "hub", "nonce-1"));
    }

    @Test
    void anExpiredTokenOrOneWithoutSubjectIsRefused() throws Exception {
        assertThrows(OidcTokens.InvalidToken.class, () -> OidcTokens.verify(token(provider,
                c -> c.expirationTime(new Date(System.currentTimeMillis() - 3_600_000))), jwks, ISSUER, "hub", "nonce-1"));
        assertThrows(OidcTokens.InvalidToken.class, () -> OidcTokens.verify(token(provider, c -> c.subject(null)), jwks, ISSUER,
                "hub", "nonce-1"));
    }

    @Test
    void aKeyOutsideTheProvidersSetIsRefusedEvenWithTheSameKid() throws Exception {
        assertThrows(OidcTokens.InvalidToken.class, () -> OidcTokens.verify(token(stranger, c -> { }), jwks, ISSUER, "hub",
                "nonce-1"));
    }

    @Test
    void algNoneIsRefused() throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(token(provider, c -> { })).getJWTClaimsSet();
        String unsigned = new PlainJWT(new PlainHeader(), claims).serialize();
        assertThrows(OidcTokens.InvalidToken.class, () -> OidcTokens.verify(unsigned, jwks, ISSUER, "hub", "nonce-1"));
    }

    @Test
    void anHmacKeyedWithThePublicKeyIsRefused() throws Exception {
        // the classic confusion: HS256 with the provider's public key bytes as the secret
        JWTClaimsSet claims = SignedJWT.parse(token(provider, c -> { })).getJWTClaimsSet();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("idp-1").build(), claims);
        byte[] secret = provider.toPublicJWK().toRSAPublicKey().getEncoded();
        forged.sign(new MACSigner(secret));
        assertThrows(OidcTokens.InvalidToken.class, () -> OidcTokens.verify(forged.serialize(), jwks, ISSUER, "hub", "nonce-1"));
    }

    @Test
    void theCodeChallengeIsRfc7636AppendixB() {
        assertEquals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                OidcTokens.challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    }

    @Test
    void randomValuesAre256BitsBase64UrlAndNeverRepeat() {
        String a = OidcTokens.random();
        assertEquals(43, a.length());
        assertTrue(a.matches("[A-Za-z0-9_-]{43}"), a);
        assertNotEquals(a, OidcTokens.random());
    }

    @Test
    void secretsCompareExactly() {
        assertTrue(OidcTokens.same("state-1", "state-1"));
        assertFalse(OidcTokens.same("state-1", "state-2"));
        assertFalse(OidcTokens.same(null, "state-1"));
        assertFalse(OidcTokens.same("state-1", null));
    }
}
