package org.electionpool.hub.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * The webhooks domain's port for other domains: the outbox. {@link #enqueue} runs in the transaction of the change whose event it
 * carries (it is called right after the inbox event is written), so a delivery exists if and only
 * if the change committed.
 */
@ApplicationScoped
public class Outbox {

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    /**
     * Enqueues the event for the recipient's webhook, if it has one; due at once.
     *
     * @param auditRef the reference of the event's audit entry ({@code audit_entry.ref}): with the recipient, it names the
     *                   inbox event ({@code case_event}), whose own cursor the delivery carries
     * @param recipient  the organisation
     * @param caseId     the case
     * @param type       the event type
     * @param now        the time
     */
    public void enqueue(long auditRef, String recipient, String caseId, String type, Instant now) {
        em.createNativeQuery("insert into webhook_delivery (org_id, url, audit_ref, type, case_id, status, attempts,"
                        + " next_attempt_at, created_at) select org_id, url, ?1, ?2, ?3, 'PENDING', 0, ?4, ?4"
                        + " from webhook where org_id = ?5")
                .setParameter(1, auditRef).setParameter(2, type).setParameter(3, caseId).setParameter(4, now)
                .setParameter(5, recipient).executeUpdate();
    }

    /**
     * Enqueues an indicator or sighting event for the recipient's webhook, if it has one; due at once.
     *
     * @param auditRef the reference of the event's audit entry (with the recipient, it names the inbox event)
     * @param recipient  the organisation
     * @param type       the event type
     * @param now        the time
     */
    public void enqueueIndicator(long auditRef, String recipient, String type, Instant now) {
        em.createNativeQuery("insert into webhook_delivery (org_id, url, audit_ref, type, case_id, status, attempts,"
                        + " next_attempt_at, created_at) select org_id, url, ?1, ?2, null, 'PENDING', 0, ?3, ?3"
                        + " from webhook where org_id = ?4")
                .setParameter(1, auditRef).setParameter(2, type).setParameter(3, now)
                .setParameter(4, recipient).executeUpdate();
    }
}
