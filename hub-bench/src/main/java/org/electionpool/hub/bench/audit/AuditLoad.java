package org.electionpool.hub.bench.audit;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.electionpool.hub.audit.domain.AuditAppender;
import org.electionpool.hub.audit.jdbc.JdbcAuditStore;

/**
 * Durable appends per second: {@code T} writer threads, each with its own connection, append
 * entries for a fixed time, each in a transaction of its own — the shape of
 * {@code AuditLog.appendNow} (the audited reads): begin, the hub's own {@link AuditAppender#append}
 * over a {@link JdbcAuditStore} (head lock, frontier read, leaf, subtree hashes, head update, root
 * and signed checkpoint — the algorithm {@code AuditLogBean} runs over its JPA store), commit. On PostgreSQL the session
 * runs with {@code synchronous_commit = on} (checked), so every counted append is on disk when its
 * commit returns.
 *
 * <p>Reports per thread count: appends, appends/s, latency (begin to commit returned) p50, p99,
 * p99.9 and max, and statements per append. Entries come from {@link EntryMix}. Appends extend
 * whatever log the database holds (the seeded one: the tree's depth, and so the work per append,
 * is that of a log of that size); afterwards the appended range is verified like the seeder's.
 *
 * <pre>
 * java -cp hub-bench/target/hub-bench.jar org.electionpool.hub.bench.audit.AuditLoad \
 *     [--threads 1,4,16] [--duration 30] [--warmup 5] [--url jdbc:postgresql://localhost:5432/hub_bench] \
 *     [--origin localhost:8080/audit-log] [--key FILE] [--verify 200]
 * </pre>
 * The schema is brought up to date with Flyway first (as the hub does at start-up), so an empty
 * database (or an H2 file URL) works too.
 */
public final class AuditLoad {

    private AuditLoad() {
    }

    /**
     * Runs the load; see the class comment for the options.
     *
     * @param args the command line
     */
    public static void main(String[] args) throws Exception {
        int[] threads = {1, 4, 16};
        int duration = 30;
        int warmup = 5;
        String url = null;
        String origin = AuditSeeder.DEFAULT_ORIGIN;
        Path keyFile = null;
        int verify = 200;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--threads" -> threads = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--duration" -> duration = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--url" -> url = args[++i];
                case "--origin" -> origin = args[++i];
                case "--key" -> keyFile = Path.of(args[++i]);
                case "--verify" -> verify = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (see the javadoc of AuditLoad)");
            }
        }
        BenchDatabase db = BenchDatabase.fromEnvironment().withUrl(url);
        System.out.println("# Flyway: schema at version " + db.migrate());
        LogKey key = LogKey.loadOrGenerate(origin, keyFile);
        long first;
        try (Connection c = db.connect()) {
            first = BenchDatabase.headSize(c);
            System.out.printf(Locale.ROOT, "# %s; Java %s; %d CPUs; log size at start %,d%n", BenchDatabase.describe(c),
                    System.getProperty("java.vm.version"), Runtime.getRuntime().availableProcessors(), first);
        }
        System.out.println("| threads | appends | appends/s | p50 ms | p99 ms | p99.9 ms | max ms | statements/append |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int t : threads) {
            Result r = run(db, key, t, Duration.ofSeconds(warmup), Duration.ofSeconds(duration));
            System.out.printf(Locale.ROOT, "| %d | %,d | %,.0f | %.2f | %.2f | %.2f | %.2f | %.1f |%n", t, r.appends,
                    r.appends / (duration * 1.0), r.percentile(50), r.percentile(99), r.percentile(99.9),
                    r.percentile(100), r.statements / (double) Math.max(1, r.statementAppends));
        }
        if (verify > 0) {
            try (Connection c = db.connect()) {
                AuditSeeder.verify(c, key, verify, 7, first);
            }
        }
    }

    /** The outcome of one phase. */
    static final class Result {
        long appends;
        long statements;
        long statementAppends;
        long[] latencies = new long[0];

        /** @return the given percentile of the measured latencies, in milliseconds */
        double percentile(double p) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(p / 100.0 * latencies.length) - 1;
            return latencies[Math.max(0, Math.min(latencies.length - 1, i))] / 1e6;
        }
    }

    /**
     * One phase: {@code threads} writers for {@code warmup} plus {@code measure}; only appends that
     * start and commit within the measured window count.
     */
    static Result run(BenchDatabase db, LogKey key, int threads, Duration warmup, Duration measure) throws Exception {
        long start = System.nanoTime() + 200_000_000L; // every writer connected by then
        long from = start + warmup.toNanos();
        long until = from + measure.toNanos();
        List<long[]> latencies = new ArrayList<>();
        AtomicLong statements = new AtomicLong();
        AtomicLong statementAppends = new AtomicLong();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            latencies.add(null);
            int slot = t;
            Thread writer = new Thread(() -> {
                long[] lat = new long[1024];
                int n = 0;
                try (Connection c = db.connect()) {
                    c.setAutoCommit(false);
                    if (db.postgres()) {
                        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("show synchronous_commit")) {
                            r.next();
                            if (!"on".equals(r.getString(1))) {
                                throw new IllegalStateException("synchronous_commit is " + r.getString(1) + ", not on");
                            }
                        }
                        c.commit();
                    }
                    JdbcAuditStore store = new JdbcAuditStore(c);
                    SecureRandom nonces = new SecureRandom();
                    AuditAppender log = new AuditAppender(Clock.tick(Clock.systemUTC(), Duration.ofNanos(1000)),
                            nonces::nextBytes, key::sign);
                    EntryMix mix = new EntryMix(System.nanoTime() ^ slot);
                    while (System.nanoTime() < start) {
                        Thread.sleep(1);
                    }
                    long measuredStatements = 0;
                    long measuredAppends = 0;
                    while (true) {
                        long t0 = System.nanoTime();
                        if (t0 >= until) {
                            break;
                        }
                        long before = store.statements();
                        EntryMix.Entry e = mix.next(Clock.systemUTC().instant());
                        try {
                            log.append(store, e.context(), e.action(), e.targetType(), e.targetId(), e.details());
                            c.commit();
                        } catch (SQLException | RuntimeException ex) {
                            c.rollback();
                            throw ex;
                        }
                        long t1 = System.nanoTime();
                        if (t0 >= from && t1 <= until) {
                            if (n == lat.length) {
                                lat = Arrays.copyOf(lat, n * 2);
                            }
                            lat[n++] = t1 - t0;
                            measuredStatements += store.statements() - before;
                            measuredAppends++;
                        }
                    }
                    statements.addAndGet(measuredStatements);
                    statementAppends.addAndGet(measuredAppends);
                } catch (Throwable e) {
                    failures.add(e);
                } finally {
                    long[] measured = Arrays.copyOf(lat, n);
                    synchronized (latencies) {
                        latencies.set(slot, measured);
                    }
                    done.countDown();
                }
            }, "audit-writer-" + t);
            writer.start();
        }
        done.await();
        if (!failures.isEmpty()) {
            IllegalStateException e = new IllegalStateException("a writer failed", failures.get(0));
            failures.stream().skip(1).forEach(e::addSuppressed);
            throw e;
        }
        Result result = new Result();
        result.latencies = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        result.appends = result.latencies.length;
        result.statements = statements.get();
        result.statementAppends = statementAppends.get();
        return result;
    }
}
