package org.electionpool.hub.api.cases;

import static org.electionpool.hub.api.cases.CaseAction.*;
import static org.electionpool.hub.api.cases.CaseStatus.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The whole lifecycle table of product.md, every (state, action) pair: the allowed ones lead where
 * the table says, every other pair is refused. A change to the state machine must change this table.
 */
class CaseStatusTest {

    private static final Map<CaseStatus, Map<CaseAction, CaseStatus>> ALLOWED = new EnumMap<>(CaseStatus.class);

    private static void allow(CaseStatus from, CaseAction action, CaseStatus to) {
        ALLOWED.computeIfAbsent(from, f -> new EnumMap<>(CaseAction.class)).put(action, to);
    }

    static {
        allow(SUBMITTED, ACKNOWLEDGE, ACKNOWLEDGED);
        allow(SUBMITTED, REQUEST_INFORMATION, NEEDS_INFORMATION);
        allow(SUBMITTED, WITHDRAW, WITHDRAWN);
        allow(ACKNOWLEDGED, START, IN_PROGRESS);
        allow(ACKNOWLEDGED, REQUEST_INFORMATION, NEEDS_INFORMATION);
        allow(ACKNOWLEDGED, CLOSE, CLOSED);
        allow(ACKNOWLEDGED, WITHDRAW, WITHDRAWN);
        allow(IN_PROGRESS, REQUEST_INFORMATION, NEEDS_INFORMATION);
        allow(IN_PROGRESS, RESOLVE, RESOLVED);
        allow(IN_PROGRESS, CLOSE, CLOSED);
        allow(IN_PROGRESS, WITHDRAW, WITHDRAWN);
        allow(NEEDS_INFORMATION, PROVIDE_INFORMATION, IN_PROGRESS);
        allow(NEEDS_INFORMATION, WITHDRAW, WITHDRAWN);
        allow(RESOLVED, CLOSE, CLOSED);
        allow(RESOLVED, REOPEN, REOPENED);
        allow(RESOLVED, WITHDRAW, WITHDRAWN);
        allow(CLOSED, REOPEN, REOPENED);
        allow(REOPENED, START, IN_PROGRESS);
        allow(REOPENED, REQUEST_INFORMATION, NEEDS_INFORMATION);
        allow(REOPENED, WITHDRAW, WITHDRAWN);
    }

    @Test
    void everyStateAndActionPairFollowsTheTable() {
        int allowed = 0;
        for (CaseStatus from : CaseStatus.values()) {
            for (CaseAction action : CaseAction.values()) {
                Optional<CaseStatus> expected = Optional.ofNullable(ALLOWED.getOrDefault(from, Map.of()).get(action));
                assertEquals(expected, from.after(action), from + " --" + action + "-->");
                allowed += expected.isPresent() ? 1 : 0;
            }
        }
        assertEquals(20, allowed);
    }

    @Test
    void withdrawnIsFinalAndEveryOtherStateHasAWayOn() {
        for (CaseStatus s : CaseStatus.values()) {
            boolean hasExit = false;
            for (CaseAction a : CaseAction.values()) {
                hasExit |= s.after(a).isPresent();
            }
            assertEquals(s != WITHDRAWN, hasExit, s.name());
        }
    }

    @Test
    void actionsBelongToOneSide() {
        for (CaseAction a : new CaseAction[] {ACKNOWLEDGE, START, REQUEST_INFORMATION, RESOLVE}) {
            assertEquals(CaseRole.PLATFORM, a.by(), a.name());
        }
        for (CaseAction a : new CaseAction[] {PROVIDE_INFORMATION, CLOSE, WITHDRAW, REOPEN}) {
            assertEquals(CaseRole.AUTHORITY, a.by(), a.name());
        }
    }

    @Test
    void theClockStopsWhileWaitingForTheAuthorityAndAfterTheEnd() {
        for (CaseStatus s : CaseStatus.values()) {
            boolean runs = s == SUBMITTED || s == ACKNOWLEDGED || s == IN_PROGRESS || s == REOPENED;
            assertEquals(runs, s.clockRuns(), s.name());
            assertEquals(runs, CaseStatus.CLOCK_RUNS.contains(s), s.name());
        }
        assertEquals(java.util.EnumSet.of(SUBMITTED, ACKNOWLEDGED, IN_PROGRESS, REOPENED), CaseStatus.CLOCK_RUNS);
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class,
                () -> CaseStatus.CLOCK_RUNS.add(CaseStatus.CLOSED), "one list, not changed by anyone");
        assertTrue(CaseStatus.allowedFrom(RESOLVE).contains(IN_PROGRESS));
    }

    @Test
    void criticalRemovalOrdersGetTheTcoHour() {
        assertEquals(java.time.Duration.ofHours(1), CaseKind.REMOVAL_ORDER.defaultDeadline(Priority.CRITICAL));
        assertEquals(null, CaseKind.ALERT.defaultDeadline(Priority.CRITICAL));
    }
}
