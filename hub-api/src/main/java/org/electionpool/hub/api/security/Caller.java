package org.electionpool.hub.api.security;

import java.util.Objects;
import java.util.Set;
import org.electionpool.hub.api.organizations.OrganizationId;
import org.electionpool.hub.api.organizations.OrganizationKind;

/**
 * The authenticated party behind one call: every service method that acts for somebody takes it
 * and decides from it, itself, whether the call is allowed (docs/architecture.md, Authorisation;
 * the shared checks are in {@link Authorization}).
 *
 * <p>Where callers come from:
 * <ul>
 *   <li>{@link Channel#API} — only from {@code EnvelopeService.open}, once a signed HXP/1 request
 *       passed every check: the organisation is the message's {@code iss}, the principal its
 *       signing key id.</li>
 *   <li>{@link Channel#UI} — {@link #person}: a person the web UI authenticated, acting for their
 *       organisation.</li>
 *   <li>{@link Channel#TAXII} — only from {@code TaxiiService.authenticate}: a TAXII credential's
 *       organisation, the principal {@code taxii:<username>}.</li>
 *   <li>{@link Channel#SYSTEM} — {@link #system} only: the hub acting on its own initiative
 *       (start-up seeding, timers), never on behalf of a request.</li>
 * </ul>
 *
 * <p><b>The SYSTEM rule.</b> A SYSTEM caller is the hub itself: organisation {@link #HUB}, kind
 * {@link OrganizationKind#OPERATOR} (the hub has the operator's powers and no more: it sees no
 * case content), principal the acting component. The constructor refuses any other combination
 * with channel SYSTEM, so a caller copied together from a request (its organisation, kind, or an
 * audit context's channel) can never become the hub by accident; and the web tier, which acts
 * only on behalf of requests, never calls {@link #system} (an architecture rule checks it). The id
 * {@link #HUB} is reserved: no organisation can be registered under it.
 *
 * @param organization the calling organisation (the {@code iss} of its message, or {@link #HUB}); never {@code null}
 * @param kind         what that organisation is; never {@code null}
 * @param principal    the key id or person inside the organisation that acted, or the hub component; never {@code null}
 * @param channel      how the call reached the hub; never {@code null}
 * @param roles        what the principal may do for the organisation ({@link Role}): a person's
 *                     roles, or {@link Role#ALL} for a machine caller; never {@code null}, never
 *                     empty, copied
 */
public record Caller(OrganizationId organization, OrganizationKind kind, String principal, Channel channel,
                     Set<Role> roles) {

    /** The organisation id under which the hub itself acts (channel {@code SYSTEM}); no organisation may take it. */
    public static final OrganizationId HUB = new OrganizationId("hub");

    /**
     * A machine caller (channel {@code API}, {@code TAXII} or {@code SYSTEM}): all the organisation's rights.
     *
     * @param organization the calling organisation
     * @param kind         what that organisation is
     * @param principal    the key id, credential or hub component that acted
     * @param channel      how the call reached the hub; not {@code UI}
     */
    public Caller(OrganizationId organization, OrganizationKind kind, String principal, Channel channel) {
        this(organization, kind, principal, channel, Role.ALL);
    }

    /**
     * Checks that no component is {@code null} and that a SYSTEM caller is the hub itself.
     *
     * @throws IllegalArgumentException for channel {@code SYSTEM} with another organisation than
     *         {@link #HUB} or another kind than {@code OPERATOR}; for a person with a role their
     *         organisation's kind does not allow, or none; for a machine caller without all roles
     */
    public Caller {
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(roles, "roles");
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("a caller holds at least one role");
        }
        roles = Set.copyOf(roles);
        if (channel == Channel.UI && !Role.allowedFor(kind).containsAll(roles)) {
            throw new IllegalArgumentException("a person of a " + kind + " holds only " + Role.allowedFor(kind));
        }
        if (channel != Channel.UI && !roles.equals(Role.ALL)) {
            throw new IllegalArgumentException("a machine caller acts with all its organisation's rights");
        }
        if (channel == Channel.SYSTEM && (!organization.equals(HUB) || kind != OrganizationKind.OPERATOR)) {
            throw new IllegalArgumentException("a SYSTEM caller is the hub itself; make it with Caller.system(component)");
        }
    }

    /**
     * @param organization the person's organisation
     * @param kind         what that organisation is
     * @param username     the person's user name
     * @param roles        the person's roles, each one {@link Role#allowedFor} the kind
     * @return a person acting for their organisation in the web UI (channel {@code UI})
     */
    public static Caller person(OrganizationId organization, OrganizationKind kind, String username, Set<Role> roles) {
        return new Caller(organization, kind, username, Channel.UI, roles);
    }

    /**
     * @param role a role
     * @return whether the principal holds it (a machine caller holds every role)
     */
    public boolean has(Role role) {
        return roles.contains(role);
    }

    /**
     * For the hub's own components only (start-up, timers) — never for a request.
     *
     * @param component the part of the hub acting, e.g. {@code demo-seeder}
     * @return the hub itself (channel {@code SYSTEM}, organisation {@link #HUB}, kind {@code OPERATOR})
     */
    public static Caller system(String component) {
        return new Caller(HUB, OrganizationKind.OPERATOR, component, Channel.SYSTEM);
    }

    /** @return whether the caller acts for the hub operator: an operator organisation, or the hub itself */
    public boolean isOperator() {
        return kind == OrganizationKind.OPERATOR;
    }

    /** @return whether the caller is the hub itself (channel {@code SYSTEM}) */
    public boolean isSystem() {
        return channel == Channel.SYSTEM;
    }

    /** How a call reached the hub. */
    public enum Channel {
        /** A machine call over the HTTP API. */
        API,
        /** A person in the web UI. */
        UI,
        /**
         * A CTI tool over TAXII 2.1 (docs/taxii.md), authenticated by a TAXII credential that its
         * organisation issued over HXP/1; the principal is {@code taxii:<username>}.
         */
        TAXII,
        /** The hub itself (timers, start-up). */
        SYSTEM
    }
}
