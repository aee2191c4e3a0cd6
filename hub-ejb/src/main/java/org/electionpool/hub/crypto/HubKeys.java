package org.electionpool.hub.crypto;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import java.security.KeyPair;
import java.util.Optional;

/**
 * The hub's own keys: a P-256 signing key (ES256) for answers, P-256 encryption keys (ECDH-ES+A256KW)
 * that requests are encrypted to, and an Ed25519 key that signs audit-log checkpoints.
 *
 * <p>Invariant: several keys of a use may be published side by side (rotation); the newest signs,
 * every published encryption key decrypts. Implementations are thread-safe and immutable after
 * start-up.
 */
public interface HubKeys {

    /** @return the public signing and encryption keys, as published at {@code /.well-known/jwks.json} */
    JWKSet publicJwkSet();

    /** @return the private key that signs answers now (the newest signing key) */
    ECKey signingKey();

    /**
     * @param kid the {@code kid} a request's JWE header names
     * @return the private encryption key with that id, if the hub has one
     */
    Optional<ECKey> encryptionKey(String kid);

    /** @return the Ed25519 key pair that signs audit-log checkpoints now */
    KeyPair auditLogKey();

    /** @return the CA that certifies organisation keys requested by PKCS#10, if this hub has one */
    Optional<CertificateAuthority> certificateAuthority();

    /** @return the newest AES-256 key that encrypts attachments at rest, if this hub has one */
    Optional<AttachmentKey> attachmentKey();

    /**
     * @param alias the keystore alias an attachment was encrypted under
     * @return that key (older keys stay to decrypt older attachments)
     */
    Optional<AttachmentKey> attachmentKey(String alias);

    /**
     * An attachment key and its keystore alias ({@code att-<yyyyMMddHHmmss>}).
     *
     * @param alias the alias, stored beside each attachment it encrypts
     * @param key   the AES-256 key
     */
    record AttachmentKey(String alias, javax.crypto.SecretKey key) {
    }

    /**
     * The hub's own public signing keys, as published: what checks the hub's signed answers and
     * its attestations of persons' UI requests (docs/audit-log.md, Attested entries).
     *
     * @return per key id, its RFC 7638 thumbprint and its public JWK as a JSON object
     */
    default java.util.List<PublishedKey> publishedSigningKeys() {
        java.util.List<PublishedKey> out = new java.util.ArrayList<>();
        for (com.nimbusds.jose.jwk.JWK jwk : publicJwkSet().getKeys()) {
            if (com.nimbusds.jose.jwk.KeyUse.SIGNATURE.equals(jwk.getKeyUse())) {
                try {
                    out.add(new PublishedKey(jwk.getKeyID(), jwk.computeThumbprint().toString(),
                            jwk.toPublicJWK().toJSONObject()));
                } catch (com.nimbusds.jose.JOSEException e) {
                    throw new IllegalStateException("a published key has no thumbprint", e);
                }
            }
        }
        return out;
    }

    /**
     * One of the hub's published signing keys.
     *
     * @param kid        its key id
     * @param thumbprint its RFC 7638 SHA-256 thumbprint (base64url)
     * @param jwk        its public JWK
     */
    record PublishedKey(String kid, String thumbprint, java.util.Map<String, Object> jwk) {
    }

    /** @return {@link #publicJwkSet()} as the JSON published at {@code /.well-known/jwks.json} (public members only) */
    default String publicJwksJson() {
        return publicJwkSet().toString(true);
    }

    /** @return a one-line description for the start-up log: the signing kid and key count; never key material */
    default String describe() {
        return "signing kid " + signingKey().getKeyID() + ", " + publicJwkSet().getKeys().size() + " published key(s), "
                + (certificateAuthority().isPresent() ? "with a CA for key certificates" : "no CA (CSRs refused)");
    }
}
