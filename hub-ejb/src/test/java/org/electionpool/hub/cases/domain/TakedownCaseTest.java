package org.electionpool.hub.cases.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.electionpool.hub.api.cases.CaseAction;
import org.electionpool.hub.api.cases.CaseId;
import org.electionpool.hub.api.cases.CaseKind;
import org.electionpool.hub.api.cases.CaseRole;
import org.electionpool.hub.api.cases.CaseStatus;
import org.electionpool.hub.api.cases.ItemType;
import org.electionpool.hub.api.cases.Outcome;
import org.electionpool.hub.api.cases.Priority;
import org.electionpool.hub.api.cases.TcoReason;
import org.electionpool.hub.api.organizations.OrganizationId;
import org.junit.jupiter.api.Test;

/** The aggregate: sides, the state machine with its thread, item responses, the TCO clock. */
class TakedownCaseTest {

    private static final Instant T0 = Instant.parse("2027-04-01T08:00:00Z");
    private static final OrganizationId MINISTRY = new OrganizationId("ministry-of-justice-fi");
    private static final OrganizationId PLATFORM = new OrganizationId("platform-alpha");

    private static TakedownCase order(Priority priority) {
        NewCase r = new NewCase("ref-1", CaseKind.REMOVAL_ORDER, PLATFORM, "OM 12/2027",
                "Forged voting instructions", T0, new NewCase.Official("A. Virtanen", "Officer"),
                "vaalit@om.example", "Criminal Code 14:2", "False polling date.", "ELECTORAL_DISINFORMATION",
                List.of("FI", "AX"), "Court, 30 days", "fi", Boolean.FALSE, priority, "AMBER", "fi-parliamentary-2027",
                null);
        List<CaseItem> items = List.of(new CaseItem(ItemType.CONTENT_URL, "https://social.example/p/1", null, s -> "h1"),
                new CaseItem(ItemType.ACCOUNT, "@botti", null, s -> "h2"));
        return new TakedownCase(CaseId.random(), MINISTRY, r, "digest", items, T0);
    }

    private static CaseEvent step(TakedownCase c, CaseAction action, CaseRole role, Instant at) {
        return c.transition(action, role, role == CaseRole.PLATFORM ? PLATFORM.value() : MINISTRY.value(), "kid", "note", at);
    }

    @Test
    void aCriticalOrderIsDueOneHourAfterDeliveryAndOverdueAfterIt() {
        TakedownCase c = order(Priority.CRITICAL);
        assertEquals(T0.plusSeconds(3600), c.deadline());
        assertFalse(c.overdue(T0.plusSeconds(3600)));
        assertTrue(c.overdue(T0.plusSeconds(3601)));
        assertEquals(List.of("FI", "AX"), c.territorialScope());
    }

    @Test
    void askingForInformationStopsTheClockAndTheAnswerRestartsItInFull() {
        TakedownCase c = order(Priority.CRITICAL);
        step(c, CaseAction.ACKNOWLEDGE, CaseRole.PLATFORM, T0.plusSeconds(60));
        step(c, CaseAction.REQUEST_INFORMATION, CaseRole.PLATFORM, T0.plusSeconds(120));
        assertFalse(c.overdue(T0.plusSeconds(7200)), "no clock while waiting for the authority");
        step(c, CaseAction.PROVIDE_INFORMATION, CaseRole.AUTHORITY, T0.plusSeconds(7200));
        assertEquals(T0.plusSeconds(7200 + 3600), c.deadline(), "TCO Art. 3(8): the hour starts again");
        assertEquals(CaseStatus.IN_PROGRESS, c.status());
        assertEquals(3, c.thread().size());
        assertEquals(CaseStatus.NEEDS_INFORMATION, c.thread().get(2).fromStatus());
    }

    @Test
    void theWrongSideAndIllegalStepsAreRefusedAndChangeNothing() {
        TakedownCase c = order(Priority.NORMAL);
        assertThrows(WrongSideException.class, () -> step(c, CaseAction.ACKNOWLEDGE, CaseRole.AUTHORITY, T0));
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> step(c, CaseAction.RESOLVE, CaseRole.PLATFORM, T0));
        assertTrue(e.getMessage().contains("RESOLVE") && e.getMessage().contains("SUBMITTED")
                && e.getMessage().contains("IN_PROGRESS"), e.getMessage());
        assertEquals(CaseStatus.SUBMITTED, c.status());
        assertTrue(c.thread().isEmpty());
    }

    @Test
    void resolvingNeedsEveryItemAnsweredAndCannotComplyNeedsItsReason() {
        TakedownCase c = order(Priority.NORMAL);
        assertThrows(IllegalTransitionException.class, () -> c.respond(1, Outcome.REMOVED, T0, null, "{}", PLATFORM.value(), T0),
                "no responses before acknowledgement");
        step(c, CaseAction.ACKNOWLEDGE, CaseRole.PLATFORM, T0);
        step(c, CaseAction.START, CaseRole.PLATFORM, T0);
        c.respond(1, Outcome.REMOVED, T0, null, "{}", PLATFORM.value(), T0);
        assertThrows(UnansweredItemsException.class, () -> step(c, CaseAction.RESOLVE, CaseRole.PLATFORM, T0));
        assertThrows(IllegalArgumentException.class, () -> c.respond(2, Outcome.CANNOT_COMPLY, T0, null, "{}", PLATFORM.value(), T0));
        assertThrows(IllegalArgumentException.class,
                () -> c.respond(2, Outcome.NO_ACTION, T0, TcoReason.MANIFEST_ERROR, "{}", PLATFORM.value(), T0));
        assertThrows(IndexOutOfBoundsException.class, () -> c.respond(3, Outcome.REMOVED, T0, null, "{}", PLATFORM.value(), T0));
        c.respond(2, Outcome.CANNOT_COMPLY, T0, TcoReason.FORCE_MAJEURE, "{}", PLATFORM.value(), T0);
        step(c, CaseAction.RESOLVE, CaseRole.PLATFORM, T0);
        assertEquals(CaseStatus.RESOLVED, c.status());
        assertFalse(c.overdue(T0.plusSeconds(999_999)), "a resolved case is never overdue");
    }

    @Test
    void onlyThePartiesHaveASide() {
        TakedownCase c = order(Priority.NORMAL);
        assertEquals(CaseRole.AUTHORITY, c.roleOf(MINISTRY));
        assertEquals(CaseRole.PLATFORM, c.roleOf(PLATFORM));
        assertNull(c.roleOf(new OrganizationId("platform-beta")));
    }

    @Test
    void aDeadlineInThePastIsRefused() {
        NewCase r = new NewCase("ref-2", CaseKind.ALERT, PLATFORM, "R", "T", null, null,
                null, null, null, null, null, null, null, null, Priority.NORMAL, "GREEN", null, T0.minusSeconds(1));
        assertThrows(IllegalArgumentException.class,
                () -> new TakedownCase(CaseId.random(), MINISTRY, r, "d", List.of(), T0));
    }

    @Test
    void markingADeadlineTwiceGivesOneEvent() {
        TakedownCase c = order(Priority.CRITICAL);
        assertTrue(c.markOverdue(T0.plusSeconds(3600)).isEmpty(), "not due yet");
        java.util.Optional<CaseEvent> first = c.markOverdue(T0.plusSeconds(3601));
        assertTrue(first.isPresent());
        assertEquals(org.electionpool.hub.api.audit.AuditAction.CASE_OVERDUE, first.get().action());
        assertEquals(CaseEvent.HUB, first.get().actor());
        assertEquals(CaseStatus.SUBMITTED, first.get().status());
        assertEquals(java.util.Map.of("deadline", "2027-04-01T09:00:00Z"), first.get().details());
        assertEquals(T0.plusSeconds(3601), first.get().at());
        assertTrue(c.markOverdue(T0.plusSeconds(3602)).isEmpty(), "one deadline, one mark");
        assertTrue(c.markOverdue(T0.plusSeconds(99_999)).isEmpty());
    }

    @Test
    void aStoppedClockIsNotMarkedAndARestartedOneCanBeMarkedAgain() {
        TakedownCase c = order(Priority.CRITICAL);
        step(c, CaseAction.REQUEST_INFORMATION, CaseRole.PLATFORM, T0.plusSeconds(60));
        assertTrue(c.markOverdue(T0.plusSeconds(7200)).isEmpty(), "no clock while waiting for the authority");
        step(c, CaseAction.PROVIDE_INFORMATION, CaseRole.AUTHORITY, T0.plusSeconds(7200));
        assertTrue(c.markOverdue(T0.plusSeconds(7200 + 3601)).isPresent());
        assertTrue(c.markOverdue(T0.plusSeconds(7200 + 3602)).isEmpty());
        step(c, CaseAction.REQUEST_INFORMATION, CaseRole.PLATFORM, T0.plusSeconds(20_000));
        step(c, CaseAction.PROVIDE_INFORMATION, CaseRole.AUTHORITY, T0.plusSeconds(30_000));
        assertEquals("2027-04-01T17:20:00Z", c.markOverdue(T0.plusSeconds(30_000 + 3601)).orElseThrow()
                .details().get("deadline"), "the new deadline is marked once more");
    }

    @Test
    void theClockRunsExactlyInTheStatesOfCaseStatusClockRuns() {
        for (CaseStatus s : CaseStatus.values()) {
            assertEquals(CaseStatus.CLOCK_RUNS.contains(s), s.clockRuns(), s.name());
        }
        TakedownCase c = order(Priority.CRITICAL);
        step(c, CaseAction.ACKNOWLEDGE, CaseRole.PLATFORM, T0);
        step(c, CaseAction.START, CaseRole.PLATFORM, T0);
        c.respond(1, Outcome.REMOVED, T0, null, "{}", PLATFORM.value(), T0);
        c.respond(2, Outcome.REMOVED, T0, null, "{}", PLATFORM.value(), T0);
        assertTrue(c.overdue(T0.plusSeconds(3601)), "IN_PROGRESS runs");
        step(c, CaseAction.RESOLVE, CaseRole.PLATFORM, T0.plusSeconds(10));
        assertFalse(c.overdue(T0.plusSeconds(3601)), "RESOLVED does not");
        assertTrue(c.markOverdue(T0.plusSeconds(3601)).isEmpty());
    }
}
