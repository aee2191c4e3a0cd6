package org.electionpool.hub.organizations.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.electionpool.hub.api.organizations.OrganizationId;
import org.electionpool.hub.api.organizations.OrganizationKind;
import org.electionpool.hub.api.organizations.OrganizationStatus;

/**
 * A member of the hub: an authority, a platform, an auditor body or the operator.
 *
 * <p>Invariants: the id is a valid {@link OrganizationId} and never changes; kind never changes
 * (an authority does not become a platform); a new organisation is {@link OrganizationStatus#ACTIVE}.
 * Concurrent changes are detected by the {@code version} column (optimistic locking).
 * Not thread-safe; an instance belongs to one persistence context.
 */
@Entity
@Table(name = "organization")
public class Organization {

    @Id
    @Column(name = "id", length = 64, nullable = false, updatable = false)
    private String id;

    @Column(name = "name", length = 200, nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = 16, nullable = false, updatable = false)
    private OrganizationKind kind;

    @Column(name = "country", length = 2, nullable = false)
    private String country;

    @Column(name = "contact_point", length = 320, nullable = false)
    private String contactPoint;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 16, nullable = false)
    private OrganizationStatus status;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    /** For JPA only. */
    protected Organization() {
    }

    /**
     * Registers a new, active organisation.
     *
     * @param id           its id
     * @param name         display name, not blank
     * @param kind         what it is
     * @param country      ISO 3166-1 alpha-2 code or {@code EU} (validated by the caller's request)
     * @param contactPoint e-mail address or URL, not blank
     * @param now          the registration time
     */
    public Organization(OrganizationId id, String name, OrganizationKind kind, String country,
                        String contactPoint, Instant now) {
        this.id = Objects.requireNonNull(id, "id").value();
        this.name = requireText(name, "name");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.country = requireText(country, "country");
        this.contactPoint = requireText(contactPoint, "contactPoint");
        this.status = OrganizationStatus.ACTIVE;
        this.createdAt = Objects.requireNonNull(now, "now");
        this.updatedAt = now;
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value.strip();
    }

    public OrganizationId id() {
        return new OrganizationId(id);
    }

    public String name() {
        return name;
    }

    public OrganizationKind kind() {
        return kind;
    }

    public String country() {
        return country;
    }

    public String contactPoint() {
        return contactPoint;
    }

    public OrganizationStatus status() {
        return status;
    }

    /**
     * Moves to the status; the caller checked that it differs.
     *
     * @param next the new status
     * @param now  when
     */
    public void changeStatus(OrganizationStatus next, Instant now) {
        this.status = java.util.Objects.requireNonNull(next, "next");
        this.updatedAt = now;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
