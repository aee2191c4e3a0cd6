package org.electionpool.hub.api.cases;

import java.time.Instant;

/**
 * One event of an organisation's inbox.
 *
 * @param cursor   the event's position in the recipient's own stream, an opaque token (do not parse
 *                 it; compare it only for equality): pass it as {@code after} to read what came later
 * @param type     the event type (docs/audit-log.md lists them): {@code case.*} events name a
 *                 case, {@code indicator.*} and {@code sighting.*} events an indicator
 * @param caseId   the case, or {@code null} for an indicator event
 * @param status   the case's state after the event, or {@code null} for an indicator event
 * @param indicatorId the indicator, or {@code null} for a case event
 * @param sightingId  the sighting of a {@code sighting.*} event, or {@code null}
 * @param actor    the organisation that caused it
 * @param at       when
 */
public record InboxEvent(String cursor, String type, String caseId, CaseStatus status, String indicatorId,
                         String sightingId, String actor, Instant at) {
}
