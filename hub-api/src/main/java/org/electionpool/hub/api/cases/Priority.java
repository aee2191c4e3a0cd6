package org.electionpool.hub.api.cases;

/** How urgent a case is; drives its default deadline ({@link CaseKind#defaultDeadline}). */
public enum Priority {
    /** Routine. */
    NORMAL,
    /** Within a day. */
    HIGH,
    /** Immediate: e.g. a removal order with the TCO Regulation's one-hour deadline. */
    CRITICAL
}
