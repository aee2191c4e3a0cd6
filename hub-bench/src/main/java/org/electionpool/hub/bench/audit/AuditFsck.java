package org.electionpool.hub.bench.audit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.electionpool.hub.protocol.log.SignedNote;
import org.electionpool.hub.audit.domain.LogScan;
import org.electionpool.hub.audit.domain.NodeKey;

/**
 * {@code AuditLogBean.fsck()} over plain JDBC, timed: the same queries statement for statement (the
 * head size; per batch of {@value #FSCK_BATCH} entries, the entries — limited to the batch, as
 * Hibernate limits the native query —, the stored subtree hashes completed in the batch with one
 * range query per level, and the checkpoints of the batch; finally the tail query), and the same
 * checks, because both feed the rows to hub-ejb's {@link LogScan}: strict canonical JSON, own index,
 * evidence digest, leaf hash, every completed subtree hash, and each checkpoint's Ed25519 signature
 * (JDK), size, origin and root. The bean runs without a transaction ({@code NOT_SUPPORTED},
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
        LogScan scan = new LogScan(key);
        while (scan.next() < size) {
            long from = scan.next();
            List<Object[]> rows = list("select idx, leaf, leaf_hash, evidence from audit_entry where idx >= ?"
                    + " order by idx fetch first ? rows only", from, FSCK_BATCH);
            if (rows.isEmpty()) {
                return bad(size, from, scan.checkpointsChecked(), from, "entry missing");
            }
            Map<Long, byte[]> nodes = nodesCompletedIn(from, from + rows.size());
            Map<Long, String> notes = new HashMap<>();
            for (Object[] r : list("select size, note from audit_checkpoint where size > ? and size <= ?", from,
                    from + FSCK_BATCH)) {
                notes.put(((Number) r[0]).longValue(), (String) r[1]);
            }
            for (Object[] r : rows) {
                long index = scan.next();
                if (((Number) r[0]).longValue() != index) {
                    return bad(size, index, scan.checkpointsChecked(), index, "entry missing");
                }
                String note = notes.get(index + 1);
                long v0 = System.nanoTime();
                String problem = scan.accept(((String) r[1]).getBytes(StandardCharsets.UTF_8), (String) r[2],
                        (String) r[3], (level, node) -> nodes.get(NodeKey.of(level, node)), note);
                if (note != null) {
                    verifyNanos += System.nanoTime() - v0; // dominated by the checkpoint's signature check
                }
                if (problem != null) {
                    return bad(size, index, scan.checkpointsChecked(), index, problem);
                }
            }
        }
        long expected = scan.next();
        long checkpoints = scan.checkpointsChecked();
        Object[] tail = list("select (select count(*) from audit_entry where idx >= ?),"
                + " (select count(*) from audit_checkpoint where size > ?),"
                + " (select count(*) from audit_checkpoint where size >= 1 and size <= ?),"
                + " (select count(*) from audit_node where level = 0 and node_index >= ?)", size, size, size, size).get(0);
        String beyond = LogScan.tailProblem(size, ((Number) tail[0]).longValue(), ((Number) tail[3]).longValue(),
                ((Number) tail[1]).longValue());
        if (beyond != null) {
            return bad(size, expected, checkpoints, size, beyond);
        }
        if (((Number) tail[2]).longValue() != size) {
            return bad(size, expected, checkpoints, -1, "a checkpoint is missing");
        }
        return new Report(size, expected, checkpoints, true, null, null);
    }

    private Map<Long, byte[]> nodesCompletedIn(long from, long to) throws SQLException {
        Map<Long, byte[]> nodes = new HashMap<>();
        for (int level = 0; level < 62 && (1L << level) <= to; level++) {
            long[] span = LogScan.nodesCompletedIn(level, from, to);
            if (span == null) {
                continue;
            }
            for (Object[] r : list("select node_index, hash from audit_node where level = ?"
                    + " and node_index >= ? and node_index <= ?", level, span[0], span[1])) {
                nodes.put(NodeKey.of(level, ((Number) r[0]).longValue()), B64D.decode((String) r[1]));
            }
        }
        return nodes;
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
