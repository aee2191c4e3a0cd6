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
