package org.electionpool.hub.organizations.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import org.electionpool.hub.api.keys.KeyId;
import org.electionpool.hub.api.keys.KeyStatus;
import org.electionpool.hub.api.keys.KeyUse;
import org.electionpool.hub.api.organizations.OrganizationId;

/**
 * A registered public key of an organisation (RFC 7517 JWK, stored as validated JSON).
 *
 * <p>Invariants: the key material, kid and use never change; status only moves forward,
 * ACTIVE → RETIRED → REVOKED or ACTIVE → REVOKED, each change with its time; the row is never
 * deleted. A key is usable for a new message only while ACTIVE.
 */
@Entity
@Table(name = "organization_key")
@IdClass(OrganizationKey.Key.class)
public class OrganizationKey {

    @Id
    @Column(name = "organization_id", length = 64, nullable = false, updatable = false)
    private String organizationId;

    @Id
    @Column(name = "kid", length = 128, nullable = false, updatable = false)
    private String kid;

    @Enumerated(EnumType.STRING)
    @Column(name = "key_use", length = 3, nullable = false, updatable = false)
    private KeyUse use;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 16, nullable = false)
    private KeyStatus status;

    @Column(name = "key_type", length = 8, nullable = false, updatable = false)
    private String keyType;

    @Column(name = "algorithm", length = 32, nullable = false, updatable = false)
    private String algorithm;

    @Column(name = "jwk", length = 16000, nullable = false, updatable = false)
    private String jwk;

    @Column(name = "thumbprint", length = 64, nullable = false, updatable = false)
    private String thumbprint;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "retired_at")
    private Instant retiredAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    /** For JPA only. */
    protected OrganizationKey() {
    }

    /**
     * Registers an active key.
     *
     * @param organization its owner
     * @param kid          its id, unique within the owner
     * @param use          signing or encryption
     * @param keyType      {@code EC} or {@code RSA}
     * @param algorithm    the JOSE algorithm it is used with
     * @param jwk          the validated public JWK as JSON
     * @param thumbprint   its RFC 7638 thumbprint
     * @param now          registration time
     */
    public OrganizationKey(OrganizationId organization, KeyId kid, KeyUse use, String keyType, String algorithm,
                           String jwk, String thumbprint, Instant now) {
        this.organizationId = organization.value();
        this.kid = kid.value();
        this.use = Objects.requireNonNull(use, "use");
        this.keyType = Objects.requireNonNull(keyType, "keyType");
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.jwk = Objects.requireNonNull(jwk, "jwk");
        this.thumbprint = Objects.requireNonNull(thumbprint, "thumbprint");
        this.status = KeyStatus.ACTIVE;
        this.createdAt = Objects.requireNonNull(now, "now");
    }

    /**
     * Retires the key.
     *
     * @throws IllegalStateException unless the key is active
     */
    public void retire(Instant now) {
        if (status != KeyStatus.ACTIVE) {
            throw new IllegalStateException("only an active key can be retired; this one is " + status);
        }
        status = KeyStatus.RETIRED;
        retiredAt = now;
    }

    /**
     * Revokes the key.
     *
     * @throws IllegalStateException if it is already revoked
     */
    public void revoke(Instant now) {
        if (status == KeyStatus.REVOKED) {
            throw new IllegalStateException("the key is already revoked");
        }
        status = KeyStatus.REVOKED;
        revokedAt = now;
    }

    /** @return whether a new message signed with (or answers encrypted to) this key is acceptable */
    public boolean isActive() {
        return status == KeyStatus.ACTIVE;
    }

    public OrganizationId organization() {
        return new OrganizationId(organizationId);
    }

    public KeyId kid() {
        return new KeyId(kid);
    }

    public KeyUse use() {
        return use;
    }

    public KeyStatus status() {
        return status;
    }

    public String keyType() {
        return keyType;
    }

    public String algorithm() {
        return algorithm;
    }

    public String jwk() {
        return jwk;
    }

    public String thumbprint() {
        return thumbprint;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant retiredAt() {
        return retiredAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    /** Composite primary key (organisation, kid). */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private String organizationId;
        private String kid;

        /** For JPA. */
        public Key() {
        }

        /** @param organization owner; @param kid key id */
        public Key(OrganizationId organization, KeyId kid) {
            this.organizationId = organization.value();
            this.kid = kid.value();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(organizationId, k.organizationId) && Objects.equals(kid, k.kid);
        }

        @Override
        public int hashCode() {
            return Objects.hash(organizationId, kid);
        }
    }
}
