package org.electionpool.hub.crypto;

import org.electionpool.hub.api.keys.KeyUse;

/**
 * A public key that passed {@link PublicKeys#parse}: normalised, with the algorithm HXP/1 uses it for.
 *
 * @param kid        the key id (given, or the RFC 7638 thumbprint)
 * @param use        signing or encryption
 * @param keyType    {@code EC} or {@code RSA}
 * @param algorithm  the JOSE algorithm: ES256, ES384, PS256, ECDH-ES+A256KW or RSA-OAEP-256
 * @param jwkJson    the public JWK as JSON text, with {@code kid}, {@code use} and {@code alg}; no private member
 * @param thumbprint the RFC 7638 SHA-256 thumbprint, base64url
 */
public record ParsedPublicKey(String kid, KeyUse use, String keyType, String algorithm, String jwkJson,
                              String thumbprint) {
}
