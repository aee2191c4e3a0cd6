package org.electionpool.hub.api.people;

/** Whether a person may sign in. */
public enum PersonStatus {
    /** May sign in. */
    ACTIVE,
    /** May not sign in; every session ended when the account was disabled. */
    DISABLED
}
