package org.electionpool.hub.api.cases;

import java.time.Instant;

/**
 * One event of an organisation's inbox.
 *
 * @param cursor   the event's position in the recipient's own stream, an opaque token (do not parse
 *                 it; compare it only for equality): pass it as {@code after} to read what came later
 * @param type     {@code case.created}, {@code case.transitioned}, {@code case.message},
 *                 {@code case.responded}
 * @param caseId   the case
 * @param status   the case's state after the event
 * @param actor    the organisation that caused it
 * @param at       when
 */
public record InboxEvent(String cursor, String type, String caseId, CaseStatus status, String actor, Instant at) {
}
