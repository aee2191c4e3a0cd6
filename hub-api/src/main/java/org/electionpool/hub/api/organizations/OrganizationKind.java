package org.electionpool.hub.api.organizations;

/**
 * What an organisation is, which decides what it may do at the hub.
 */
public enum OrganizationKind {
    /** A public authority: election authority, ministry, police; sends cases. */
    AUTHORITY,
    /** An online platform; receives cases addressed to it and answers them. */
    PLATFORM,
    /** An oversight body; reads the audit trail, never case content directly. */
    AUDITOR,
    /** The hub operator; onboards organisations and manages keys, sees no case content. */
    OPERATOR
}
