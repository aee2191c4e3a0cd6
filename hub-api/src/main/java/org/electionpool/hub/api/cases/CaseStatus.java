package org.electionpool.hub.api.cases;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The case lifecycle (docs/api.md): the one place that says which action leads from which state
 * to which.
 *
 * <pre>
 * SUBMITTED ─ACKNOWLEDGE→ ACKNOWLEDGED ─START→ IN_PROGRESS ─RESOLVE→ RESOLVED ─CLOSE→ CLOSED
 *     │ REQUEST_INFORMATION (from SUBMITTED, ACKNOWLEDGED, IN_PROGRESS, REOPENED) → NEEDS_INFORMATION
 *     │ PROVIDE_INFORMATION: NEEDS_INFORMATION → IN_PROGRESS
 *     │ CLOSE also from ACKNOWLEDGED and IN_PROGRESS; REOPEN: RESOLVED, CLOSED → REOPENED;
 *     │ START: REOPENED → IN_PROGRESS; WITHDRAW from every state but CLOSED and WITHDRAWN.
 * </pre>
 *
 * <p>Invariant: {@link #WITHDRAWN} is final; every other state has a way on. Being overdue is a
 * flag beside the state, not a state. {@link #CLOCK_RUNS} is the one list of the states in which
 * a deadline runs; the aggregate, the overdue filter of the case list and the deadline watch all
 * read it.
 */
public enum CaseStatus {
    /** Sent by the authority, delivered to the platform's inbox. */
    SUBMITTED,
    /** The platform confirmed receipt. */
    ACKNOWLEDGED,
    /** The platform is working on it. */
    IN_PROGRESS,
    /** The platform asked for clarification; waiting for the authority. */
    NEEDS_INFORMATION,
    /** The platform responded to every item. */
    RESOLVED,
    /** The authority closed it. */
    CLOSED,
    /** The authority withdrew it. Final. */
    WITHDRAWN,
    /** The authority reopened it. */
    REOPENED;

    /**
     * The states in which the deadline's clock runs: not waiting for the authority
     * ({@link #NEEDS_INFORMATION}), not finished. Unmodifiable.
     */
    public static final Set<CaseStatus> CLOCK_RUNS =
            Collections.unmodifiableSet(EnumSet.of(SUBMITTED, ACKNOWLEDGED, IN_PROGRESS, REOPENED));

    /**
     * @param action the action
     * @return the state the action leads to from this one, or empty if it is not allowed here
     */
    public Optional<CaseStatus> after(CaseAction action) {
        CaseStatus next = switch (action) {
            case ACKNOWLEDGE -> this == SUBMITTED ? ACKNOWLEDGED : null;
            case START -> this == ACKNOWLEDGED || this == REOPENED ? IN_PROGRESS : null;
            case REQUEST_INFORMATION -> EnumSet.of(SUBMITTED, ACKNOWLEDGED, IN_PROGRESS, REOPENED).contains(this)
                    ? NEEDS_INFORMATION : null;
            case PROVIDE_INFORMATION -> this == NEEDS_INFORMATION ? IN_PROGRESS : null;
            case RESOLVE -> this == IN_PROGRESS ? RESOLVED : null;
            case CLOSE -> EnumSet.of(ACKNOWLEDGED, IN_PROGRESS, RESOLVED).contains(this) ? CLOSED : null;
            case WITHDRAW -> this == CLOSED || this == WITHDRAWN ? null : WITHDRAWN;
            case REOPEN -> this == RESOLVED || this == CLOSED ? REOPENED : null;
        };
        return Optional.ofNullable(next);
    }

    /** @return the states {@code action} is allowed from */
    public static Set<CaseStatus> allowedFrom(CaseAction action) {
        Set<CaseStatus> from = EnumSet.noneOf(CaseStatus.class);
        for (CaseStatus s : values()) {
            if (s.after(action).isPresent()) {
                from.add(s);
            }
        }
        return from;
    }

    /** @return whether a platform may record item responses in this state */
    public boolean acceptsResponses() {
        return this == ACKNOWLEDGED || this == IN_PROGRESS || this == NEEDS_INFORMATION || this == REOPENED;
    }

    /** @return whether the deadline still runs: not waiting for the authority, not finished */
    public boolean clockRuns() {
        return CLOCK_RUNS.contains(this);
    }
}
