package org.electionpool.hub.api.indicators;

/** What the reporting organisation did about what it saw. */
public enum SightingAction {
    /** Nothing (yet). */
    NONE,
    /** Watched, no measure taken. */
    MONITORED,
    /** Labelled or given context (a fact-check, a notice). */
    LABELLED,
    /** Demoted or restricted in reach. */
    RESTRICTED,
    /** Removed or disabled. */
    REMOVED,
    /** The account was suspended or terminated. */
    ACCOUNT_SUSPENDED,
    /** Referred to another body (a platform, an authority, law enforcement). */
    REFERRED
}
