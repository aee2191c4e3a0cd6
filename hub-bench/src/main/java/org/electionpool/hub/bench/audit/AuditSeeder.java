package org.electionpool.hub.bench.audit;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.electionpool.hub.protocol.log.Checkpoint;
import org.electionpool.hub.protocol.log.MerkleTree;
import org.electionpool.hub.audit.domain.AuditTree;
import org.electionpool.hub.protocol.log.ProofException;
import org.electionpool.hub.protocol.log.SignedNote;
import org.electionpool.hub.audit.domain.AuditLeaf;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Bulk tool, not a timed test: fills an empty audit log with N entries (default 1,000,000) straight
 * through JDBC, writing exactly the rows {@code AuditLogBean.append} would have written for them one
 * by one:
 * <ul>
 *   <li>{@code audit_entry}: the leaf built by {@link AuditLeaves} (RFC 8785 canonical JSON, same
 *       members, nonce, evidence), its base64 RFC 9162 leaf hash, the indexed columns and the evidence;</li>
 *   <li>{@code audit_node}: the leaf hash at level 0 and every complete subtree the entry completes,
 *       {@code (level, index >> level)}, base64;</li>
 *   <li>{@code audit_checkpoint}: one checkpoint per size 1 … N, each a C2SP checkpoint signed as a
 *       C2SP note with an Ed25519 key generated at run time (or read from {@code --key}); the
 *       signatures are computed with Bouncy Castle's RFC 8032 code ({@link LogKey#signFast}), which
 *       gives the JDK's bytes an order of magnitude faster;</li>
 *   <li>{@code audit_head}: size N.</li>
 * </ul>
 * The schema is the hub's own, applied with Flyway as {@code SchemaMigrator} does. On PostgreSQL the
 * rows go in with {@code COPY … FROM STDIN}, one transaction per batch (synchronous_commit off for
 * this session only: seeding is not what is measured); elsewhere with batched inserts. Entries come
 * from {@link EntryMix}; the Merkle tree is kept as a compact range in memory, so every root is
 * O(log n) hashes away. Afterwards it vacuums and analyses the audit tables, prints the seeding
 * rate and {@code pg_total_relation_size} of each table, and spot-checks the result through the hub's
 * own read path ({@link AuditTree} over {@code JdbcAuditStore}).
 *
 * <pre>
 * java -cp hub-bench/target/hub-bench.jar org.electionpool.hub.bench.audit.AuditSeeder \
 *     [--entries 1000000] [--url jdbc:postgresql://localhost:5432/hub_bench] [--batch 10000] \
 *     [--origin localhost:8080/audit-log] [--key FILE] [--seed 42] [--verify 2000] [--reset]
 * </pre>
 * User and password: {@code -Dbench.db.user}, {@code -Dbench.db.password} (default {@code hub_bench}).
 */
public final class AuditSeeder {

    /** The hub's default origin in dev mode ({@code <issuer host:port>/audit-log}). */
    public static final String DEFAULT_ORIGIN = "localhost:8080/audit-log";

    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT;

    private AuditSeeder() {
    }

    /**
     * Runs the seeder; see the class comment for the options.
     *
     * @param args the command line
     */
    public static void main(String[] args) throws Exception {
        long entries = 1_000_000;
        int batch = 10_000;
        String url = null;
        String origin = DEFAULT_ORIGIN;
        Path keyFile = null;
        long seed = 42;
        int verify = 2000;
        boolean reset = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--entries" -> entries = Long.parseLong(args[++i].replace("_", "").replace(",", ""));
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--url" -> url = args[++i];
                case "--origin" -> origin = args[++i];
                case "--key" -> keyFile = Path.of(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--verify" -> verify = Integer.parseInt(args[++i]);
                case "--reset" -> reset = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (see the javadoc of AuditSeeder)");
            }
        }
        BenchDatabase db = BenchDatabase.fromEnvironment().withUrl(url);
        System.out.println("# Flyway: schema at version " + db.migrate() + " (" + db.url() + ")");
        LogKey key = LogKey.loadOrGenerate(origin, keyFile);
        try (Connection c = db.connect()) {
            System.out.println("# " + BenchDatabase.describe(c) + "; Java " + System.getProperty("java.vm.version")
                    + "; " + Runtime.getRuntime().availableProcessors() + " CPUs");
            System.out.println("# verifier key: " + SignedNote.verifierKey(origin, SignedNote.rawKey(key.pair().getPublic())));
            long head = BenchDatabase.headSize(c);
            if (head != 0) {
                if (!reset) {
                    throw new IllegalStateException("the audit log already holds " + head
                            + " entries; pass --reset to empty it first");
                }
                empty(c);
            }
            Stats stats = seed(c, db.postgres(), entries, batch, key, Clock.tick(Clock.systemUTC(), Duration.ofNanos(1000)),
                    new SecureRandom(), new EntryMix(seed));
            System.out.printf(Locale.ROOT, "# seeded %,d entries in %.1f s: %,.0f entries/s"
                            + " (generating, hashing and signing: %.1f s of one thread plus %.1f s of parallel signing;"
                            + " writing: %.1f s)%n", entries, stats.wallNanos / 1e9, entries / (stats.wallNanos / 1e9),
                    stats.buildNanos / 1e9, stats.signNanos / 1e9, stats.writeNanos / 1e9);
            long t = System.nanoTime();
            maintain(c, db.postgres());
            System.out.printf(Locale.ROOT, "# vacuum analyze: %.1f s%n", (System.nanoTime() - t) / 1e9);
            if (db.postgres()) {
                System.out.println("# table sizes (pg_total_relation_size = heap + TOAST + indexes):");
                System.out.println("| table | rows | total | heap | indexes |");
                System.out.println("|---|---:|---:|---:|---:|");
                long total = 0;
                for (Map.Entry<String, long[]> e : BenchDatabase.tableSizes(c).entrySet()) {
                    long rows = count(c, e.getKey());
                    total += e.getValue()[0];
                    System.out.printf(Locale.ROOT, "| `%s` | %,d | %s | %s | %s |%n", e.getKey(), rows,
                            BenchDatabase.mib(e.getValue()[0]), BenchDatabase.mib(e.getValue()[1]),
                            BenchDatabase.mib(e.getValue()[2]));
                }
                System.out.println("# all audit tables: " + BenchDatabase.mib(total));
            }
            if (verify > 0) {
                verify(c, key, verify, seed, 0);
            }
        }
    }

    /** Where the time of a seeding run went (nanoseconds). */
    static final class Stats {
        long wallNanos;
        long buildNanos;
        long signNanos;
        long writeNanos;
    }

    /** The rows of one batch. */
    private record Batch(List<AuditLeaf> leaves, List<long[]> nodeKeys, List<byte[]> nodeHashes, String[] notes,
                         boolean last) {
    }

    /**
     * The RFC 9162 tree as a compact range: the complete subtrees covering leaves [0, size), left to
     * right, each its level and hash.
     */
    static final class CompactRange {
        private final int[] levels = new int[64];
        private final byte[][] hashes = new byte[64][];
        private int depth;

        /**
         * Adds leaf {@code index} (= the current size) and reports every subtree it completes, as
         * {@code AuditLogBean.append} stores them: (0, index) first, then (level, index >> level).
         */
        void append(long index, byte[] leafHash, List<long[]> keys, List<byte[]> out) {
            keys.add(new long[] {0, index});
            out.add(leafHash);
            byte[] hash = leafHash;
            int level = 0;
            while (depth > 0 && levels[depth - 1] == level) {
                depth--;
                hash = MerkleTree.hashChildren(hashes[depth], hash);
                level++;
                keys.add(new long[] {level, index >> level});
                out.add(hash);
            }
            levels[depth] = level;
            hashes[depth] = hash;
            depth++;
        }

        /** @return MTH of the leaves so far (RFC 9162 §2.1.1), the subtrees folded right to left */
        byte[] root() {
            if (depth == 0) {
                return MerkleTree.emptyRoot();
            }
            byte[] root = hashes[depth - 1];
            for (int i = depth - 2; i >= 0; i--) {
                root = MerkleTree.hashChildren(hashes[i], root);
            }
            return root;
        }
    }

    /**
     * Seeds an empty log (head at 0) with {@code entries} entries.
     *
     * @param c       the connection
     * @param copy    whether to use PostgreSQL's COPY (else batched inserts)
     * @param entries how many entries
     * @param batch   entries per transaction
     * @param key     the checkpoint key
     * @param clock   the recording clock
     * @param nonces  the leaf nonces
     * @param mix     the entries
     * @return where the time went
     */
    static Stats seed(Connection c, boolean copy, long entries, int batch, LogKey key, Clock clock, Random nonces,
                      EntryMix mix) throws Exception {
        Stats stats = new Stats();
        if (entries == 0) {
            return stats;
        }
        long start = System.nanoTime();
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(2);
        Thread producer = new Thread(() -> {
            try {
                CompactRange range = new CompactRange();
                for (long from = 0; from < entries; from += batch) {
                    long t0 = System.nanoTime();
                    int n = (int) Math.min(batch, entries - from);
                    List<AuditLeaf> leaves = new ArrayList<>(n);
                    List<long[]> keys = new ArrayList<>(2 * n + 64);
                    List<byte[]> hashes = new ArrayList<>(2 * n + 64);
                    byte[][] roots = new byte[n][];
                    for (int j = 0; j < n; j++) {
                        long index = from + j;
                        java.time.Instant now = clock.instant();
                        EntryMix.Entry e = mix.next(now);
                        AuditLeaf leaf = AuditLeaves.build(index, now, e.context(), e.action(), e.targetType(),
                                e.targetId(), e.details(), nonces);
                        leaves.add(leaf);
                        range.append(index, leaf.leafHash(), keys, hashes);
                        roots[j] = range.root();
                    }
                    long t1 = System.nanoTime();
                    // One checkpoint per batch, at its end, as the hub's sequencer signs them (ADR 0011).
                    String[] notes = new String[n];
                    notes[n - 1] = key.signFast(from + n, roots[n - 1]);
                    long t2 = System.nanoTime();
                    stats.buildNanos += t1 - t0;
                    stats.signNanos += t2 - t1;
                    queue.put(new Batch(leaves, keys, hashes, notes, from + n == entries));
                }
            } catch (Throwable e) {
                try {
                    queue.put(e);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "audit-seeder-producer");
        producer.setDaemon(true);
        producer.start();
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            if (copy) {
                try (Statement s = c.createStatement()) {
                    s.execute("set synchronous_commit = off");
                }
            }
            while (true) {
                Object next = queue.take();
                if (next instanceof Throwable t) {
                    throw new IllegalStateException("building entries failed", t);
                }
                Batch b = (Batch) next;
                long t0 = System.nanoTime();
                if (copy) {
                    copy(c, b);
                } else {
                    insert(c, b);
                }
                if (b.last()) {
                    try (PreparedStatement s = c.prepareStatement("update audit_head set size = ? where id = 1")) {
                        s.setLong(1, entries);
                        s.executeUpdate();
                    }
                }
                c.commit();
                stats.writeNanos += System.nanoTime() - t0;
                long done = b.leaves().get(b.leaves().size() - 1).index() + 1;
                if (done % (batch * 10L) == 0 || b.last()) {
                    System.out.printf(Locale.ROOT, "# %,d entries, %.0f entries/s%n", done,
                            done / ((System.nanoTime() - start) / 1e9));
                }
                if (b.last()) {
                    break;
                }
            }
        } finally {
            if (copy) {
                try (Statement s = c.createStatement()) {
                    s.execute("set synchronous_commit = on");
                }
                c.commit();
            }
            c.setAutoCommit(autoCommit);
        }
        stats.wallNanos = System.nanoTime() - start;
        return stats;
    }

    private static void copy(Connection c, Batch b) throws SQLException, java.io.IOException {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        StringBuilder rows = new StringBuilder(b.leaves().size() * 1600);
        for (AuditLeaf l : b.leaves()) {
            rows.append(l.index()).append('\t').append(l.index()).append('\t').append(ISO.format(l.recordedAt())).append('\t');
            field(rows, l.action()).append('\t');
            field(rows, new String(l.leaf(), StandardCharsets.UTF_8)).append('\t');
            rows.append(B64.encodeToString(l.leafHash())).append('\t');
            field(rows, l.actorOrg()).append('\t');
            field(rows, l.jti()).append('\t');
            field(rows, l.targetType()).append('\t');
            field(rows, l.targetId()).append('\t');
            field(rows, l.evidence()).append('\n');
        }
        copy.copyIn("copy audit_entry (idx, ref, recorded_at, action, leaf, leaf_hash, actor_org, jti, target_type,"
                + " target_id, evidence) from stdin", new ByteArrayInputStream(rows.toString().getBytes(StandardCharsets.UTF_8)));
        rows.setLength(0);
        for (int i = 0; i < b.nodeKeys().size(); i++) {
            long[] k = b.nodeKeys().get(i);
            rows.append(k[0]).append('\t').append(k[1]).append('\t').append(B64.encodeToString(b.nodeHashes().get(i)))
                    .append('\n');
        }
        copy.copyIn("copy audit_node (level, node_index, hash) from stdin",
                new ByteArrayInputStream(rows.toString().getBytes(StandardCharsets.UTF_8)));
        rows.setLength(0);
        for (int i = 0; i < b.leaves().size(); i++) {
            AuditLeaf l = b.leaves().get(i);
            if (b.notes()[i] == null) {
                continue;
            }
            rows.append(l.index() + 1).append('\t');
            field(rows, b.notes()[i]).append('\t').append(ISO.format(l.recordedAt())).append('\n');
        }
        copy.copyIn("copy audit_checkpoint (size, note, created_at) from stdin",
                new ByteArrayInputStream(rows.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** Appends a value in COPY's text format: {@code \N} for null, backslash escapes for the rest. */
    private static StringBuilder field(StringBuilder out, String value) {
        if (value == null) {
            return out.append("\\N");
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(ch);
            }
        }
        return out;
    }

    private static void insert(Connection c, Batch b) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into audit_entry (idx, ref, recorded_at, action, leaf,"
                + " leaf_hash, actor_org, jti, target_type, target_id, evidence) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (AuditLeaf l : b.leaves()) {
                s.setLong(1, l.index());
                s.setLong(2, l.index()); // the seeder's entries are referenced by their index, as pre-V17 ones
                s.setObject(3, OffsetDateTime.ofInstant(l.recordedAt(), ZoneOffset.UTC));
                s.setString(4, l.action());
                s.setString(5, new String(l.leaf(), StandardCharsets.UTF_8));
                s.setString(6, B64.encodeToString(l.leafHash()));
                s.setString(7, l.actorOrg());
                s.setString(8, l.jti());
                s.setString(9, l.targetType());
                s.setString(10, l.targetId());
                s.setString(11, l.evidence());
                s.addBatch();
            }
            s.executeBatch();
        }
        try (PreparedStatement s = c.prepareStatement("insert into audit_node (level, node_index, hash) values (?, ?, ?)")) {
            for (int i = 0; i < b.nodeKeys().size(); i++) {
                s.setInt(1, (int) b.nodeKeys().get(i)[0]);
                s.setLong(2, b.nodeKeys().get(i)[1]);
                s.setString(3, B64.encodeToString(b.nodeHashes().get(i)));
                s.addBatch();
            }
            s.executeBatch();
        }
        try (PreparedStatement s = c.prepareStatement(
                "insert into audit_checkpoint (size, note, created_at) values (?, ?, ?)")) {
            for (int i = 0; i < b.leaves().size(); i++) {
                AuditLeaf l = b.leaves().get(i);
                if (b.notes()[i] == null) {
                    continue;
                }
                s.setLong(1, l.index() + 1);
                s.setString(2, b.notes()[i]);
                s.setObject(3, OffsetDateTime.ofInstant(l.recordedAt(), ZoneOffset.UTC));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Empties the audit log: its tables truncated, the head back at 0. */
    static void empty(Connection c) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (String table : new String[] {"audit_entry", "audit_node", "audit_checkpoint", "audit_pending"}) {
                s.executeUpdate("truncate table " + table);
            }
            s.executeUpdate("update audit_head set size = 0 where id = 1");
            c.commit();
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static void maintain(Connection c, boolean postgres) throws SQLException {
        if (!postgres) {
            return;
        }
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            for (String table : new String[] {"audit_entry", "audit_node", "audit_checkpoint", "audit_head"}) {
                s.execute("vacuum analyze " + table);
            }
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select count(*) from " + table)) {
            r.next();
            return r.getLong(1);
        }
    }

    /**
     * Spot-checks a seeded log through the hub's read path: row counts; for {@code samples} random
     * sizes, the stored checkpoint verifies under the key and states the root that
     * {@code MerkleTree.root} computes from the stored subtrees; for as many random entries, the
     * leaf is canonical, states its index, and its hash is the stored leaf hash and level-0 node,
     * and the entry's inclusion proof at the head verifies against the head's checkpoint; for as
     * many random inner nodes, the stored hash is the hash of its stored children.
     *
     * @param from only entries from this index on, and checkpoints of larger sizes, are sampled (the
     *             ones signed with {@code key})
     * @throws IllegalStateException at the first discrepancy
     */
    static void verify(Connection c, LogKey key, int samples, long seed, long from) throws SQLException, ProofException {
        long t0 = System.nanoTime();
        long size = BenchDatabase.headSize(c);
        long expectedNodes = 0;
        for (int level = 0; level < 64 && (size >> level) > 0; level++) {
            expectedNodes += size >> level;
        }
        check(count(c, "audit_entry") == size, "audit_entry holds " + count(c, "audit_entry") + " rows, not " + size);
        check(count(c, "audit_checkpoint") >= (size > 0 ? 1 : 0), "audit_checkpoint holds no checkpoint");
        check(count(c, "audit_node") == expectedNodes, "audit_node holds " + count(c, "audit_node")
                + " rows, not " + expectedNodes);
        if (size <= from) {
            return;
        }
        org.electionpool.hub.audit.jdbc.JdbcAuditStore store = new org.electionpool.hub.audit.jdbc.JdbcAuditStore(c);
        SignedNote.VerifierKey vkey = key.verifierKey();
        Random random = new Random(seed ^ 0x5eed);
        byte[] headRoot = checkpointRoot(c, vkey, size);
        check(java.util.Arrays.equals(headRoot, AuditTree.root(store, size)), "the head checkpoint's root differs");
        for (int i = 0; i < samples; i++) {
            long s = storedCheckpointFrom(c, from + 1 + Math.floorMod(random.nextLong(), size - from));
            check(java.util.Arrays.equals(checkpointRoot(c, vkey, s), AuditTree.root(store, s)),
                    "checkpoint " + s + " states another root than the stored subtrees give");
            long index = from + Math.floorMod(random.nextLong(), size - from);
            String leaf;
            String leafHash;
            try (PreparedStatement p = c.prepareStatement("select leaf, leaf_hash from audit_entry where idx = ?")) {
                p.setLong(1, index);
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    leaf = r.getString(1);
                    leafHash = r.getString(2);
                }
            }
            byte[] bytes = leaf.getBytes(StandardCharsets.UTF_8);
            check(java.util.Arrays.equals(org.electionpool.hub.protocol.json.CanonicalJson.canonicalize(leaf), bytes),
                    "leaf " + index + " is not canonical");
            check(leaf.startsWith("{\"action\":") && leaf.contains(",\"index\":" + index + ","),
                    "leaf " + index + " does not state its index");
            byte[] hash = MerkleTree.hashLeaf(bytes);
            check(B64.encodeToString(hash).equals(leafHash) && java.util.Arrays.equals(hash, node(store, 0, index)),
                    "leaf hash " + index + " differs");
            MerkleTree.verifyInclusion(index, size, hash, AuditTree.inclusionProof(store, index, size), headRoot);
            if (size < 2) {
                continue;
            }
            int level = 1 + random.nextInt(63 - Long.numberOfLeadingZeros(size));
            long node = Math.floorMod(random.nextLong(), size >> level);
            check(java.util.Arrays.equals(node(store, level, node), MerkleTree.hashChildren(node(store, level - 1, 2 * node),
                    node(store, level - 1, 2 * node + 1))), "node (" + level + ", " + node + ") differs");
        }
        System.out.printf(Locale.ROOT, "# verified: row counts, head checkpoint, %d random checkpoints, leaves,"
                + " inclusion proofs and inner nodes from index %d on (%.1f s)%n", samples, from,
                (System.nanoTime() - t0) / 1e9);
    }

    private static byte[] node(org.electionpool.hub.audit.jdbc.JdbcAuditStore store, int level, long index) {
        byte[] hash = store.nodes(java.util.List.of(new MerkleTree.NodeId(level, index))).get(new MerkleTree.NodeId(level, index));
        check(hash != null, "no stored subtree hash (" + level + ", " + index + ")");
        return hash;
    }

    /** @return the smallest size ≥ {@code size} with a stored checkpoint (the head always has one) */
    private static long storedCheckpointFrom(Connection c, long size) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("select min(size) from audit_checkpoint where size >= ?")) {
            p.setLong(1, size);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static byte[] checkpointRoot(Connection c, SignedNote.VerifierKey key, long size) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("select note from audit_checkpoint where size = ?")) {
            p.setLong(1, size);
            try (ResultSet r = p.executeQuery()) {
                check(r.next(), "no checkpoint of size " + size);
                Checkpoint checkpoint = Checkpoint.parse(SignedNote.open(r.getString(1), key));
                check(checkpoint.size() == size && checkpoint.origin().equals(key.name()),
                        "checkpoint " + size + " states another size or origin");
                return checkpoint.rootHash();
            }
        }
    }

    private static void check(boolean ok, String problem) {
        if (!ok) {
            throw new IllegalStateException(problem);
        }
    }
}
