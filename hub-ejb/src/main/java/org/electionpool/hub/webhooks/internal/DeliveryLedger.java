package org.electionpool.hub.webhooks.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.electionpool.hub.api.hxp.EnvelopeService;
import org.electionpool.hub.api.organizations.OrganizationId;
import org.electionpool.hub.cases.domain.InboxCursor;
import org.electionpool.hub.system.HubConfiguration;

/**
 * The outbox's bookkeeping, each step in its own transaction. A claim is a conditional update that
 * pushes the row's next attempt a lease into the future, so two nodes never post the same attempt
 * and a node that dies mid-post leaves the row to be retried after the lease.
 */
@Stateless
@LocalBean
public class DeliveryLedger {

    /** How long a claimed attempt is reserved for its node. */
    static final long LEASE_SECONDS = 60;

    /** Most deliveries one dispatch run takes. */
    static final int BATCH = 50;

    /**
     * A claimed delivery, sealed for its recipient.
     *
     * @param id   the delivery id
     * @param url  where to post
     * @param body the sealed event (compact JWE)
     */
    public record Claimed(long id, String url, String body) {
    }

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    HubConfiguration configuration;

    @EJB
    EnvelopeService envelopes;

    /** @return the due deliveries this node claimed, sealed */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Claimed> claimDue() {
        Instant now = clock.instant();
        List<?> rows = em.createNativeQuery("select d.id, d.url, d.org_id, e.seq, d.type, e.case_id, e.status,"
                        + " e.actor_org, e.created_at, e.indicator_id, e.sighting_id from webhook_delivery d join case_event e"
                        + " on e.audit_ref = d.audit_ref and e.recipient_org = d.org_id"
                        + " where d.status = 'PENDING' and d.next_attempt_at <= ?1 and e.seq is not null order by d.id")
                .setParameter(1, now).setMaxResults(BATCH).getResultList();
        List<Claimed> claimed = new ArrayList<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            long id = ((Number) r[0]).longValue();
            int won = em.createNativeQuery("update webhook_delivery set next_attempt_at = ?1"
                            + " where id = ?2 and status = 'PENDING' and next_attempt_at <= ?3")
                    .setParameter(1, now.plusSeconds(LEASE_SECONDS)).setParameter(2, id).setParameter(3, now)
                    .executeUpdate();
            if (won != 1) {
                continue; // another node took it
            }
            String subject = r[5] != null ? "\"caseId\":\"" + r[5] + "\",\"status\":\"" + r[6] + "\""
                    : "\"indicatorId\":\"" + r[9] + "\"" + (r[10] == null ? "" : ",\"sightingId\":\"" + r[10] + "\"");
            String event = "{\"cursor\":\"" + new InboxCursor(((Number) r[3]).longValue()).token() + "\",\"type\":\"" + r[4]
                    + "\"," + subject + ",\"actor\":\"" + r[7] + "\",\"at\":\""
                    + WebhookServiceBean.instant(r[8]) + "\"}"; // every member is a fixed-syntax token
            try {
                claimed.add(new Claimed(id, (String) r[1], envelopes.sealEvent(new OrganizationId((String) r[2]), event)));
            } catch (RuntimeException e) {
                record(id, null, "cannot seal: the organisation has no active encryption key");
            }
        }
        return claimed;
    }

    /**
     * Records an attempt's outcome: delivered on a 2xx; otherwise retried after
     * {@code backoff × 2^(attempts−1)} (at most an hour), or dead after the last attempt.
     *
     * @param status the HTTP status, or {@code null} when there was no answer
     * @param error  why it failed, or {@code null} on success
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(long id, Integer status, String error) {
        Instant now = clock.instant();
        if (error == null) {
            em.createNativeQuery("update webhook_delivery set status = 'DELIVERED', attempts = attempts + 1,"
                            + " last_status = ?1, last_error = null, delivered_at = ?2 where id = ?3")
                    .setParameter(1, status).setParameter(2, now).setParameter(3, id).executeUpdate();
            return;
        }
        int attempts = ((Number) em.createNativeQuery("select attempts from webhook_delivery where id = ?1")
                .setParameter(1, id).getSingleResult()).intValue() + 1;
        boolean dead = attempts >= configuration.webhookMaxAttempts();
        long delay = Math.min(3600L, configuration.webhookBackoffSeconds() * (1L << Math.min(attempts - 1, 20)));
        em.createNativeQuery("update webhook_delivery set status = ?1, attempts = ?2, last_status = ?3, last_error = ?4,"
                        + " next_attempt_at = ?5 where id = ?6")
                .setParameter(1, dead ? "DEAD" : "PENDING").setParameter(2, attempts).setParameter(3, status)
                .setParameter(4, error.length() > 300 ? error.substring(0, 300) : error)
                .setParameter(5, now.plusSeconds(delay)).setParameter(6, id).executeUpdate();
    }
}
