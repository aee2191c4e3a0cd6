package org.electionpool.hub.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Key pairs for the demo organisations of a development hub: one P-256 signing key (ES256) and one
 * P-256 encryption key (ECDH-ES+A256KW) each, with their thumbprints as {@code kid}. Never used in
 * production mode. Thread-safe.
 */
public final class DevKeys {

    private DevKeys() {
    }

    /**
     * A demo organisation's keys.
     *
     * @param privateJwks the private JWK Set (both keys, private members included), JSON text
     * @param publicKeys  the public JWKs to register, signing key first
     */
    public record Generated(String privateJwks, List<Map<String, Object>> publicKeys) {
    }

    /** @return a fresh signing and encryption key pair */
    public static Generated generate() {
        try {
            ECKey sig = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                    .keyIDFromThumbprint(true).generate();
            ECKey enc = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.ENCRYPTION).algorithm(JWEAlgorithm.ECDH_ES_A256KW)
                    .keyIDFromThumbprint(true).generate();
            JWKSet set = new JWKSet(List.of(sig, enc));
            return new Generated(set.toString(false),
                    List.of(sig.toPublicJWK().toJSONObject(), enc.toPublicJWK().toJSONObject()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate P-256 keys", e);
        }
    }

    /**
     * @param privateJwks a file written from {@link Generated#privateJwks()}
     * @return the RFC 7638 thumbprints of its keys, or empty if it is not a JWK Set with private keys
     */
    public static Set<String> thumbprints(String privateJwks) {
        try {
            List<JWK> keys = JWKSet.parse(privateJwks).getKeys();
            if (keys.isEmpty() || !keys.stream().allMatch(JWK::isPrivate)) {
                return Set.of();
            }
            return keys.stream().map(k -> {
                try {
                    return k.computeThumbprint().toString();
                } catch (JOSEException e) {
                    throw new IllegalStateException(e);
                }
            }).collect(Collectors.toSet());
        } catch (ParseException | RuntimeException e) {
            return Set.of();
        }
    }
}
