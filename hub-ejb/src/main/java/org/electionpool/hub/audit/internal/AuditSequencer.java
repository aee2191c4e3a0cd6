package org.electionpool.hub.audit.internal;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.electionpool.hub.api.audit.ReceiptView;
import org.electionpool.hub.audit.domain.AuditBatcher;
import org.electionpool.hub.system.HubConfiguration;
import org.jboss.logging.Logger;

/**
 * This node's audit log sequencer (ADR 0011): one thread that integrates committed pending entries
 * in batches ({@link AuditBatchBean}, each batch its own transaction under the head row's lock, so
 * sequencers on several nodes take turns) and completes the waits of the threads whose entries a
 * batch integrated.
 *
 * <p>It runs a batch when a committing thread wakes it, and every {@value #IDLE_POLL_MILLIS} ms
 * anyway, so entries committed on a node that died before integrating them, or on a node without
 * a running sequencer, are integrated too. A wait whose entry another node (or an earlier batch)
 * integrated is answered from the store: the entry's inclusion proof in the current head's tree.
 * While the database is unreachable the loop backs off and retries; waits time out after
 * {@code hub.audit.integration-timeout-ms} and the entries stay pending, to be integrated later.
 *
 * <p>Invariant: a wait is completed only with the receipt of its own reference, and only after the
 * batch that integrated it committed. Thread-safe; a plain CDI bean, so a committing thread may wait
 * in its transaction's {@code afterCompletion} without a container transaction around the call.
 */
@ApplicationScoped
public class AuditSequencer {

    private static final Logger LOG = Logger.getLogger(AuditSequencer.class);

    /** Milliseconds between batches when nobody wakes the sequencer. */
    static final long IDLE_POLL_MILLIS = 200;
    /** Milliseconds between lookups for waits another node's sequencer may have answered. */
    static final long BUSY_POLL_MILLIS = 20;
    private static final long MAX_BACKOFF_MILLIS = 2_000;

    @Inject
    AuditBatchBean batches;

    @Inject
    HubConfiguration configuration;

    private final Map<Long, CompletableFuture<ReceiptView>> waits = new ConcurrentHashMap<>();
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running = true;
    private volatile KeyPair logKey;
    private volatile boolean started;
    private Thread thread;

    /**
     * Wakes the sequencer and waits until the entry {@code ref}, whose transaction committed, is
     * integrated.
     *
     * @param ref the entry's reference
     * @return its receipt, or {@code null} if it was not integrated within the configured bound
     */
    public ReceiptView await(long ref) {
        if (logKey == null) {
            LOG.warnf("Audit entry ref %d committed before the sequencer was given the log key", ref);
            return null;
        }
        CompletableFuture<ReceiptView> wait = waits.computeIfAbsent(ref, r -> new CompletableFuture<>());
        wake.release();
        try {
            return wait.get(configuration.auditIntegrationTimeoutMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warnf("Audit entry ref %d was not integrated within %d ms; it stays pending and the answer carries no"
                    + " receipt", ref, configuration.auditIntegrationTimeoutMillis());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return null;
        } finally {
            waits.remove(ref, wait);
        }
    }

    /**
     * Hands the sequencer the hub's current log key and starts its thread if it is not running.
     * Called by {@link HubKeyRecorder} at start-up and by every append (the key may rotate).
     *
     * @param key the Ed25519 key checkpoints are signed with
     */
    public void start(KeyPair key) {
        logKey = key;
        if (!started) { // every append calls this: no lock once the thread runs
            ensureStarted();
        }
    }

    private synchronized void ensureStarted() {
        if (thread == null && running) {
            thread = newThread(this::run);
            thread.setName("hub-audit-sequencer");
            thread.setDaemon(true);
            thread.start();
            started = true;
        }
    }

    /**
     * A plain daemon thread with the deployment's class loader. Not one of the server's managed
     * threads: the server holds those (like EJB invocations) back until the deployment has started,
     * and the start-up seeding waits for its entries before that. The loop only calls a CDI bean
     * whose transaction interceptor and persistence context work from any thread.
     */
    private static Thread newThread(Runnable loop) {
        Thread plain = new Thread(loop);
        plain.setContextClassLoader(AuditSequencer.class.getClassLoader());
        return plain;
    }

    private void run() {
        long backoff = 0;
        while (running) {
            try {
                if (backoff > 0) {
                    Thread.sleep(backoff);
                }
                wake.tryAcquire(openWaits() ? BUSY_POLL_MILLIS : IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                wake.drainPermits();
                AuditBatcher.Batch batch;
                do {
                    batch = batches.integrate(logKey);
                    if (!batch.isEmpty()) {
                        for (Map.Entry<Long, ReceiptView> e : batch.receipts().entrySet()) {
                            CompletableFuture<ReceiptView> wait = waits.get(e.getKey());
                            if (wait != null) {
                                wait.complete(e.getValue());
                            }
                        }
                    }
                } while (running && batch.entries().size() >= configuration.auditBatchSize());
                answerFromStore();
                backoff = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                backoff = Math.min(MAX_BACKOFF_MILLIS, Math.max(50, backoff * 2));
                LOG.warnf("Audit sequencer batch failed (%s); retrying in %d ms", rootMessage(e), backoff);
            }
        }
    }

    /**
     * @return whether a wait is not answered yet (a completed wait stays in the map until its
     *         thread wakes up and removes it; polling the store for those would be an empty batch
     *         after nearly every batch)
     */
    private boolean openWaits() {
        for (CompletableFuture<ReceiptView> wait : waits.values()) {
            if (!wait.isDone()) {
                return true;
            }
        }
        return false;
    }

    /** Answers waits whose entries are integrated but were not in this node's batches. */
    private void answerFromStore() {
        List<Long> open = new ArrayList<>();
        for (Map.Entry<Long, CompletableFuture<ReceiptView>> e : waits.entrySet()) {
            if (!e.getValue().isDone()) {
                open.add(e.getKey());
            }
        }
        if (open.isEmpty()) {
            return;
        }
        for (Map.Entry<Long, ReceiptView> e : batches.integrated(open).entrySet()) {
            CompletableFuture<ReceiptView> wait = waits.get(e.getKey());
            if (wait != null) {
                wait.complete(e.getValue());
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    @PreDestroy
    void stop() {
        running = false;
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
