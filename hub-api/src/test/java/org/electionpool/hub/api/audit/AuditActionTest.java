package org.electionpool.hub.api.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one vocabulary of audited acts: unambiguous both ways, and documented once, row by row. */
class AuditActionTest {

    @Test
    void everyLeafActionAndEveryEventTypeNamesOneAct() {
        Set<String> actions = new HashSet<>();
        Set<String> events = new HashSet<>();
        for (AuditAction a : AuditAction.values()) {
            assertTrue(actions.add(a.action()), "one act per leaf action: " + a.action());
            a.eventType().ifPresent(t -> assertTrue(events.add(t), "one act per event type: " + t));
            assertEquals(Optional.of(a), AuditAction.ofAction(a.action()));
            assertTrue(a.action().matches("[a-z]+(\\.[a-z]+)+"), a.action());
        }
    }

    @Test
    void theWireNamesAreTheOnesPlatformsAndTheLogAlreadyHold() {
        assertEquals("case.item.responded", AuditAction.CASE_ITEM_RESPONDED.action());
        assertEquals(Optional.of("case.responded"), AuditAction.CASE_ITEM_RESPONDED.eventType());
        assertEquals(Optional.of("case.message"), AuditAction.CASE_MESSAGE_POSTED.eventType());
        assertEquals(Optional.of("case.attachment"), AuditAction.CASE_ATTACHMENT_ADDED.eventType());
        assertEquals(Optional.empty(), AuditAction.CASE_READ.eventType());
        assertEquals(Optional.empty(), AuditAction.ofAction("case.responded"), "an event type is no leaf action");
    }

    @Test
    void docsListEveryActWithBothItsNames() throws Exception {
        Path doc = Path.of("..", "docs", "audit-log.md");
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        for (AuditAction a : AuditAction.values()) {
            String row = text.lines().filter(l -> l.startsWith("| `" + a.name() + "`")
                    || l.matches("\\| `[A-Z_]+`, `" + a.name() + "`.*")).findFirst()
                    .orElseThrow(() -> new AssertionError(a.name() + " has a row in docs/audit-log.md"));
            assertTrue(row.contains("`" + a.action() + "`"), row);
            assertTrue(row.contains(a.eventType().map(t -> "`" + t + "`").orElse("| — |")), row);
        }
    }
}
