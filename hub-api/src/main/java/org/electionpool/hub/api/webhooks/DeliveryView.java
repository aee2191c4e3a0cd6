package org.electionpool.hub.api.webhooks;

import java.time.Instant;

/**
 * One delivery of the delivery log.
 *
 * @param id            the delivery's id
 * @param cursor        the inbox cursor of the event it carries (the same opaque token as the inbox event's)
 * @param type          the event type
 * @param caseId        the case, or {@code null} for an indicator event
 * @param indicatorId   the indicator, or {@code null} for a case event
 * @param url           where it goes (the webhook URL when it was enqueued)
 * @param status        {@code PENDING}, {@code DELIVERED} or {@code DEAD} (gave up after the last attempt)
 * @param attempts      attempts so far
 * @param nextAttemptAt when it is tried next (pending only)
 * @param lastStatus    the HTTP status of the last attempt, or {@code null} (none, or no answer)
 * @param lastError     why the last attempt failed, or {@code null}
 * @param deliveredAt   when a 2xx was received, or {@code null}
 * @param createdAt     when enqueued
 */
public record DeliveryView(long id, String cursor, String type, String caseId, String indicatorId, String url, String status, int attempts,
                           Instant nextAttemptAt, Integer lastStatus, String lastError, Instant deliveredAt,
                           Instant createdAt) {
}
