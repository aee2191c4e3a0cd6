package org.electionpool.hub.cases.domain;

import org.electionpool.hub.api.cases.CaseAction;

/** Thrown when a party takes an action reserved to the other side of the case. */
public class WrongSideException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param action the action taken by the wrong side */
    public WrongSideException(CaseAction action) {
        super(action + " is for the " + action.by().name().toLowerCase(java.util.Locale.ROOT) + " of the case");
    }
}
