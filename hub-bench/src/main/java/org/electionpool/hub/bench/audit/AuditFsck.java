package org.electionpool.hub.bench.audit;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.Locale;
import org.electionpool.hub.api.audit.FsckReport;
import org.electionpool.hub.protocol.log.SignedNote;
import org.electionpool.hub.audit.domain.LogCheck;
import org.electionpool.hub.audit.jdbc.JdbcAuditStore;

/**
 * The hub's consistency check, timed: hub-ejb's own {@link LogCheck} — the code
 * {@code AuditServiceBean.fsck} runs over its JPA store — over a {@link JdbcAuditStore} with the same
 * statements (the head size; per batch of {@value LogCheck#BATCH} entries, the entries, the stored
 * subtree hashes completed in the batch with one range query per level, and the checkpoints of the
 * batch; finally the tail query), and the same checks: strict canonical JSON, own index, evidence
 * digest, leaf hash, every completed subtree hash, and each checkpoint's Ed25519 signature (JDK),
 * size, origin and root. The bean runs without a transaction ({@code NOT_SUPPORTED}), so this runs
 * with auto-commit on.
 *
 * <pre>
 * java -cp hub-bench/target/hub-bench.jar org.electionpool.hub.bench.audit.AuditFsck \
 *     [--url jdbc:postgresql://localhost:5432/hub_bench] [--origin localhost:8080/audit-log] --key FILE
 * </pre>
 */
public final class AuditFsck {

    private AuditFsck() {
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
            JdbcAuditStore store = new JdbcAuditStore(c);
            long[] verifyNanos = new long[1];
            long t0 = System.nanoTime();
            FsckReport report = LogCheck.run(store, SignedNote.VerifierKey.parse(SignedNote.verifierKey(origin,
                    SignedNote.rawKey(key.pair().getPublic()))), verifyNanos);
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "# fsck: %s; size %,d, %,d entries and %,d checkpoints checked in %.1f s"
                            + " (%,.0f entries/s); %,d queries (%.2f per entry); of which checkpoint signature"
                            + " verification %.1f s%n", report.ok() ? "ok" : "FAILED at " + report.firstBadIndex() + ": "
                            + report.problem(), report.size(), report.entriesChecked(), report.checkpointsChecked(), seconds,
                    report.entriesChecked() / seconds, store.statements(),
                    store.statements() / (double) Math.max(1, report.entriesChecked()), verifyNanos[0] / 1e9);
        }
    }
}
