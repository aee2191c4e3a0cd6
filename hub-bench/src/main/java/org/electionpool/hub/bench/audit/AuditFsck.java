package org.electionpool.hub.bench.audit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.api.audit.CanonicalJson;
import org.electionpool.hub.api.audit.Checkpoint;
import org.electionpool.hub.api.audit.MerkleTree;
import org.electionpool.hub.api.audit.SignedNote;
import org.electionpool.hub.api.hxp.StrictJson;

/**
 * {@code AuditLogBean.fsck()} over plain JDBC, statement for statement and check for check (as of
 * e572793), timed: the head size; per batch of {@value #FSCK_BATCH} entries, the entries
 * ({@code select idx, leaf, leaf_hash, evidence from audit_entry where idx >= ? order by idx},
 * limited to the batch — Hibernate adds the limit to the native query), the stored subtree hashes
 * completed in the batch (one range query per level, {@code nodesCompletedIn}) and the checkpoints
 * of the batch; per entry, the leaf checks ({@code checkLeaf}: strict JSON, canonical form, own
 * index, evidence digest, leaf hash, level-0 node), the subtree hashes it completes, and its
 * checkpoint ({@code checkCheckpoint}: Ed25519 signature with the JDK, size, origin, root from the
 * compact range); finally the tail query. The bean runs without a transaction ({@code NOT_SUPPORTED}),
 * so this runs with auto-commit on.
 *
 * <pre>
 * java -cp hub-bench/target/hub-bench.jar org.electionpool.hub.bench.audit.AuditFsck \
 *     [--url jdbc:postgresql://localhost:5432/hub_bench] [--origin localhost:8080/audit-log] --key FILE
 * </pre>
 */
public final class AuditFsck {

    /** {@code AuditLogBean.FSCK_BATCH}. */
    static final int FSCK_BATCH = 1000;

    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final Connection em;
    private long queries;
    private long verifyNanos;

    private AuditFsck(Connection connection) {
        this.em = connection;
    }

    /**
     * Runs fsck once; see the class comment for the options.
     *
     * @param args the command line
     */
    public static void main(String[] args) throws Exception {
        String url = null;
        String origin = AuditSeeder.DEFAULT_ORIGIN;
        Path keyFile = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--origin" -> origin = args[++i];
                case "--key" -> keyFile = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (see the javadoc of AuditFsck)");
            }
        }
        if (keyFile == null) {
            throw new IllegalArgumentException("--key FILE: the key the log was seeded with");
        }
        BenchDatabase db = BenchDatabase.fromEnvironment().withUrl(url);
        LogKey key = LogKey.loadOrGenerate(origin, keyFile);
        try (Connection c = db.connect()) {
            c.setAutoCommit(true);
            System.out.printf(Locale.ROOT, "# %s; Java %s; %d CPUs%n", BenchDatabase.describe(c),
                    System.getProperty("java.vm.version"), Runtime.getRuntime().availableProcessors());
            AuditFsck fsck = new AuditFsck(c);
            long t0 = System.nanoTime();
            Report report = fsck.fsck(SignedNote.VerifierKey.parse(SignedNote.verifierKey(origin,
                    SignedNote.rawKey(key.pair().getPublic()))));
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "# fsck: %s; size %,d, %,d entries and %,d checkpoints checked in %.1f s"
                            + " (%,.0f entries/s); %,d queries (%.2f per entry); of which checkpoint signature"
                            + " verification %.1f s%n", report.ok ? "ok" : "FAILED at " + report.index + ": " + report.problem,
                    report.size, report.checked, report.checkpoints, seconds, report.checked / seconds, fsck.queries,
                    fsck.queries / (double) Math.max(1, report.checked), fsck.verifyNanos / 1e9);
        }
    }

    /** {@code FsckReport}. */
    record Report(long size, long checked, long checkpoints, boolean ok, Long index, String problem) {
    }

    Report fsck(SignedNote.VerifierKey key) throws SQLException {
        long size = single("select size from audit_head where id = 1");
        ArrayDeque<byte[]> range = new ArrayDeque<>(); // compact range: complete subtrees, left to right
        ArrayDeque<Integer> levels = new ArrayDeque<>();
        long expected = 0;
        long checkpoints = 0;
        while (expected < size) {
            List<Object[]> rows = list("select idx, leaf, leaf_hash, evidence from audit_entry where idx >= ?"
                    + " order by idx fetch first ? rows only", expected, FSCK_BATCH);
            if (rows.isEmpty()) {
                return bad(size, expected, checkpoints, expected, "entry missing");
            }
            long batchEnd = expected + rows.size();
            Map<Long, byte[]> nodes = nodesCompletedIn(expected, batchEnd);
            Map<Long, String> notes = new HashMap<>();
            for (Object[] r : list("select size, note from audit_checkpoint where size > ? and size <= ?", expected,
                    expected + FSCK_BATCH)) {
                notes.put(((Number) r[0]).longValue(), (String) r[1]);
            }
            for (Object[] r : rows) {
                long index = ((Number) r[0]).longValue();
                if (index != expected) {
                    return bad(size, expected, checkpoints, expected, "entry missing");
                }
                byte[] leaf = ((String) r[1]).getBytes(StandardCharsets.UTF_8);
                String problem = checkLeaf(index, leaf, (String) r[2], (String) r[3], nodeIn(nodes, 0, index));
                if (problem != null) {
                    return bad(size, index, checkpoints, index, problem);
                }
                byte[] hash = MerkleTree.hashLeaf(leaf);
                int level = 0;
                while (!levels.isEmpty() && levels.peekLast() == level) {
                    levels.removeLast();
                    hash = MerkleTree.hashChildren(range.removeLast(), hash);
                    level++;
                    if (!java.security.MessageDigest.isEqual(hash, nodeIn(nodes, level, index >> level))) {
                        return bad(size, index, checkpoints, index, "stored subtree hash (" + level + ", "
                                + (index >> level) + ") differs from the recomputed one");
                    }
                }
                range.addLast(hash);
                levels.addLast(level);
                String note = notes.get(index + 1);
                if (note != null) {
                    checkpoints++;
                    long v0 = System.nanoTime();
                    String checkpointProblem = checkCheckpoint(note, key, index + 1, rootOf(range));
                    verifyNanos += System.nanoTime() - v0;
                    if (checkpointProblem != null) {
                        return bad(size, index, checkpoints, index, checkpointProblem);
                    }
                }
                expected++;
            }
        }
        Object[] tail = list("select (select count(*) from audit_entry where idx >= ?),"
                + " (select count(*) from audit_checkpoint where size > ?),"
                + " (select count(*) from audit_checkpoint where size >= 1 and size <= ?),"
                + " (select count(*) from audit_node where level = 0 and node_index >= ?)", size, size, size, size).get(0);
        if (((Number) tail[0]).longValue() > 0 || ((Number) tail[3]).longValue() > 0) {
            return bad(size, expected, checkpoints, size, "entries beyond the log head (size " + size
                    + "): the head was moved back");
        }
        if (((Number) tail[1]).longValue() > 0) {
            return bad(size, expected, checkpoints, size, "checkpoints beyond the log head (size " + size
                    + "): entries were removed from the end");
        }
        if (((Number) tail[2]).longValue() != size) {
            return bad(size, expected, checkpoints, -1, "a checkpoint is missing");
        }
        return new Report(size, expected, checkpoints, true, null, null);
    }

    private Map<Long, byte[]> nodesCompletedIn(long from, long to) throws SQLException {
        Map<Long, byte[]> nodes = new HashMap<>();
        for (int level = 0; level < 62 && (1L << level) <= to; level++) {
            long first = ((from + (1L << level)) >> level) - 1;
            long last = (to >> level) - 1;
            if (last < first) {
                continue;
            }
            for (Object[] r : list("select node_index, hash from audit_node where level = ?"
                    + " and node_index >= ? and node_index <= ?", level, first, last)) {
                nodes.put(nodeKey(level, ((Number) r[0]).longValue()), B64D.decode((String) r[1]));
            }
        }
        return nodes;
    }

    private static long nodeKey(int level, long index) {
        // AuditLogBean.nodeKey since 691359d: keys are range-checked
        if (level < 0 || level > 63 || index < 0 || index > (1L << 56) - 1) {
            throw new IllegalArgumentException("no subtree (" + level + ", " + index + ") in a log of this size");
        }
        return ((long) level << 56) | index;
    }

    private static byte[] nodeIn(Map<Long, byte[]> nodes, int level, long index) {
        return nodes.getOrDefault(nodeKey(level, index), new byte[0]);
    }

    private static String checkLeaf(long index, byte[] leaf, String storedHash, String evidence, byte[] storedNode) {
        Object parsed;
        try {
            parsed = StrictJson.parse(new String(leaf, StandardCharsets.UTF_8), CanonicalJson.MAX_DEPTH);
        } catch (IllegalArgumentException e) {
            return "leaf is not JSON";
        }
        if (!java.util.Arrays.equals(CanonicalJson.write(parsed), leaf)) {
            return "leaf is not canonical JSON";
        }
        if (!(parsed instanceof Map<?, ?> entry) || !(entry.get("index") instanceof Number n) || n.longValue() != index) {
            return "leaf does not state its own index";
        }
        Object evidenceHash = entry.get("evidence_sha256");
        boolean withheld = entry.get("evidence_withheld") != null;
        if (evidenceHash == null ? evidence != null
                : evidence == null ? !withheld : withheld || !AuditContext.sha256(evidence).equals(evidenceHash)) {
            return "stored evidence differs from the leaf's evidence_sha256";
        }
        byte[] hash = MerkleTree.hashLeaf(leaf);
        if (!B64.encodeToString(hash).equals(storedHash)) {
            return "stored leaf hash differs from the hash of the leaf";
        }
        if (!java.security.MessageDigest.isEqual(hash, storedNode)) {
            return "stored subtree hash (0, " + index + ") differs from the leaf hash";
        }
        return null;
    }

    private static String checkCheckpoint(String note, SignedNote.VerifierKey key, long size, byte[] root) {
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.parse(SignedNote.open(note, key));
        } catch (IllegalArgumentException e) {
            return "checkpoint of size " + size + " does not verify: " + e.getMessage();
        }
        if (checkpoint.size() != size || !key.name().equals(checkpoint.origin())) {
            return "checkpoint of size " + size + " states another size or origin";
        }
        if (!java.security.MessageDigest.isEqual(checkpoint.rootHash(), root)) {
            return "checkpoint of size " + size + " states another root than the entries give";
        }
        return null;
    }

    private static byte[] rootOf(ArrayDeque<byte[]> range) {
        Iterator<byte[]> fromRight = range.descendingIterator();
        byte[] root = fromRight.next();
        while (fromRight.hasNext()) {
            root = MerkleTree.hashChildren(fromRight.next(), root);
        }
        return root;
    }

    private static Report bad(long size, long checked, long checkpoints, long index, String problem) {
        return new Report(size, checked, checkpoints, false, index, problem);
    }

    private long single(String sql) throws SQLException {
        return ((Number) list(sql).get(0)[0]).longValue();
    }

    /** A native query as the bean sends it: prepared on every call, integer levels, long indexes. */
    private List<Object[]> list(String sql, Object... parameters) throws SQLException {
        queries++;
        try (PreparedStatement s = em.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                int columns = r.getMetaData().getColumnCount();
                List<Object[]> rows = new ArrayList<>();
                while (r.next()) {
                    Object[] row = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = r.getObject(i + 1);
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }
}
