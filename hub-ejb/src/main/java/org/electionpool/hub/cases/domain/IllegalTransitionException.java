package org.electionpool.hub.cases.domain;

import org.electionpool.hub.api.cases.CaseAction;
import org.electionpool.hub.api.cases.CaseStatus;

/** Thrown when an action (or an item response) is not allowed in the case's current state. */
public class IllegalTransitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param action the action, or {@code null} for an item response
     * @param from   the current state
     */
    public IllegalTransitionException(CaseAction action, CaseStatus from) {
        super(action == null
                ? "A case that is " + from + " takes no item responses (only ACKNOWLEDGED, IN_PROGRESS, NEEDS_INFORMATION or REOPENED)."
                : "Cannot " + action + " a case that is " + from + "; " + action + " is allowed from "
                        + CaseStatus.allowedFrom(action) + ".");
    }
}
