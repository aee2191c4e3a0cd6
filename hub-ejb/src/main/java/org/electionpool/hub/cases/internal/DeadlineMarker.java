package org.electionpool.hub.cases.internal;

import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.api.cases.CaseStatus;
import org.electionpool.hub.api.audit.AuditAction;
import org.electionpool.hub.api.cases.CaseId;
import org.electionpool.hub.api.organizations.OrganizationId;
import org.electionpool.hub.cases.domain.CaseEvent;

/**
 * Marks one case overdue, once per deadline: a conditional update (only if not yet marked, the
 * deadline still passed and the clock still running; the version moves, so a concurrent change of
 * the case fails its optimistic lock instead of undoing the mark), then — in the same transaction
 * — the audit entry {@code case.overdue} (channel {@code SYSTEM}) and a {@code case.overdue} inbox
 * event for both parties (each the next number of its own stream, {@link Inbox}), pointing to that
 * entry.
 */
@Stateless
@LocalBean
public class DeadlineMarker {

    private static final AuditContext WATCH = AuditContext.system("deadline-watch");

    /** Most cases marked per scan; the next scan takes the rest. */
    static final int BATCH = 200;

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    @Inject
    CaseEvents events;

    @Inject
    Clock clock;

    private static List<String> running() {
        List<String> running = new ArrayList<>();
        for (CaseStatus s : CaseStatus.values()) {
            if (s.clockRuns()) {
                running.add(s.name());
            }
        }
        return running;
    }

    /** @return ids of cases whose deadline passed while their clock ran and that are not marked yet */
    @SuppressWarnings("unchecked")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<String> due() {
        return em.createNativeQuery("select id from takedown_case where deadline < ?1 and overdue_at is null"
                        + " and status in (?2) order by deadline")
                .setParameter(1, clock.instant()).setParameter(2, running()).setMaxResults(BATCH).getResultList();
    }

    /**
     * @param id a case id from {@link #due()}
     * @return whether this call marked it (false: another node did, or it changed meanwhile)
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean mark(String id) {
        Instant now = clock.instant();
        int updated = em.createNativeQuery("update takedown_case set overdue_at = ?1, version = version + 1"
                        + " where id = ?2 and overdue_at is null and deadline < ?1 and status in (?3)")
                .setParameter(1, now).setParameter(2, id).setParameter(3, running()).executeUpdate();
        if (updated != 1) {
            return false;
        }
        Object[] row = (Object[]) em.createNativeQuery("select authority_org, addressee_org, status, deadline"
                + " from takedown_case where id = ?1").setParameter(1, id).getSingleResult();
        Instant deadline = toInstant(row[3]);
        events.publish(WATCH, new CaseEvent(AuditAction.CASE_OVERDUE, new CaseId(id), new OrganizationId((String) row[0]),
                new OrganizationId((String) row[1]), CaseStatus.valueOf((String) row[2]), CaseEvent.HUB,
                Map.of("deadline", DateTimeFormatter.ISO_INSTANT.format(deadline)), now));
        return true;
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
