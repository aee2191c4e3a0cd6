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
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.protocol.log.Checkpoint;
import org.electionpool.hub.api.audit.ReceiptView;
import org.electionpool.hub.api.audit.RequestReceipts;
import org.electionpool.hub.protocol.log.SignedNote;
import org.electionpool.hub.audit.AuditEvent;
import org.electionpool.hub.audit.AuditHandle;
import org.electionpool.hub.audit.AuditLog;
import org.electionpool.hub.audit.domain.AuditAppender;
import org.electionpool.hub.crypto.HubKeys;
import org.electionpool.hub.system.HubConfiguration;
import org.jboss.logging.Logger;

/**
 * The {@link AuditLog} port: appends entries — head lock, leaf, subtree hashes, signed checkpoint —
 * by running the plain-Java {@link AuditAppender} over the hub's native-SQL store
 * ({@link JpaAuditStore}). The read side is {@link AuditServiceBean}.
 *
 * <p>Invariant: indexes are 0, 1, 2, … without gaps, across all nodes. {@link #append} runs in the
 * caller's transaction ({@code MANDATORY}) and starts by locking the single head row
 * ({@code select … for update}), so concurrent appends — on this node or another one on the same
 * database — queue, and a rolled-back change takes its entry with it. Each append stores the leaf,
 * the complete-subtree hashes it completes (O(log n) writes) and a checkpoint signed with the hub's
 * Ed25519 log key (C2SP signed note). The entry's receipt is handed to the request's
 * {@link RequestReceipts} only once its transaction committed.
 */
@Stateless
@Local(AuditLog.class)
public class AuditLogBean implements AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditLogBean.class);

    private static final SecureRandom NONCES = new SecureRandom();

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    @Inject
    HubKeys hubKeys;

    @Inject
    HubConfiguration configuration;

    @Inject
    Clock clock;

    @Inject
    RequestReceipts receipts;

    @Inject
    BeanManager beans;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Override
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public AuditHandle append(AuditEvent event) {
        AuditContext context = event.context();
        AuditAppender.Appended appended = new AuditAppender(clock, NONCES::nextBytes, this::sign).append(
                new JpaAuditStore(em), context, event.action().action(), event.targetType(), event.targetId(),
                event.details());
        ReceiptView receipt = appended.receipt();
        if (context.actorOrg() != null && context.jti() != null && requestActive()) {
            RequestReceipts holder = receipts;
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status != Status.STATUS_COMMITTED) {
                        return; // a rolled-back act never yields a receipt
                    }
                    try {
                        holder.committed(context.actorOrg(), context.jti(), receipt);
                    } catch (ContextNotActiveException e) {
                        LOG.debugf("Transaction of entry %d completed outside its request", receipt.index());
                    }
                }
            });
        }
        return new AuditHandle(appended.index(), receipt);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public AuditHandle appendNow(AuditEvent event) {
        return append(event);
    }

    /** @return whether a request context is active (it is not for every timer or start-up call) */
    private boolean requestActive() {
        try {
            return beans.getContext(RequestScoped.class).isActive();
        } catch (ContextNotActiveException e) {
            return false;
        }
    }

    private String sign(long size, byte[] root) {
        Checkpoint checkpoint = new Checkpoint(configuration.auditOrigin(), size, root, List.of());
        KeyPair key = hubKeys.auditLogKey();
        return SignedNote.sign(checkpoint.body(), configuration.auditOrigin(), key.getPrivate(), key.getPublic());
    }
}
