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
import org.electionpool.hub.audit.domain.AuditBatcher;
import org.electionpool.hub.audit.domain.PendingEntry;
import java.util.concurrent.CompletableFuture;
import org.electionpool.hub.audit.jdbc.JdbcAuditStore;

/**
 * Durable appends per second with the batched log (ADR 0011): {@code T} writer threads, each with
 * its own connection, append entries for a fixed time, each in a transaction of its own — the shape
 * of {@code AuditLog.appendNow} (the audited reads): begin, a reference and the pending entry
 * ({@code audit_pending}), commit; then the writer waits until the sequencer has integrated its
 * entry, as the hub's committing thread does. One sequencer thread, with a connection of its own,
 * runs the hub's own {@link AuditBatcher#integrate} over a {@link JdbcAuditStore} (head lock, pending
 * read, frontier read, leaves, subtree hashes, head update, one signed checkpoint, pending delete —
 * the algorithm {@code AuditBatchBean} runs over its JPA store) and commits, then releases the
 * writers whose entries the batch held. On PostgreSQL every session runs with
 * {@code synchronous_commit = on} (checked), so every counted append is on disk — entry, subtrees
 * and checkpoint — when its writer is released.
 *
 * <p>Reports per thread count: appends, appends/s, latency (begin to integrated) p50, p99,
 * p99.9 and max, statements per append (the writer's and its share of the sequencer's) and the mean
 * batch size. Entries come from {@link EntryMix}. Appends extend
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
        System.out.println("| threads | appends | appends/s | p50 ms | p99 ms | p99.9 ms | max ms | statements/append |"
                + " mean batch |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int t : threads) {
            Result r = run(db, key, t, Duration.ofSeconds(warmup), Duration.ofSeconds(duration));
            System.out.printf(Locale.ROOT, "| %d | %,d | %,.0f | %.2f | %.2f | %.2f | %.2f | %.1f | %.1f |%n", t, r.appends,
                    r.appends / (duration * 1.0), r.percentile(50), r.percentile(99), r.percentile(99.9),
                    r.percentile(100), r.statements / (double) Math.max(1, r.statementAppends),
                    r.batchedEntries / (double) Math.max(1, r.batches));
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
        long batches;
        long batchedEntries;
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
        Sequencer sequencer = new Sequencer(db, key, from, until);
        Thread sequencerThread = new Thread(sequencer, "audit-sequencer");
        sequencerThread.start();
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
                        long ref;
                        CompletableFuture<Void> integrated;
                        try {
                            ref = store.nextRef();
                            integrated = sequencer.expect(ref);
                            store.insertPending(new PendingEntry(ref, Clock.systemUTC().instant(), e.action(), e.context(),
                                    e.targetType(), e.targetId(), e.details()));
                            c.commit();
                        } catch (SQLException | RuntimeException ex) {
                            c.rollback();
                            throw ex;
                        }
                        sequencer.wake();
                        integrated.get(30, java.util.concurrent.TimeUnit.SECONDS);
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
        sequencer.stop();
        sequencerThread.join();
        if (sequencer.failure != null) {
            failures.add(sequencer.failure);
        }
        if (!failures.isEmpty()) {
            IllegalStateException e = new IllegalStateException("a writer failed", failures.get(0));
            failures.stream().skip(1).forEach(e::addSuppressed);
            throw e;
        }
        Result result = new Result();
        result.latencies = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        result.appends = result.latencies.length;
        result.statements = statements.get() + sequencer.measuredStatements;
        result.statementAppends = statementAppends.get();
        result.batches = sequencer.measuredBatches;
        result.batchedEntries = sequencer.measuredEntries;
        return result;
    }

    /**
     * The hub's sequencer loop in plain Java: integrate a batch, commit, release the writers whose
     * entries it held; sleep until woken (or 1 ms) when nothing was pending.
     */
    static final class Sequencer implements Runnable {

        private final BenchDatabase db;
        private final LogKey key;
        private final long from;
        private final long until;
        private final java.util.Map<Long, CompletableFuture<Void>> waits = new java.util.concurrent.ConcurrentHashMap<>();
        private final java.util.concurrent.Semaphore wake = new java.util.concurrent.Semaphore(0);
        private volatile boolean running = true;
        volatile Throwable failure;
        long measuredStatements;
        long measuredBatches;
        long measuredEntries;

        Sequencer(BenchDatabase db, LogKey key, long from, long until) {
            this.db = db;
            this.key = key;
            this.from = from;
            this.until = until;
        }

        CompletableFuture<Void> expect(long ref) {
            return waits.computeIfAbsent(ref, r -> new CompletableFuture<>());
        }

        void wake() {
            wake.release();
        }

        void stop() {
            running = false;
            wake.release();
        }

        @Override
        public void run() {
            try (Connection c = db.connect()) {
                c.setAutoCommit(false);
                JdbcAuditStore store = new JdbcAuditStore(c);
                SecureRandom nonces = new SecureRandom();
                AuditBatcher batcher = new AuditBatcher(Clock.systemUTC(), nonces::nextBytes, key::sign);
                while (running || !waits.isEmpty()) {
                    long before = store.statements();
                    long t0 = System.nanoTime();
                    AuditBatcher.Batch batch = batcher.integrate(store, 1000);
                    c.commit();
                    if (batch.isEmpty()) {
                        wake.tryAcquire(1, java.util.concurrent.TimeUnit.MILLISECONDS);
                        wake.drainPermits();
                        continue;
                    }
                    if (t0 >= from && System.nanoTime() <= until) {
                        measuredStatements += store.statements() - before;
                        measuredBatches++;
                        measuredEntries += batch.entries().size();
                    }
                    for (AuditBatcher.Integrated e : batch.entries()) {
                        CompletableFuture<Void> wait = waits.remove(e.ref());
                        if (wait != null) {
                            wait.complete(null);
                        }
                    }
                }
            } catch (Throwable e) {
                failure = e;
                waits.values().forEach(w -> w.completeExceptionally(e));
            }
        }
    }
}
