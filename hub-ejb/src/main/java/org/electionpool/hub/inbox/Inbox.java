package org.electionpool.hub.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.electionpool.hub.api.cases.CaseStatus;
import org.electionpool.hub.api.cases.InboxEvent;
import org.electionpool.hub.audit.AuditIntegrated;
import org.electionpool.hub.cases.domain.InboxCursor;
import org.electionpool.hub.system.SqlValues;
import org.jboss.logging.Logger;

/**
 * The inbox domain's port: the organisations' inbox streams ({@code case_event}) and their
 * counters ({@code inbox_sequence}). An event names a case, or an indicator (and a sighting of it);
 * the domain that made the change decides the recipients, and writes their events here in its
 * transaction.
 *
 * <p>Invariant: each recipient's events carry the sequence numbers 1, 2, 3… with no gaps and
 * nothing that depends on any other organisation's activity, and a recipient's numbers commit in
 * increasing order (a reader resuming after {@code n} never skips an event that commits later).
 * {@link #record} writes the events unnumbered ({@code seq} null, invisible to readers) in the
 * caller's transaction, beside the audit entry of the change; the audit log's sequencer numbers
 * them when it integrates that entry ({@link AuditIntegrated}, ADR 0011), in the batch's
 * transaction under the log head's lock — one batch at a time on any number of nodes, in the log's
 * order. So a change that rolls back leaves no event and takes no number, and no business
 * transaction waits for another one's counter (before issue 14 each held its recipients' counter
 * rows to commit, which serialised every change addressed to the same platform). The API answers
 * a change only after its entry is integrated, so its events are numbered by then.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    /** References per {@code in} list when the events of a batch are looked up. */
    private static final int IN_LIST = 500;
    /** Events numbered per {@code merge} statement (three parameters each). */
    private static final int ROWS_PER_STATEMENT = 300;

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
            em.createNativeQuery("insert into case_event (audit_ref, seq, recipient_org, case_id, indicator_id,"
                            + " sighting_id, type, status, actor_org, created_at)"
                            + " values (?1, null, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                    .setParameter(1, auditRef).setParameter(2, recipient)
                    .setParameter(3, caseId).setParameter(4, indicatorId).setParameter(5, sightingId)
                    .setParameter(6, type).setParameter(7, status)
                    .setParameter(8, actor).setParameter(9, now).executeUpdate();
        }
    }

    /**
     * Numbers the events written beside the entries a sequencer batch has just integrated: each
     * recipient's next numbers, in the order of the entries' indexes (then of the recipients'
     * ids). Runs in the batch's transaction, under the log head's lock, so one batch at a time on
     * any number of nodes numbers events and its numbers commit with the batch, after every
     * number an earlier batch gave. The counter rows are read and written here only, so nothing
     * waits for them.
     *
     * @param batch the integrated entries' references, by index
     */
    void number(@Observes AuditIntegrated batch) {
        Map<Long, Integer> position = new HashMap<>();
        for (int i = 0; i < batch.refs().size(); i++) {
            position.put(batch.refs().get(i), i);
        }
        List<Object[]> events = new ArrayList<>();
        for (int from = 0; from < batch.refs().size(); from += IN_LIST) {
            List<Long> refs = batch.refs().subList(from, Math.min(batch.refs().size(), from + IN_LIST));
            for (Object row : em.createNativeQuery("select recipient_org, audit_ref from case_event"
                            + " where audit_ref in (?1) and seq is null")
                    .setParameter(1, refs).getResultList()) {
                events.add((Object[]) row);
            }
        }
        if (events.isEmpty()) {
            return;
        }
        events.sort(Comparator.<Object[]>comparingInt(r -> position.get(((Number) r[1]).longValue()))
                .thenComparing(r -> (String) r[0]));
        Map<String, Long> last = counters(events.stream().map(r -> (String) r[0]).collect(Collectors.toCollection(TreeSet::new)));
        if (events.removeIf(r -> !last.containsKey((String) r[0]))) {
            // Never expected (recipients are registered organisations, never deleted): such an event
            // stays unnumbered and unseen rather than stopping the log's integration.
            LOG.errorf("Inbox events of audit batch at index %d name an organisation without an inbox counter;"
                    + " they stay unnumbered", batch.first());
        }
        for (int from = 0; from < events.size(); from += ROWS_PER_STATEMENT) {
            List<Object[]> chunk = events.subList(from, Math.min(events.size(), from + ROWS_PER_STATEMENT));
            StringBuilder values = new StringBuilder();
            for (int i = 0; i < chunk.size(); i++) {
                values.append(i == 0 ? "" : ", ").append("(cast(?").append(3 * i + 1).append(" as varchar(64)), cast(?")
                        .append(3 * i + 2).append(" as bigint), cast(?").append(3 * i + 3).append(" as bigint))");
            }
            Query merge = em.createNativeQuery("merge into case_event e using (values " + values
                    + ") as v (recipient_org, audit_ref, seq) on e.recipient_org = v.recipient_org"
                    + " and e.audit_ref = v.audit_ref when matched then update set seq = v.seq");
            int p = 1;
            for (Object[] event : chunk) {
                String recipient = (String) event[0];
                long seq = Math.addExact(last.get(recipient), 1);
                last.put(recipient, seq);
                merge.setParameter(p++, recipient).setParameter(p++, ((Number) event[1]).longValue()).setParameter(p++, seq);
            }
            merge.executeUpdate();
        }
        for (Map.Entry<String, Long> counter : last.entrySet()) {
            em.createNativeQuery("update inbox_sequence set last_seq = ?1 where organization_id = ?2")
                    .setParameter(1, counter.getValue()).setParameter(2, counter.getKey()).executeUpdate();
        }
    }

    /**
     * @return the last number of each of {@code orgs} that is a registered organisation; a counter
     *         row is created (at the number of events the organisation already has, normally 0) for
     *         one that has none yet — one registered after migration V12
     */
    private Map<String, Long> counters(Collection<String> orgs) {
        Map<String, Long> last = new HashMap<>();
        for (int pass = 0; pass < 2 && last.size() < orgs.size(); pass++) {
            if (pass == 1) {
                for (String org : orgs) {
                    if (!last.containsKey(org)) {
                        em.createNativeQuery("insert into inbox_sequence (organization_id, last_seq) select o.id,"
                                        + " (select coalesce(max(e.seq), 0) from case_event e where e.recipient_org = o.id)"
                                        + " from organization o where o.id = ?1")
                                .setParameter(1, org).executeUpdate();
                    }
                }
            }
            for (Object row : em.createNativeQuery("select organization_id, last_seq from inbox_sequence"
                            + " where organization_id in (?1) for update")
                    .setParameter(1, orgs).getResultList()) {
                Object[] r = (Object[]) row;
                last.put((String) r[0], ((Number) r[1]).longValue());
            }
        }
        return last;
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
