package org.electionpool.hub.api.cases;

/** The side of a case an organisation is on. */
public enum CaseRole {
    /** The authority that sent the case. */
    AUTHORITY,
    /** The platform the case is addressed to. */
    PLATFORM
}
