package org.electionpool.hub.audit.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.protocol.log.Checkpoint;
import org.electionpool.hub.api.audit.FsckReport;
import org.electionpool.hub.protocol.log.MerkleTree;
import org.electionpool.hub.api.audit.ReceiptView;
import org.electionpool.hub.protocol.log.SignedNote;
import org.electionpool.hub.api.organizations.OrganizationId;
import org.electionpool.hub.api.security.Caller;
import org.electionpool.hub.audit.domain.AuditBatcher;
import org.electionpool.hub.audit.domain.AuditTree;
import org.electionpool.hub.audit.domain.LogCheck;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit log's algorithm ({@link AuditBatcher}, {@link AuditTree}, {@link LogCheck}) over the
 * plain-JDBC store on embedded H2 with the hub's own migrations: a round trip (N appends, a clean
 * fsck, every receipt, root and proof verifying with {@link MerkleTree}'s verification, and agreeing
 * with a tree rebuilt from the leaves alone), and the attacks {@code AuditTamperIT} makes in the server
 * (a changed node, leaf, leaf hash, checkpoint; a removed entry), each caught and named at its index.
 */
class JdbcAuditStoreTest {

    private static final String ORIGIN = "hub.example/audit-log";
    private static final int ENTRIES = 150;

    private final KeyPair key = generate();
    private final SignedNote.VerifierKey verifierKey =
            SignedNote.VerifierKey.parse(SignedNote.verifierKey(ORIGIN, SignedNote.rawKey(key.getPublic())));
    private Connection c;
    private JdbcAuditStore store;
    private final List<ReceiptView> receipts = new ArrayList<>();

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String sign(long size, byte[] root) {
        return SignedNote.sign(new Checkpoint(ORIGIN, size, root, List.of()).body(), ORIGIN, key.getPrivate(), key.getPublic());
    }

    @BeforeEach
    void appendEntries() throws SQLException {
        String url = "jdbc:h2:mem:audit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        c = DriverManager.getConnection(url, "sa", "");
        c.setAutoCommit(false);
        store = new JdbcAuditStore(c);
        Random random = new Random(11);
        AuditBatcher appender = new AuditBatcher(Clock.tick(Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"),
                ZoneOffset.UTC), java.time.Duration.ofMillis(1)), random::nextBytes, this::sign);
        for (int i = 0; i < ENTRIES; i++) {
            AuditContext context = i % 3 == 0 ? AuditContext.system("test")
                    : new AuditContext(Caller.Channel.API, new OrganizationId("platform-alpha"), "kid-1", "jti-" + i,
                    "eyJhbGciOiJFUzI1NiJ9.e30.c2ln" + i, AuditContext.sha256("{}"), Instant.parse("2026-12-01T09:59:59Z"));
            AuditBatcher.Batch appended = appender.append(store, context, i % 2 == 0 ? "case.read" : "case.created",
                    "case", "c-" + (i % 7), i % 5 == 0 ? Map.of() : Map.of("n", i));
            c.commit();
            assertEquals(i, appended.first());
            receipts.add(appended.receipt(0));
        }
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    @Test
    void roundTrip() throws Exception {
        assertEquals(ENTRIES, store.size());
        FsckReport report = LogCheck.run(store, verifierKey);
        assertTrue(report.ok(), () -> "fsck: " + report);
        assertEquals(ENTRIES, report.entriesChecked());
        assertEquals(ENTRIES, report.checkpointsChecked());

        List<byte[]> leafHashes = new ArrayList<>();
        for (org.electionpool.hub.audit.domain.AuditStore.EntryRow row : store.entries(0, ENTRIES)) {
            leafHashes.add(MerkleTree.hashLeaf(row.leaf().getBytes(StandardCharsets.UTF_8)));
        }
        MerkleTree.InMemory tree = new MerkleTree.InMemory(leafHashes);
        for (int size = 1; size <= ENTRIES; size++) {
            byte[] root = AuditTree.root(store, size);
            assertArrayEquals(MerkleTree.root(tree, size), root, "root " + size);
            assertArrayEquals(root, Checkpoint.parse(SignedNote.open(store.checkpoint(size), verifierKey)).rootHash());
            for (int index = 0; index < size; index += 7) {
                List<byte[]> both = AuditTree.leafHashAndInclusionProof(store, index, size);
                assertArrayEquals(leafHashes.get(index), both.get(0));
                MerkleTree.verifyInclusion(index, size, both.get(0), both.subList(1, both.size()), root);
            }
            for (int first = 1; first <= size; first += 5) {
                MerkleTree.verifyConsistency(first, size, AuditTree.consistencyProof(store, first, size),
                        MerkleTree.root(tree, first), root);
            }
        }
        // Each append's receipt is the one the server used to look up afterwards: the stored leaf, the
        // stored leaf hash, the proof in size index + 1 and the checkpoint stored for that size.
        for (ReceiptView r : receipts) {
            org.electionpool.hub.audit.domain.AuditStore.EntryRow row = store.entries(r.index(), r.index() + 1).get(0);
            assertEquals(Base64.getEncoder().encodeToString(row.leaf().getBytes(StandardCharsets.UTF_8)), r.leaf());
            assertEquals(row.leafHash(), r.leafHash());
            assertEquals(r.index() + 1, r.size());
            assertEquals(store.checkpoint(r.size()), r.checkpoint());
            assertEquals(AuditTree.inclusionProof(store, r.index(), r.size()).stream()
                    .map(Base64.getEncoder()::encodeToString).toList(), r.proof());
            Checkpoint checkpoint = Checkpoint.parse(SignedNote.open(r.checkpoint(), verifierKey));
            MerkleTree.verifyInclusion(r.index(), r.size(), Base64.getDecoder().decode(r.leafHash()),
                    r.proof().stream().map(Base64.getDecoder()::decode).toList(), checkpoint.rootHash());
        }
    }

    @Test
    void aBatchIsEightStatementsWhateverItsSizeUpToTheChunks() throws Exception {
        // head lock, pending read, frontier, entries, nodes, head, checkpoint, pending delete: the
        // frontier read replaces the left-half reads and the root query; entries and nodes are
        // multi-row inserts (ADR 0011).
        AuditBatcher batcher = new AuditBatcher(Clock.systemUTC(), new Random(3)::nextBytes, this::sign);
        for (int i = 0; i < 300; i++) {
            store.insertPending(new org.electionpool.hub.audit.domain.PendingEntry(store.nextRef(), Instant.now(),
                    "case.read", AuditContext.system("test"), "case", "c-" + i, Map.of("n", i)));
        }
        long before = store.statements();
        AuditBatcher.Batch batch = batcher.integrate(store, 1000);
        assertEquals(8, store.statements() - before);
        assertEquals(300, batch.entries().size());
        assertEquals(0, store.pending(10).size());
        for (int i = 0; i < batch.entries().size(); i += 37) {
            ReceiptView r = batch.receipt(i);
            MerkleTree.verifyInclusion(r.index(), r.size(), Base64.getDecoder().decode(r.leafHash()),
                    r.proof().stream().map(Base64.getDecoder()::decode).toList(),
                    Checkpoint.parse(SignedNote.open(r.checkpoint(), verifierKey)).rootHash());
            assertEquals(r, AuditBatcher.receipt(store, r.index()), "the store gives the same receipt");
        }
    }

    private void tamper(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            assertEquals(1, s.executeUpdate(), sql);
        }
        c.commit();
    }

    private void assertCaughtAt(long index) {
        FsckReport report = LogCheck.run(store, verifierKey);
        assertFalse(report.ok(), "the tampering went unnoticed");
        assertEquals(index, report.firstBadIndex(), () -> "named " + report);
    }

    @Test
    void aChangedSubtreeHashIsCaught() throws SQLException {
        tamper("update audit_node set hash = ? where level = 3 and node_index = 5",
                Base64.getEncoder().encodeToString(new byte[32]));
        assertCaughtAt(47); // (3, 5) covers leaves 40 … 47 and completes at 47
        assertThrows(IllegalStateException.class, () -> {
            tamper("delete from audit_node where level = 0 and node_index = 100");
            AuditTree.inclusionProof(store, 101, 102); // a proof over a missing hash fails, never guesses
        });
    }

    @Test
    void aChangedLeafIsCaught() throws SQLException {
        tamper("update audit_entry set leaf = replace(leaf, 'case.read', 'case.reed') where idx = 62");
        assertCaughtAt(62);
    }

    @Test
    void aChangedLeafHashIsCaught() throws SQLException {
        tamper("update audit_entry set leaf_hash = ? where idx = 9", Base64.getEncoder().encodeToString(new byte[32]));
        assertCaughtAt(9);
    }

    @Test
    void aChangedCheckpointIsCaught() throws SQLException {
        tamper("update audit_checkpoint set note = replace(note, '" + ORIGIN + "\n77\n', '" + ORIGIN + "\n78\n') where size = 77");
        assertCaughtAt(76);
    }

    @Test
    void aRemovedEntryIsCaught() throws SQLException {
        tamper("delete from audit_entry where idx = 120");
        assertCaughtAt(120);
    }

    @Test
    void aTruncatedLogIsCaught() throws SQLException {
        tamper("update audit_head set size = 100 where id = 1");
        FsckReport report = LogCheck.run(store, verifierKey);
        assertFalse(report.ok());
        assertEquals(100, report.firstBadIndex());
    }
}
