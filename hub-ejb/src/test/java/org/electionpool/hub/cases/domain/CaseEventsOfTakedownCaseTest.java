package org.electionpool.hub.cases.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.electionpool.hub.api.audit.AuditAction;
import org.electionpool.hub.api.cases.CaseAction;
import org.electionpool.hub.api.cases.CaseId;
import org.electionpool.hub.api.cases.CaseKind;
import org.electionpool.hub.api.cases.CaseRole;
import org.electionpool.hub.api.cases.CaseStatus;
import org.electionpool.hub.api.cases.ItemType;
import org.electionpool.hub.api.cases.Outcome;
import org.electionpool.hub.api.cases.Priority;
import org.electionpool.hub.api.cases.Sha256;
import org.electionpool.hub.api.organizations.OrganizationId;
import org.junit.jupiter.api.Test;

/**
 * Each aggregate method returns the event of what it did: the act, the parties, the state after,
 * the actor and exactly the audit leaf's details of today (leaves are evidence: same members, same
 * values, same order).
 */
class CaseEventsOfTakedownCaseTest {

    private static final Instant T0 = Instant.parse("2027-04-01T08:00:00Z");
    private static final OrganizationId MINISTRY = new OrganizationId("ministry-of-justice-fi");
    private static final OrganizationId PLATFORM = new OrganizationId("platform-alpha");

    private static TakedownCase order() {
        NewCase r = new NewCase("ref-1", CaseKind.REMOVAL_ORDER, PLATFORM, "OM 12/2027",
                "Forged voting instructions", T0, new NewCase.Official("A. Virtanen", "Officer"),
                "vaalit@om.example", "Criminal Code 14:2", "False polling date.", "ELECTORAL_DISINFORMATION",
                List.of("FI"), "Court, 30 days", "fi", Boolean.FALSE, Priority.HIGH, "AMBER", null, null);
        List<CaseItem> items = List.of(new CaseItem(ItemType.CONTENT_URL, "https://social.example/p/1", null, s -> "h1"),
                new CaseItem(ItemType.ACCOUNT, "@botti", null, s -> "h2"));
        return new TakedownCase(CaseId.random(), MINISTRY, r, "digest", items, T0);
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static void assertEvent(CaseEvent e, TakedownCase c, AuditAction action, CaseStatus status, String actor,
                                    Map<String, Object> details, Instant at) {
        assertEquals(action, e.action());
        assertEquals(c.id(), e.caseId());
        assertEquals(List.of(MINISTRY, PLATFORM), e.parties());
        assertEquals(status, e.status());
        assertEquals(actor, e.actor());
        assertEquals(List.copyOf(details.entrySet()), List.copyOf(e.details().entrySet()), "members, values and order");
        assertEquals(at, e.at());
        assertEquals(action.eventType().orElseThrow(), e.eventType());
    }

    @Test
    void creationIsCaseCreatedWithKindAddresseeItemsAndPriority() {
        TakedownCase c = order();
        assertEvent(c.created(), c, AuditAction.CASE_CREATED, CaseStatus.SUBMITTED, MINISTRY.value(),
                map("kind", "REMOVAL_ORDER", "addressee", PLATFORM.value(), "items", 2, "priority", "HIGH"), T0);
    }

    @Test
    void everyTransitionIsCaseTransitionedWithActionFromAndTo() {
        TakedownCase c = order();
        Instant t = T0;
        List<Object[]> steps = List.of(
                new Object[] {CaseAction.ACKNOWLEDGE, CaseRole.PLATFORM, CaseStatus.SUBMITTED, CaseStatus.ACKNOWLEDGED},
                new Object[] {CaseAction.REQUEST_INFORMATION, CaseRole.PLATFORM, CaseStatus.ACKNOWLEDGED, CaseStatus.NEEDS_INFORMATION},
                new Object[] {CaseAction.PROVIDE_INFORMATION, CaseRole.AUTHORITY, CaseStatus.NEEDS_INFORMATION, CaseStatus.IN_PROGRESS},
                new Object[] {CaseAction.CLOSE, CaseRole.AUTHORITY, CaseStatus.IN_PROGRESS, CaseStatus.CLOSED},
                new Object[] {CaseAction.REOPEN, CaseRole.AUTHORITY, CaseStatus.CLOSED, CaseStatus.REOPENED},
                new Object[] {CaseAction.START, CaseRole.PLATFORM, CaseStatus.REOPENED, CaseStatus.IN_PROGRESS},
                new Object[] {CaseAction.WITHDRAW, CaseRole.AUTHORITY, CaseStatus.IN_PROGRESS, CaseStatus.WITHDRAWN});
        for (Object[] step : steps) {
            t = t.plusSeconds(60);
            CaseAction action = (CaseAction) step[0];
            CaseRole role = (CaseRole) step[1];
            String actor = role == CaseRole.PLATFORM ? PLATFORM.value() : MINISTRY.value();
            CaseEvent e = c.transition(action, role, actor, "kid", null, t);
            assertEvent(e, c, AuditAction.CASE_TRANSITIONED, (CaseStatus) step[3], actor,
                    map("action", action.name(), "from", ((CaseStatus) step[2]).name(), "to", ((CaseStatus) step[3]).name()), t);
        }
    }

    @Test
    void aResponseIsCaseItemRespondedWithItemAndOutcome() {
        TakedownCase c = order();
        c.transition(CaseAction.ACKNOWLEDGE, CaseRole.PLATFORM, PLATFORM.value(), "kid", null, T0);
        CaseEvent e = c.respond(2, Outcome.ACCOUNT_SUSPENDED, T0, null, "{}", PLATFORM.value(), T0.plusSeconds(5));
        assertEvent(e, c, AuditAction.CASE_ITEM_RESPONDED, CaseStatus.ACKNOWLEDGED, PLATFORM.value(),
                map("item", 2, "outcome", "ACCOUNT_SUSPENDED"), T0.plusSeconds(5));
    }

    @Test
    void aMessageIsCaseMessagePostedWithItsItemIfAny() {
        TakedownCase c = order();
        assertEvent(c.post(MINISTRY.value(), "kid", "hello", null, T0), c, AuditAction.CASE_MESSAGE_POSTED,
                CaseStatus.SUBMITTED, MINISTRY.value(), map(), T0);
        assertEvent(c.post(PLATFORM.value(), "kid", "about 1", 1, T0), c, AuditAction.CASE_MESSAGE_POSTED,
                CaseStatus.SUBMITTED, PLATFORM.value(), map("item", 1), T0);
        assertThrows(IndexOutOfBoundsException.class, () -> c.post(PLATFORM.value(), "kid", "x", 3, T0));
        assertEquals(2, c.thread().size(), "the refused message is not in the thread");
    }

    @Test
    void anUploadIsCaseAttachmentAddedWithDigestSizeTypeAndItem() {
        TakedownCase c = order();
        Sha256 sha = new Sha256("a".repeat(64));
        assertEvent(c.attachmentAdded(sha, 10, "image/png", null, PLATFORM.value(), T0), c,
                AuditAction.CASE_ATTACHMENT_ADDED, CaseStatus.SUBMITTED, PLATFORM.value(),
                map("sha256", sha.hex(), "size", 10, "media_type", "image/png"), T0);
        assertEvent(c.attachmentAdded(sha, 10, "image/png", 2, PLATFORM.value(), T0), c,
                AuditAction.CASE_ATTACHMENT_ADDED, CaseStatus.SUBMITTED, PLATFORM.value(),
                map("sha256", sha.hex(), "size", 10, "media_type", "image/png", "item", 2), T0);
        assertThrows(IndexOutOfBoundsException.class, () -> c.attachmentAdded(sha, 10, "image/png", 3, PLATFORM.value(), T0));
    }

    @Test
    void aRefusedStepReturnsNoEventAndChangesNothing() {
        TakedownCase c = order();
        assertThrows(IllegalTransitionException.class,
                () -> c.transition(CaseAction.CLOSE, CaseRole.AUTHORITY, MINISTRY.value(), "kid", null, T0));
        assertEquals(CaseStatus.SUBMITTED, c.status());
        assertTrue(c.thread().isEmpty());
    }

    @Test
    void anEventIsOnlyForActsThePartiesAreToldOfAndItsDetailsAreFrozen() {
        TakedownCase c = order();
        assertThrows(IllegalArgumentException.class, () -> new CaseEvent(AuditAction.CASE_READ, c.id(), MINISTRY, PLATFORM,
                CaseStatus.SUBMITTED, "x", Map.of(), T0));
        assertThrows(UnsupportedOperationException.class, () -> c.created().details().put("x", 1));
    }
}
