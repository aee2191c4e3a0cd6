package org.electionpool.hub.cases.domain;

/** Thrown when items are left unanswered. */
public class UnansweredItemsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public UnansweredItemsException() {
        super("items are left unanswered");
    }
}
