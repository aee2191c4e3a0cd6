package org.electionpool.hub.api.cases;

/** What the platform did about one item (DSA Art. 9(1): the effect given to the order). */
public enum Outcome {
    /** Removed everywhere. */
    REMOVED,
    /** Access disabled in the territorial scope. */
    DISABLED_IN_TERRITORY,
    /** Visibility restricted (demoted, age-gated …). */
    RESTRICTED_VISIBILITY,
    /** Labelled (e.g. with context or a fact-check). */
    LABELLED,
    /** The account was suspended. */
    ACCOUNT_SUSPENDED,
    /** Assessed; no action taken. */
    NO_ACTION,
    /** The platform cannot comply; {@code tcoReason} says why. */
    CANNOT_COMPLY
}
