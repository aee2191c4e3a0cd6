package org.electionpool.hub.webhooks;

import java.time.Instant;

/**
 * The webhook outbox as other domains write to it: the one port through which an inbox event
 * becomes a pending delivery (docs/api.md, Webhooks). Domains depend on this interface, never on
 * its implementation in {@code webhooks.internal}.
 *
 * <p>Invariant: {@link #enqueue} writes in the caller's transaction — the transaction of the change
 * whose event it carries — so a delivery exists if and only if the change committed.
 */
public interface WebhookOutbox {

    /**
     * Enqueues the event for the recipient's webhook, if it has one; due at once.
     *
     * @param auditIndex the index of the event's audit entry: with the recipient, it names the
     *                   inbox event, whose own cursor the delivery carries
     * @param recipient  the organisation
     * @param caseId     the case
     * @param type       the event type, e.g. {@code case.created}
     * @param now        the time
     */
    void enqueue(long auditIndex, String recipient, String caseId, String type, Instant now);
}
