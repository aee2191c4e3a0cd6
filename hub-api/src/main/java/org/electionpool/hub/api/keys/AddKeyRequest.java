package org.electionpool.hub.api.keys;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * Registers a public key for an organisation: a JWK; or a PEM public key with its use; or a PKCS#10
 * certificate request (PEM) with its use, for which the hub's CA issues an X.509 certificate that
 * goes into the key's {@code x5c}.
 *
 * <p>Accepted keys: EC on P-256 or P-384, RSA of at least 2048 bits; never a private key. A JWK
 * must carry {@code use} ({@code sig} or {@code enc}); {@code kid} defaults to the key's RFC 7638
 * thumbprint; {@code alg}, if present, must be the one HXP/1 uses for that key
 * (ES256/ES384/PS256, ECDH-ES+A256KW/RSA-OAEP-256).
 *
 * @param jwk the public JWK (RFC 7517 §4), or {@code null}
 * @param pem a PEM {@code PUBLIC KEY} (SubjectPublicKeyInfo), or {@code null}
 * @param csr a PEM {@code CERTIFICATE REQUEST} (PKCS#10, RFC 2986), or {@code null}; exactly one of the three
 * @param use required with {@code pem} and {@code csr}; with {@code jwk} it must match the JWK's {@code use} if given
 * @param kid optional key id; with {@code jwk} it must match the JWK's {@code kid} if both are given
 */
public record AddKeyRequest(
        Map<String, Object> jwk,
        @Size(max = 16000) String pem,
        @Size(max = 16000) String csr,
        KeyUse use,
        @Pattern(regexp = KeyId.PATTERN) String kid) {
}
