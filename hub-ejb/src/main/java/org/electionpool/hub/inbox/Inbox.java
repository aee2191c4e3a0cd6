package org.electionpool.hub.inbox;

import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.electionpool.hub.api.cases.CaseStatus;
import org.electionpool.hub.api.cases.InboxEvent;
import org.electionpool.hub.cases.domain.InboxCursor;
import org.electionpool.hub.inbox.internal.InboxCounters;
import org.electionpool.hub.system.SqlValues;

/**
 * The inbox domain's port: the organisations' inbox streams ({@code case_event}) and their
 * counters ({@code inbox_sequence}). An event names a case, or an indicator (and a sighting of it);
 * the domain that made the change decides the recipients, and writes their events here in its
 * transaction.
 *
 * <p>Invariant: each recipient's events carry the sequence numbers 1, 2, 3… with no gaps and
 * nothing that depends on any other organisation's activity. {@link #record} assigns them in the
 * caller's transaction by locking the recipient's counter row ({@code select … for update}) and
 * advancing it; the lock is held to commit, so a recipient's numbers commit in increasing order (a
 * reader resuming after {@code n} never skips an event that commits later) and a rollback returns
 * the number with the event. It does not rely on any other lock (not the audit log's head).
 * Counter rows are locked in organisation-id order, so two transactions never wait on each other
 * in a cycle.
 */
@ApplicationScoped
public class Inbox {

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    @Inject
    InboxCounters counters;

    /**
     * Records one case event for each recipient, in the caller's transaction (the caller enqueues
     * the webhook deliveries beside it).
     *
     * @param auditRef the reference of the audit entry the change wrote ({@code audit_entry.ref}; stored, never a cursor)
     * @param recipients the organisations whose inboxes get the event
     * @param caseId     the case
     * @param type       the event type, e.g. {@code case.created}
     * @param status     the case's state after the event
     * @param actor      the organisation that caused it, or {@code hub}
     * @param now        the time
     */
    public void record(long auditRef, Collection<String> recipients, String caseId, String type, CaseStatus status,
            String actor, Instant now) {
        insert(auditRef, recipients, caseId, null, null, type, status.name(), actor, now);
    }

    /**
     * Records one indicator event for each recipient, in the caller's transaction.
     *
     * @param auditRef  the reference of the audit entry the change wrote
     * @param recipients  the organisations that may read what the event is about
     * @param indicatorId the indicator
     * @param sightingId  the sighting, or {@code null}
     * @param type        the event type, e.g. {@code indicator.created}
     * @param actor       the organisation that caused it
     * @param now         the time
     */
    public void recordIndicator(long auditRef, Collection<String> recipients, String indicatorId, String sightingId,
            String type, String actor, Instant now) {
        insert(auditRef, recipients, null, indicatorId, sightingId, type, null, actor, now);
    }

    private void insert(long auditRef, Collection<String> recipients, String caseId, String indicatorId,
            String sightingId, String type, String status, String actor, Instant now) {
        for (String recipient : new TreeSet<>(recipients)) {
            long seq = next(recipient);
            em.createNativeQuery("insert into case_event (audit_ref, seq, recipient_org, case_id, indicator_id,"
                            + " sighting_id, type, status, actor_org, created_at)"
                            + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
                    .setParameter(1, auditRef).setParameter(2, seq).setParameter(3, recipient)
                    .setParameter(4, caseId).setParameter(5, indicatorId).setParameter(6, sightingId)
                    .setParameter(7, type).setParameter(8, status)
                    .setParameter(9, actor).setParameter(10, now).executeUpdate();
        }
    }

    /** @return the next sequence number of {@code org}, its counter row locked until commit */
    private long next(String org) {
        Long last = lockCounter(org);
        if (last == null) {
            EJBException failed = null;
            try {
                counters.open(org);
            } catch (EJBException e) {
                failed = e; // most likely another transaction created it meanwhile: lock that one
            }
            last = lockCounter(org);
            if (last == null) {
                throw new IllegalStateException("no inbox counter for " + org, failed);
            }
        }
        long seq = Math.addExact(last, 1);
        em.createNativeQuery("update inbox_sequence set last_seq = ?1 where organization_id = ?2")
                .setParameter(1, seq).setParameter(2, org).executeUpdate();
        return seq;
    }

    private Long lockCounter(String org) {
        List<?> rows = em.createNativeQuery("select last_seq from inbox_sequence where organization_id = ?1 for update")
                .setParameter(1, org).getResultList();
        return rows.isEmpty() ? null : ((Number) rows.get(0)).longValue();
    }

    /** @return the sequence number of the newest committed event of {@code org}; 0 when it has none */
    public long head(String org) {
        List<?> rows = em.createNativeQuery("select last_seq from inbox_sequence where organization_id = ?1")
                .setParameter(1, org).getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).longValue();
    }

    /** @return at most {@code limit} events of {@code org} after {@code after}, oldest first */
    public List<InboxEvent> after(String org, InboxCursor after, int limit) {
        List<?> rows = em.createNativeQuery("select seq, type, case_id, status, actor_org, created_at, indicator_id,"
                        + " sighting_id from case_event where recipient_org = ?1 and seq > ?2 order by seq")
                .setParameter(1, org).setParameter(2, after.position()).setMaxResults(limit).getResultList();
        List<InboxEvent> events = new ArrayList<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            events.add(new InboxEvent(new InboxCursor(((Number) r[0]).longValue()).token(), (String) r[1],
                    (String) r[2], r[3] == null ? null : CaseStatus.valueOf((String) r[3]), (String) r[6],
                    (String) r[7], (String) r[4], SqlValues.instant(r[5])));
        }
        return events;
    }
}
