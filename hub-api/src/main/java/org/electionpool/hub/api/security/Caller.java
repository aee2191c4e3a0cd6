package org.electionpool.hub.api.security;

import java.util.Objects;
import org.electionpool.hub.api.organizations.OrganizationId;
import org.electionpool.hub.api.organizations.OrganizationKind;

/**
 * The authenticated party behind one request.
 *
 * @param organization the calling organisation (the {@code iss} of its message); never {@code null}
 * @param kind         what that organisation is; never {@code null}
 * @param principal    the key id or person inside the organisation that acted; never {@code null}
 * @param channel      how the call reached the hub; never {@code null}
 */
public record Caller(OrganizationId organization, OrganizationKind kind, String principal, Channel channel) {

    /** Checks that no component is {@code null}. */
    public Caller {
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(channel, "channel");
    }

    /** @return whether the caller acts for the hub operator */
    public boolean isOperator() {
        return kind == OrganizationKind.OPERATOR;
    }

    /** How a call reached the hub. */
    public enum Channel {
        /** A machine call over the HTTP API. */
        API,
        /** A person in the web UI. */
        UI,
        /** The hub itself (timers, start-up). */
        SYSTEM
    }
}
