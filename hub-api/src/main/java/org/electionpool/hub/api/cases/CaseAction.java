package org.electionpool.hub.api.cases;

/**
 * The actions that move a case through its lifecycle, each reserved to one side
 * ({@link #by()}). Which states each one leaves from is owned by {@link CaseStatus}.
 */
public enum CaseAction {
    /** The platform confirms receipt. */
    ACKNOWLEDGE(CaseRole.PLATFORM),
    /** The platform starts working on it. */
    START(CaseRole.PLATFORM),
    /** The platform asks for clarification (TCO Annex III: the clock stops until answered). */
    REQUEST_INFORMATION(CaseRole.PLATFORM),
    /** The authority answers the platform's question; the clock restarts. */
    PROVIDE_INFORMATION(CaseRole.AUTHORITY),
    /** The platform has responded to every item. */
    RESOLVE(CaseRole.PLATFORM),
    /** The authority closes the case. */
    CLOSE(CaseRole.AUTHORITY),
    /** The authority withdraws the case; final. */
    WITHDRAW(CaseRole.AUTHORITY),
    /** The authority reopens a resolved or closed case. */
    REOPEN(CaseRole.AUTHORITY);

    private final CaseRole by;

    CaseAction(CaseRole by) {
        this.by = by;
    }

    /** @return the side that may take this action */
    public CaseRole by() {
        return by;
    }
}
