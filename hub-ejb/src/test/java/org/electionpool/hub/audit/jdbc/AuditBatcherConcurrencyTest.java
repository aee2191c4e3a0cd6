package org.electionpool.hub.audit.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.api.audit.FsckReport;
import org.electionpool.hub.api.audit.ReceiptView;
import org.electionpool.hub.audit.domain.AuditBatcher;
import org.electionpool.hub.audit.domain.LogCheck;
import org.electionpool.hub.audit.domain.PendingEntry;
import org.electionpool.hub.protocol.log.Checkpoint;
import org.electionpool.hub.protocol.log.MerkleTree;
import org.electionpool.hub.protocol.log.SignedNote;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * ADR 0011's multi-node promise, with real transactions on H2: writers commit pending entries while
 * two sequencers (as on two nodes, each with its own connection) integrate batches concurrently and
 * one writer's transactions roll back. Afterwards: every committed entry integrated exactly once,
 * nothing of a rolled-back one, indexes without a gap, nothing left pending, every receipt a batch
 * handed out verifies against its batch's checkpoint, and fsck is clean.
 */
class AuditBatcherConcurrencyTest {

    private static final String ORIGIN = "hub.example/audit-log";
    private static final int WRITERS = 4;
    private static final int PER_WRITER = 150;

    private final KeyPair key = generate();
    private final SignedNote.VerifierKey verifierKey =
            SignedNote.VerifierKey.parse(SignedNote.verifierKey(ORIGIN, SignedNote.rawKey(key.getPublic())));

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String sign(long size, byte[] root) {
        return SignedNote.sign(new Checkpoint(ORIGIN, size, root, List.of()).body(), ORIGIN, key.getPrivate(), key.getPublic());
    }

    @Test
    void twoSequencersIntegrateEveryCommittedEntryExactlyOnceWithoutAGap() throws Exception {
        String url = "jdbc:h2:mem:batcher-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        Set<Long> committed = ConcurrentHashMap.newKeySet();
        Set<Long> rolledBack = ConcurrentHashMap.newKeySet();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<ReceiptView> receipts = new CopyOnWriteArrayList<>();
        List<Long> integratedRefs = new CopyOnWriteArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);

        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(new Thread(() -> {
                try (Connection c = DriverManager.getConnection(url, "sa", "")) {
                    c.setAutoCommit(false);
                    JdbcAuditStore store = new JdbcAuditStore(c);
                    for (int i = 0; i < PER_WRITER; i++) {
                        long ref = store.nextRef();
                        store.insertPending(new PendingEntry(ref, Instant.now(), "case.read",
                                AuditContext.system("writer-" + writer), "case", "c-" + i, Map.of("i", i)));
                        if (writer == 0 && i % 3 == 0) {
                            c.rollback(); // the act failed: its entry must never appear
                            rolledBack.add(ref);
                        } else {
                            c.commit();
                            committed.add(ref);
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        List<Thread> sequencers = new ArrayList<>();
        for (int s = 0; s < 2; s++) {
            sequencers.add(new Thread(() -> {
                try (Connection c = DriverManager.getConnection(url, "sa", "")) {
                    c.setAutoCommit(false);
                    JdbcAuditStore store = new JdbcAuditStore(c);
                    AuditBatcher batcher = new AuditBatcher(Clock.systemUTC(), new SecureRandom()::nextBytes, this::sign);
                    while (true) {
                        boolean last = !writing.get();
                        AuditBatcher.Batch batch = batcher.integrate(store, 37);
                        c.commit();
                        for (int i = 0; i < batch.entries().size(); i++) {
                            receipts.add(batch.receipt(i));
                            integratedRefs.add(batch.entries().get(i).ref());
                        }
                        if (batch.isEmpty() && last) {
                            return;
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        sequencers.forEach(Thread::start);
        writers.forEach(Thread::start);
        for (Thread t : writers) {
            t.join();
        }
        writing.set(false);
        for (Thread t : sequencers) {
            t.join();
        }
        assertTrue(failures.isEmpty(), () -> "failures: " + failures);

        assertEquals(committed.size(), integratedRefs.size(), "each committed entry integrated once");
        assertEquals(committed, new HashSet<>(integratedRefs));
        assertTrue(integratedRefs.stream().noneMatch(rolledBack::contains), "nothing of a rolled-back act");
        assertEquals(WRITERS * PER_WRITER - rolledBack.size(), committed.size());

        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            JdbcAuditStore store = new JdbcAuditStore(c);
            long size = store.size();
            assertEquals(committed.size(), size);
            assertEquals(0, store.pending(10).size(), "nothing left pending");
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("select count(*), min(idx), max(idx), count(distinct ref) from audit_entry")) {
                r.next();
                assertEquals(size, r.getLong(1));
                assertEquals(0, r.getLong(2));
                assertEquals(size - 1, r.getLong(3), "indexes 0 … n−1 without a gap");
                assertEquals(size, r.getLong(4));
            }
            FsckReport report = LogCheck.run(store, verifierKey);
            assertTrue(report.ok(), report::toString);
            assertTrue(report.checkpointsChecked() < size, "one checkpoint per batch, not per entry: " + report);
        }
        for (ReceiptView r : receipts) {
            Checkpoint checkpoint = Checkpoint.parse(SignedNote.open(r.checkpoint(), verifierKey));
            assertEquals(r.size(), checkpoint.size());
            MerkleTree.verifyInclusion(r.index(), r.size(), Base64.getDecoder().decode(r.leafHash()),
                    r.proof().stream().map(Base64.getDecoder()::decode).toList(), checkpoint.rootHash());
        }
    }
}
