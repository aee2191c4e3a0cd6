package org.electionpool.hub.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The cryptography of an OpenID Connect relying party: verifying an ID token (OIDC Core 1.0
 * §3.1.3.7 — a JWS by a key of the provider's JWK Set with an allowed algorithm, {@code iss} the
 * provider, {@code aud} containing the client, {@code exp} in the future, {@code nonce} the one
 * sent; never {@code alg: none}, never a MAC), and the random values and PKCE S256 challenge
 * (RFC 7636 §4.2) of a request. The provider's JWK Set is fetched once per URL and cached, and
 * fetched again for an unknown {@code kid} (a rotation).
 */
public final class OidcTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final Map<URL, JWKSource<SecurityContext>> SOURCES = new ConcurrentHashMap<>();

    /** The signature algorithms an ID token may use: asymmetric only. */
    public static final Set<String> ALGORITHMS = Set.of("RS256", "RS384", "RS512", "PS256", "ES256", "ES384");

    private OidcTokens() {
    }

    /** An ID token that does not verify, for whatever reason (the reason is for the log, not the person). */
    public static final class InvalidToken extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidToken(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * @param idToken  the compact JWS from the token endpoint
     * @param jwksUri  the provider's {@code jwks_uri}
     * @param issuer   the provider's issuer identifier (exact match)
     * @param clientId this hub's client id (must be among {@code aud})
     * @param nonce    the nonce of the request (exact match)
     * @return the verified claims, as JSON values (strings, numbers, booleans, lists, maps; times as {@link java.util.Date})
     * @throws InvalidToken when any check fails
     */
    public static Map<String, Object> verify(String idToken, URL jwksUri, String issuer, String clientId, String nonce)
            throws InvalidToken {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        JWKSource<SecurityContext> keys = SOURCES.computeIfAbsent(jwksUri, u -> JWKSourceBuilder.create(u).retrying(true).build());
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(
                ALGORITHMS.stream().map(JWSAlgorithm::parse).collect(Collectors.toSet()), keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(clientId,
                new JWTClaimsSet.Builder().issuer(issuer).claim("nonce", nonce).build(), Set.of("sub", "exp", "iat")));
        try {
            return processor.process(idToken, null).getClaims();
        } catch (ParseException | BadJOSEException | JOSEException | RuntimeException e) {
            throw new InvalidToken("the ID token does not verify: " + e.getMessage(), e);
        }
    }

    /** @return 256 random bits, base64url without padding (a state, a nonce or a PKCE verifier) */
    public static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** @return the PKCE S256 code challenge of a verifier: BASE64URL(SHA-256(ASCII(verifier))) */
    public static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** @return whether two secrets are equal, in time independent of where they differ */
    public static boolean same(String a, String b) {
        return a != null && b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
