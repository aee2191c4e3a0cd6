package org.electionpool.hub.bench.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.electionpool.hub.protocol.log.Checkpoint;
import org.electionpool.hub.protocol.log.MerkleTree;
import org.electionpool.hub.protocol.log.SignedNote;
import org.electionpool.hub.audit.domain.AuditBatcher;
import org.electionpool.hub.audit.domain.PendingEntry;
import org.electionpool.hub.audit.domain.AuditTree;
import org.electionpool.hub.audit.jdbc.JdbcAuditStore;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The bulk seeder writes exactly the rows that appending the same entries one by one writes
 * (hub-ejb's own {@link AuditBatcher} over a {@link JdbcAuditStore}, the sequencer's algorithm, in batches of the seeder's size), and those
 * rows form a correct RFC 9162 log. On H2 always; on PostgreSQL (the COPY path) when
 * {@code -Dbench.db.test-url=jdbc:postgresql://…} names a scratch database (its audit tables are emptied).
 */
class AuditSeederTest {

    private static final int ENTRIES = 300;
    private static final Instant NOW = Instant.parse("2026-11-23T10:15:30.123456Z");

    @Test
    void bulkRowsAreTheAppendedRowsOnH2() throws Exception {
        bulkRowsAreTheAppendedRows(new BenchDatabase("jdbc:h2:mem:seeder;DB_CLOSE_DELAY=-1", "sa", ""));
    }

    @Test
    void bulkRowsAreTheAppendedRowsOnPostgres() throws Exception {
        String url = System.getProperty("bench.db.test-url");
        Assumptions.assumeTrue(url != null && !url.isBlank(), "no -Dbench.db.test-url");
        bulkRowsAreTheAppendedRows(BenchDatabase.fromEnvironment().withUrl(url));
    }

    @Test
    void fastSignatureIsTheHubsSignature() throws Exception {
        LogKey key = LogKey.loadOrGenerate("bench.example/audit-log", null);
        Random random = new Random(5);
        for (int i = 0; i < 20; i++) {
            byte[] root = new byte[32];
            random.nextBytes(root);
            long size = 1 + Math.floorMod(random.nextLong(), 1L << 40);
            assertEquals(key.sign(size, root), key.signFast(size, root));
        }
    }

    @Test
    void refusesTheHubsOwnDatabase() {
        assertThrows(IllegalArgumentException.class,
                () -> new BenchDatabase("jdbc:postgresql://localhost:5432/hub", "hub", "hub"));
        assertThrows(IllegalArgumentException.class,
                () -> new BenchDatabase("jdbc:postgresql://localhost/hub?ssl=false", "hub", "hub"));
    }

    private void bulkRowsAreTheAppendedRows(BenchDatabase db) throws Exception {
        db.migrate();
        LogKey key = LogKey.loadOrGenerate("bench.example/audit-log", null);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        try (Connection c = db.connect()) {
            AuditSeeder.empty(c);
            AuditSeeder.seed(c, db.postgres(), ENTRIES, 64, key, clock, new Random(1), new EntryMix(9));
            List<String> bulk = rows(c);
            AuditSeeder.verify(c, key, 50, 3, 0);

            AuditSeeder.empty(c);
            c.setAutoCommit(false);
            Random nonces = new Random(1);
            AuditBatcher log = new AuditBatcher(clock, nonces::nextBytes, key::sign);
            JdbcAuditStore store = new JdbcAuditStore(c);
            EntryMix mix = new EntryMix(9);
            for (int from = 0; from < ENTRIES; from += 64) {
                int n = Math.min(64, ENTRIES - from);
                for (int i = 0; i < n; i++) {
                    EntryMix.Entry e = mix.next(NOW);
                    store.insertPending(new PendingEntry(store.nextRef(), NOW, e.action(), e.context(), e.targetType(),
                            e.targetId(), e.details()));
                }
                c.commit();
                assertEquals(from, log.integrate(store, 64).first());
                c.commit();
            }
            c.setAutoCommit(true);
            List<String> appended = rows(c);
            assertEquals(appended.size(), bulk.size());
            for (int i = 0; i < bulk.size(); i++) {
                assertEquals(appended.get(i), bulk.get(i), "row " + i);
            }

            // Every checkpoint states the RFC 9162 root of its prefix, computed from the leaves alone.
            List<byte[]> leafHashes = new ArrayList<>();
            java.util.Map<Long, String> notes = new java.util.TreeMap<>();
            try (Statement s = c.createStatement()) {
                try (ResultSet r = s.executeQuery("select leaf from audit_entry order by idx")) {
                    while (r.next()) {
                        leafHashes.add(MerkleTree.hashLeaf(r.getString(1).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                    }
                }
                try (ResultSet r = s.executeQuery("select size, note from audit_checkpoint order by size")) {
                    while (r.next()) {
                        notes.put(r.getLong(1), r.getString(2));
                    }
                }
            }
            // One checkpoint per batch of 64, at its end (ADR 0011).
            assertEquals(List.of(64L, 128L, 192L, 256L, 300L), List.copyOf(notes.keySet()));
            for (int size = 1; size <= ENTRIES; size++) {
                MerkleTree.InMemory tree = new MerkleTree.InMemory(leafHashes.subList(0, size));
                if (notes.containsKey((long) size)) {
                    Checkpoint checkpoint = Checkpoint.parse(SignedNote.open(notes.get((long) size), key.verifierKey()));
                    assertEquals(size, checkpoint.size());
                    assertArrayEquals(MerkleTree.root(tree, size), checkpoint.rootHash(), "root of size " + size);
                }
                assertArrayEquals(MerkleTree.root(tree, size), AuditTree.root(new JdbcAuditStore(c), size));
                for (int index = 0; index < size; index += 37) {
                    assertProofsEqual(MerkleTree.inclusionProof(tree, index, size),
                            AuditTree.inclusionProof(new JdbcAuditStore(c), index, size), "inclusion " + index + " in " + size);
                    assertProofsEqual(MerkleTree.consistencyProof(tree, index, size),
                            AuditTree.consistencyProof(new JdbcAuditStore(c), index, size), "consistency " + index + " to " + size);
                }
            }
            assertEquals(Base64.getEncoder().encodeToString(leafHashes.get(7)),
                    Base64.getEncoder().encodeToString(AuditTree.leafHashAndInclusionProof(new JdbcAuditStore(c), 7, 8).get(0)));
            AuditSeeder.empty(c);
        }
    }

    private static void assertProofsEqual(List<byte[]> expected, List<byte[]> actual, String what) {
        assertEquals(expected.size(), actual.size(), what);
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), what + ", hash " + i);
        }
    }

    private static List<String> rows(Connection c) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            for (String query : new String[] {
                "select * from audit_head",
                "select idx, recorded_at, action, leaf, leaf_hash, actor_org, jti, target_type, target_id, evidence"
                        + " from audit_entry order by idx",
                "select level, node_index, hash from audit_node order by level, node_index",
                "select size, note, created_at from audit_checkpoint order by size"}) {
                try (ResultSet r = s.executeQuery(query)) {
                    ResultSetMetaData meta = r.getMetaData();
                    while (r.next()) {
                        StringBuilder row = new StringBuilder(query.substring(0, Math.min(30, query.length()))).append(':');
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            row.append(r.getObject(i)).append('|');
                        }
                        rows.add(row.toString());
                    }
                }
            }
        }
        return rows;
    }
}
