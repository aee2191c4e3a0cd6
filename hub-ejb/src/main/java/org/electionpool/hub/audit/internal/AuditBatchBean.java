package org.electionpool.hub.audit.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.electionpool.hub.api.audit.ReceiptView;
import org.electionpool.hub.audit.AuditIntegrated;
import org.electionpool.hub.audit.domain.AuditBatcher;
import org.electionpool.hub.protocol.log.Checkpoint;
import org.electionpool.hub.protocol.log.SignedNote;
import org.electionpool.hub.system.HubConfiguration;

/**
 * One sequencer batch in a transaction of its own ({@link AuditBatcher} over {@link JpaAuditStore}),
 * called by the {@link AuditSequencer}'s thread: the returned batch has committed when the call
 * returns (the transaction interceptor commits before it hands the value back, or throws).
 *
 * <p>A CDI bean with {@link Transactional}, not an EJB: the server holds EJB invocations back
 * until the deployment has started, and the start-up seeding's own entries must be integrated
 * before it has.
 */
@ApplicationScoped
public class AuditBatchBean {

    private static final SecureRandom NONCES = new SecureRandom();

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    @Inject
    HubConfiguration configuration;

    @Inject
    Clock clock;

    @Inject
    Event<AuditIntegrated> integratedEvents;

    /**
     * Integrates up to the configured batch size of pending entries, tells the observers of
     * {@link AuditIntegrated} (in this transaction, under the head's lock) and commits.
     *
     * @param logKey the hub's Ed25519 log key (handed over by the sequencer: the key store's bean
     *               is an EJB, which this bean must not call while the deployment starts)
     * @return the committed batch (empty if nothing was pending)
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public AuditBatcher.Batch integrate(KeyPair logKey) {
        AuditBatcher.Batch batch = new AuditBatcher(clock, NONCES::nextBytes, (size, root) -> sign(logKey, size, root))
                .integrate(new JpaAuditStore(em), configuration.auditBatchSize());
        if (!batch.isEmpty()) {
            integratedEvents.fire(new AuditIntegrated(
                    batch.entries().stream().map(AuditBatcher.Integrated::ref).toList(), batch.first()));
        }
        return batch;
    }

    /**
     * The receipts of entries another node's sequencer (or an earlier batch) integrated: each with
     * its inclusion proof in the current head's tree and that tree's checkpoint.
     *
     * @param refs references of committed entries
     * @return reference → receipt, for those already integrated
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Map<Long, ReceiptView> integrated(Collection<Long> refs) {
        JpaAuditStore store = new JpaAuditStore(em);
        Map<Long, ReceiptView> receipts = new HashMap<>();
        for (Map.Entry<Long, Long> e : store.indexesOf(refs).entrySet()) {
            ReceiptView receipt = AuditBatcher.receipt(store, e.getValue());
            if (receipt != null) {
                receipts.put(e.getKey(), receipt);
            }
        }
        return receipts;
    }

    private String sign(KeyPair key, long size, byte[] root) {
        Checkpoint checkpoint = new Checkpoint(configuration.auditOrigin(), size, root, List.of());
        return SignedNote.sign(checkpoint.body(), configuration.auditOrigin(), key.getPrivate(), key.getPublic());
    }
}
