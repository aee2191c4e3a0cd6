package org.electionpool.hub.cases.internal;

import jakarta.annotation.Resource;
import jakarta.ejb.LocalBean;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.api.cases.CaseId;
import org.electionpool.hub.cases.domain.CaseEvent;
import org.electionpool.hub.cases.domain.TakedownCase;

/**
 * Marks one case overdue, once per deadline: load the case, {@link TakedownCase#markOverdue}, save,
 * publish — the audit entry {@code case.overdue} (channel {@code SYSTEM}) and a {@code case.overdue}
 * inbox event for both parties with its webhook deliveries ({@link CaseEvents}), in the same
 * transaction.
 *
 * <p>Exactly one mark per deadline, on any number of nodes: the save is an optimistically locked
 * update ({@code version}), flushed before anything is published. Of two markers that loaded the
 * same unmarked case, the second's update finds the version moved and fails; its transaction rolls
 * back without an entry or an event. A marker that loads the case after the first committed sees
 * it marked and does nothing. A concurrent change of the case by a party likewise fails one side's
 * optimistic lock instead of undoing the mark.
 */
@Stateless
@LocalBean
public class DeadlineMarker {

    private static final AuditContext WATCH = AuditContext.system("deadline-watch");

    /** Most cases marked per scan; the next scan takes the rest. */
    static final int BATCH = 200;

    @Inject
    JpaCaseRepository cases;

    @Inject
    CaseEvents events;

    @Inject
    Clock clock;

    @Resource
    SessionContext session;

    /** @return ids of cases whose deadline passed while their clock ran and that are not marked yet */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<String> due() {
        return cases.overdueUnmarked(clock.instant(), BATCH);
    }

    /**
     * @param id a case id from {@link #due()}
     * @return whether this call marked it (false: another node did, or it changed meanwhile)
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean mark(String id) {
        Instant now = clock.instant();
        Optional<CaseEvent> overdue = CaseId.parse(id).flatMap(cases::find).flatMap(c -> c.markOverdue(now));
        if (overdue.isEmpty()) {
            return false;
        }
        try {
            cases.flush();
        } catch (OptimisticLockException | PessimisticLockException | LockTimeoutException e) {
            session.setRollbackOnly(); // another marker (or a party) changed the case first
            return false;
        }
        events.publish(WATCH, overdue.get());
        return true;
    }
}
