package org.electionpool.hub.protocol.hxp;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.electionpool.hub.protocol.hxp.Hxp;
import org.electionpool.hub.protocol.jca.CryptoProviders;
import org.electionpool.hub.protocol.json.StrictJson;

/**
 * Seals HXP/1 requests of one organisation and opens the hub's answers to it.
 *
 * <p>Request: JWS ({@code typ} {@code hxp+jwt}, the organisation's newest signing key, ES256/ES384/PS256
 * by key) with claims {@code iss aud iat exp jti htm htu [sub] [body]}, inside a JWE
 * (ECDH-ES+A256KW, A256GCM, {@code cty} JWT) to the hub's newest encryption key. Answer: the
 * reverse, verified against the hub's published signing keys: {@code typ}, {@code iss},
 * {@code aud}, {@code in_reply_to} and {@code status} must all match. Thread-safe (immutable).
 */
public final class HxpCodec {

    /** Lifetime of the tokens this codec makes, in seconds (HXP/1 allows up to 300). */
    public static final int TOKEN_LIFETIME_SECONDS = 120;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String organization;
    private final String hubIssuer;
    private final JWK signingKey;
    private final List<JWK> decryptionKeys;
    private final JWKSet hubKeys;

    /**
     * @param organization the organisation id ({@code iss})
     * @param privateJwks  its private JWK Set: at least one signing and one encryption key
     * @param hubIssuer    the hub identifier from discovery ({@code aud})
     * @param hubJwks      the hub's published JWK Set
     * @throws IllegalArgumentException if a key is missing or not private
     */
    public HxpCodec(String organization, String privateJwks, String hubIssuer, String hubJwks) {
        this.organization = Objects.requireNonNull(organization, "organization");
        this.hubIssuer = Objects.requireNonNull(hubIssuer, "hubIssuer");
        try {
            JWKSet own = JWKSet.parse(privateJwks);
            this.signingKey = own.getKeys().stream()
                    .filter(k -> KeyUse.SIGNATURE.equals(k.getKeyUse()) && k.isPrivate()).reduce((a, b) -> b)
                    .orElseThrow(() -> new IllegalArgumentException("the JWKS has no private signing key (use sig)"));
            this.decryptionKeys = own.getKeys().stream()
                    .filter(k -> KeyUse.ENCRYPTION.equals(k.getKeyUse()) && k.isPrivate()).toList();
            if (decryptionKeys.isEmpty()) {
                throw new IllegalArgumentException("the JWKS has no private encryption key (use enc)");
            }
            this.hubKeys = JWKSet.parse(hubJwks);
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a JWK Set: " + e.getMessage(), e);
        }
    }

    /** @return a fresh token id: 256 random bits, base64url */
    public static String newJti() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64URL.encode(bytes).toString();
    }

    /**
     * The claims of a request, ready to sign. Tests change them to build hostile requests.
     *
     * @param method   the HTTP method
     * @param target   path and query exactly as sent
     * @param bodyJson a JSON object for POST/PUT/PATCH, else {@code null}
     * @param jti      the token id
     * @param now      the issue time
     */
    public JWTClaimsSet.Builder claims(String method, String target, String bodyJson, String jti, Instant now) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(organization)
                .audience(hubIssuer)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(TOKEN_LIFETIME_SECONDS)))
                .jwtID(jti)
                .claim(Hxp.CLAIM_HTM, method)
                .claim(Hxp.CLAIM_HTU, target);
        if (bodyJson != null) {
            try {
                claims.claim(Hxp.CLAIM_BODY, JSONObjectUtils.parse(bodyJson));
            } catch (ParseException e) {
                throw new IllegalArgumentException("the body must be a JSON object", e);
            }
        }
        return claims;
    }

    /**
     * @return the signed request token (compact JWS) for one request, with the claims of
     *         {@link #claims(String, String, String, String, Instant)}
     */
    public String requestToken(String method, String target, String bodyJson, String jti, Instant now) {
        return sign(claims(method, target, bodyJson, jti, now).build());
    }

    /** @return the compact JWS of {@code claims}, signed with the organisation's signing key */
    public String sign(JWTClaimsSet claims) {
        try {
            JWSAlgorithm alg = JWSAlgorithm.parse(signingKey.getAlgorithm() != null ? signingKey.getAlgorithm().getName()
                    : defaultAlgorithm(signingKey));
            JWSSigner signer = CryptoProviders.configured().signer(signingKey);
            JWSObject jws = new JWSObject(new JWSHeader.Builder(alg).keyID(signingKey.getKeyID())
                    .type(new JOSEObjectType(Hxp.REQUEST_TYP)).build(), new Payload(claims.toJSONObject()));
            jws.sign(signer);
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign: " + e.getMessage(), e);
        }
    }

    private static String defaultAlgorithm(JWK key) {
        if (KeyType.RSA.equals(key.getKeyType())) {
            return "PS256";
        }
        return "P-384".equals(key.toECKey().getCurve().getName()) ? "ES384" : "ES256";
    }

    /** @return {@code compactJws} encrypted to the hub's newest encryption key (compact JWE) */
    public String encryptToHub(String compactJws) {
        ECKey hubKey = hubKeys.getKeys().stream()
                .filter(k -> KeyUse.ENCRYPTION.equals(k.getKeyUse()) && KeyType.EC.equals(k.getKeyType()))
                .map(JWK::toECKey).findFirst()
                .orElseThrow(() -> new IllegalStateException("the hub publishes no EC encryption key"));
        try {
            JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.ECDH_ES_A256KW, EncryptionMethod.A256GCM)
                    .keyID(hubKey.getKeyID()).contentType(Hxp.NESTED_CTY).build(), new Payload(compactJws));
            jwe.encrypt(CryptoProviders.configured().encrypter(hubKey));
            return jwe.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot encrypt to the hub: " + e.getMessage(), e);
        }
    }

    /**
     * Opens and verifies an answer.
     *
     * @param compactJwe the answer body
     * @param inReplyTo  the request's {@code jti}
     * @param httpStatus the HTTP status the answer came with
     * @return the verified claims
     * @throws SecurityException naming the check that failed
     */
    public Map<String, Object> openAnswer(String compactJwe, String inReplyTo, int httpStatus) {
        JWTClaimsSet claims = openSealed(compactJwe, "answer");
        if (!inReplyTo.equals(claims.getClaim(Hxp.CLAIM_IN_REPLY_TO))) {
            throw new SecurityException("answer in_reply_to does not match the request's jti");
        }
        Object status = claims.getClaim(Hxp.CLAIM_STATUS);
        if (!(status instanceof Number n) || n.intValue() != httpStatus) {
            throw new SecurityException("answer status claim differs from the HTTP status");
        }
        return claims.getClaims();
    }

    /**
     * Opens a webhook delivery: decrypts it with this organisation's key and checks it like an
     * answer — hub signature, {@code typ}, {@code iss}, {@code aud} — and that it answers no request
     * (no {@code in_reply_to}) and carries an {@code event} object.
     *
     * @param compactJwe the delivery's body
     * @return the {@code event} claim
     * @throws SecurityException if any check fails
     */
    public Map<String, Object> openEvent(String compactJwe) {
        JWTClaimsSet claims = openSealed(compactJwe, "delivery");
        if (claims.getClaim(Hxp.CLAIM_IN_REPLY_TO) != null) {
            throw new SecurityException("delivery carries in_reply_to: it is an answer, not an event");
        }
        try {
            Map<String, Object> event = claims.getJSONObjectClaim(Hxp.CLAIM_EVENT);
            if (event == null) {
                throw new SecurityException("delivery has no event claim");
            }
            return event;
        } catch (ParseException e) {
            throw new SecurityException("delivery event is not a JSON object", e);
        }
    }

    private JWTClaimsSet openSealed(String compactJwe, String what) {
        try {
            JWEObject jwe = JWEObject.parse(compactJwe.trim());
            if (!Hxp.NESTED_CTY.equalsIgnoreCase(jwe.getHeader().getContentType())) {
                throw new SecurityException(what + " JWE cty is not JWT");
            }
            JWK key = decryptionKeys.stream().filter(k -> k.getKeyID() != null && k.getKeyID().equals(jwe.getHeader().getKeyID()))
                    .findFirst().orElseThrow(() -> new SecurityException(what + " is encrypted to an unknown key"));
            jwe.decrypt(CryptoProviders.configured().decrypter(key));
            String compactJws = jwe.getPayload().toString();
            if (compactJws.split("\\.", -1).length != 3) {
                throw new SecurityException(what + " JWE does not wrap a signed JWT");
            }
            JWSObject jws = JWSObject.parse(compactJws);
            if (!new JOSEObjectType(Hxp.RESPONSE_TYP).equals(jws.getHeader().getType())) {
                throw new SecurityException(what + " typ is not " + Hxp.RESPONSE_TYP);
            }
            if (!JWSAlgorithm.ES256.equals(jws.getHeader().getAlgorithm())) {
                throw new SecurityException(what + " alg is not ES256");
            }
            JWK hubKey = hubKeys.getKeyByKeyId(jws.getHeader().getKeyID());
            if (hubKey == null || !KeyUse.SIGNATURE.equals(hubKey.getKeyUse())
                    || !jws.verify(CryptoProviders.configured().verifier(hubKey))) {
                throw new SecurityException(what + " signature does not verify with the hub's published keys");
            }
            String payload = jws.getPayload().toString();
            StrictJson.checkObject(payload, Hxp.MAX_JSON_DEPTH + 2);
            JWTClaimsSet claims = JWTClaimsSet.parse(payload);
            if (!hubIssuer.equals(claims.getIssuer())) {
                throw new SecurityException(what + " iss is not the hub");
            }
            if (claims.getAudience().size() != 1 || !organization.equals(claims.getAudience().get(0))) {
                throw new SecurityException(what + " aud is not this organisation");
            }
            return claims;
        } catch (ParseException | JOSEException | IllegalArgumentException e) {
            throw new SecurityException(what + " cannot be opened: " + e.getMessage(), e);
        }
    }

    /** @return the JSON text of a claim value (object or array), or {@code null} */
    @SuppressWarnings("unchecked")
    public static String toJson(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            return JSONObjectUtils.toJSONString((Map<String, ?>) map);
        }
        if (value instanceof List<?> list) {
            return com.nimbusds.jose.util.JSONArrayUtils.toJSONString((List<Object>) list);
        }
        return String.valueOf(value);
    }
}
