package org.electionpool.hub.api.organizations;

/**
 * Whether an organisation may currently take part in exchanges.
 */
public enum OrganizationStatus {
    /** Takes part in exchanges. */
    ACTIVE,
    /** Suspended by the operator: its requests are refused, its history stays verifiable. */
    SUSPENDED
}
