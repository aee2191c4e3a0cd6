package org.electionpool.hub.audit.internal;

import jakarta.annotation.Resource;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.api.audit.ReceiptView;
import org.electionpool.hub.api.audit.RequestReceipts;
import org.electionpool.hub.audit.AuditEvent;
import org.electionpool.hub.audit.AuditHandle;
import org.electionpool.hub.audit.AuditLog;
import org.electionpool.hub.audit.domain.PendingEntry;
import org.electionpool.hub.crypto.HubKeys;
import org.jboss.logging.Logger;

/**
 * The {@link AuditLog} port (ADR 0011): an append writes a pending entry — a reference from
 * {@code audit_ref_seq} and the event — in the caller's transaction, without the log's head lock.
 * When that transaction commits, the committing thread wakes the {@link AuditSequencer} and waits
 * (bounded) until the entry is integrated: given its index in a batch whose leaves, subtree hashes
 * and signed checkpoint are durable. Only then is the entry's receipt handed to the request's
 * {@link RequestReceipts}, so no answer carries an index or receipt that is not durable.
 *
 * <p>Invariant: an entry exists iff the transaction of the act it records committed (a rolled-back
 * act takes its pending entry with it); indexes are 0, 1, 2, … without gaps, across all nodes,
 * because only the sequencer, under the head row's lock, gives them.
 */
@Stateless
@Local(AuditLog.class)
public class AuditLogBean implements AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditLogBean.class);

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    RequestReceipts receipts;

    @Inject
    AuditSequencer sequencer;

    @Inject
    HubKeys hubKeys;

    @Inject
    BeanManager beans;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Override
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public AuditHandle append(AuditEvent event) {
        AuditContext context = event.context();
        JpaAuditStore store = new JpaAuditStore(em);
        sequencer.start(hubKeys.auditLogKey());
        AuditHandle handle = new AuditHandle(store.nextRef());
        store.insertPending(new PendingEntry(handle.ref(), clock.instant(), event.action().action(), context,
                event.targetType(), event.targetId(), event.details()));
        boolean forRequest = context.actorOrg() != null && context.jti() != null && requestActive();
        RequestReceipts holder = forRequest ? receipts : null;
        AuditSequencer waitFor = sequencer;
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    return; // a rolled-back act never yields an entry, nor a receipt
                }
                ReceiptView receipt = waitFor.await(handle.ref());
                handle.integrated(receipt);
                if (receipt == null || holder == null) {
                    return;
                }
                try {
                    holder.committed(context.actorOrg(), context.jti(), receipt);
                } catch (ContextNotActiveException e) {
                    LOG.debugf("Entry %d was integrated outside its request", receipt.index());
                }
            }
        });
        return handle;
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public AuditHandle appendNow(AuditEvent event) {
        return append(event); // committed, and integrated, before the container hands the handle back
    }

    /** @return whether a request context is active (it is not for every timer or start-up call) */
    private boolean requestActive() {
        try {
            return beans.getContext(RequestScoped.class).isActive();
        } catch (ContextNotActiveException e) {
            return false;
        }
    }
}
