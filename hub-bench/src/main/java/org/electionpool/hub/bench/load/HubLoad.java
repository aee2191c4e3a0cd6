package org.electionpool.hub.bench.load;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.electionpool.hub.client.HubClient;
import org.electionpool.hub.client.HubClientException;
import org.electionpool.hub.client.HubResponse;
import org.electionpool.hub.client.SealedRequest;
import org.electionpool.hub.protocol.hxp.Hxp;

/**
 * The end-to-end load harness (issue 14): real HXP/1 requests through {@link HubClient} — signed,
 * encrypted to the hub, answers decrypted and verified — against a hub on this machine, in a closed
 * or an open model ({@link LoadEngine}), with HdrHistogram latencies, and a report as a table and
 * one JSON line ({@link LoadReport}).
 *
 * <pre>
 * mvn -B -ntp -pl hub-bench -am package -DskipTests
 * java -cp hub-bench/target/hub-bench.jar org.electionpool.hub.bench.load.HubLoad \
 *     --workload create-case --model closed --clients 8 --duration 30 --warmup 10 --hub-pid PID
 * </pre>
 *
 * <p>Invariants of a run: the hub is on loopback ({@link LoadOptions}); the run is bounded in time
 * (warm-up, window, then at most the request timeout to drain) and, optionally, in count; every
 * worker thread has its own clients (one per organisation it acts as), as independent platforms
 * would. An answer counts as accepted only with the operation's expected 2xx status and a sealed
 * body; every {@code verifyEvery}-th answer is opened and fully verified (decryption, the hub's
 * signature and claims, the audit receipt, its inclusion proof and signed checkpoint, and — when on —
 * the consistency of that checkpoint with the last one the client saw), and a verification failure
 * is an error. Every other answer is opened only to name its problem type (RFC 9457 {@code type}).
 *
 * <p>With {@code --preseal}, the requests are sealed before the run (token lifetime 300 s, HXP/1's
 * maximum, each with its own {@code jti}, each sent once), so the generator only POSTs bytes and the
 * client's signing and encryption leave the measurement; answers are still opened as above.
 * Exit status: 0 without errors, 3 with errors, 2 for bad options.
 */
public final class HubLoad {

    private static final Duration SEAL_LIFETIME = Duration.ofSeconds(Hxp.MAX_LIFETIME_SECONDS);

    private HubLoad() {
    }

    /** @param argv {@code --name value} pairs, see {@link LoadOptions#USAGE} */
    public static void main(String[] argv) throws Exception {
        LoadOptions options;
        try {
            if (argv.length == 1 && ("--help".equals(argv[0]) || "-h".equals(argv[0]))) {
                System.out.print(LoadOptions.USAGE);
                return;
            }
            options = LoadOptions.parse(argv);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(LoadOptions.USAGE);
            System.exit(2);
            return;
        }
        LoadReport report = run(options, System.err);
        System.out.print(report.table());
        System.out.println(report.json());
        System.exit(report.result().failed() == 0 ? 0 : 3);
    }

    /**
     * Seeds, pre-seals if asked, runs warm-up and window, and reports.
     *
     * @param options the run
     * @param log     progress lines (seeding, sealing)
     * @return the report
     * @throws IllegalStateException if seeding fails or the hub's JVM named by {@code hubPid} does not exist
     */
    public static LoadReport run(LoadOptions options, PrintStream log) throws InterruptedException {
        Instant startedAt = Instant.now();
        String runId = Long.toString(System.currentTimeMillis(), 36) + Integer.toString(ThreadLocalRandom.current().nextInt(1296), 36);
        ProcessHandle hubProcess = options.hubPid() == 0 ? null : ProcessHandle.of(options.hubPid())
                .orElseThrow(() -> new IllegalStateException("no process " + options.hubPid()));
        Workload workload = Workloads.of(options, runId);

        Map<String, HubClient> seedClients = new HashMap<>();
        for (String org : workload.organizations()) {
            seedClients.put(org, client(options, org, true));
        }
        AtomicLong seeded = new AtomicLong();
        workload.prepare(call -> {
            seeded.incrementAndGet();
            HubResponse r = seedClients.get(call.organization()).send(call.method(), call.target(), call.body());
            if (r.status() != call.expectedStatus()) {
                throw new IllegalStateException("seeding: " + call.operation() + " " + call.target() + " answered " + r.status()
                        + " " + r.problem());
            }
            return r.body();
        });
        if (seeded.get() > 0) {
            log.printf("seeded: %d requests%n", seeded.get());
        }

        List<Map<String, HubClient>> workers = new ArrayList<>();
        for (int w = 0; w < options.clients(); w++) {
            Map<String, HubClient> own = new HashMap<>();
            for (String org : workload.organizations()) {
                own.put(org, client(options, org, options.checkConsistency()));
            }
            workers.add(own);
        }

        int poolSize = options.presealCount();
        Call[] calls = null;
        SealedRequest[] pool = null;
        double sealSeconds = 0;
        if (poolSize > 0) {
            long t0 = System.nanoTime();
            Call[] c = new Call[poolSize];
            SealedRequest[] p = new SealedRequest[poolSize];
            IntStream.range(0, poolSize).parallel().forEach(i -> {
                c[i] = workload.call(i);
                p[i] = seedClients.get(c[i].organization()).seal(c[i].method(), c[i].target(), c[i].body(), SEAL_LIFETIME);
            });
            calls = c;
            pool = p;
            sealSeconds = (System.nanoTime() - t0) / 1e9;
            log.printf("pre-sealed: %d requests in %.1f s%n", poolSize, sealSeconds);
            Instant lastUse = Instant.now().plus(options.warmup()).plus(options.duration()).plusSeconds(5);
            if (!p[0].usableAt(lastUse)) {
                throw new IllegalStateException("sealing took too long: the first tokens would expire before the run ends");
            }
        }

        Call[] sealedCalls = calls;
        SealedRequest[] sealedPool = pool;
        LoadEngine.Exchange exchange = (worker, seq) -> {
            Call call = sealedCalls != null ? sealedCalls[(int) seq] : workload.call(seq);
            HubClient client = workers.get(worker).get(call.organization());
            return exchange(client, call, sealedPool != null ? sealedPool[(int) seq] : null, seq % options.verifyEvery() == 0);
        };

        long[] cpu = {0, 0, -1, -1};
        LoadEngine.WindowListener marks = opened -> {
            int k = opened ? 0 : 1;
            cpu[k] = processCpuNanos();
            cpu[2 + k] = cpuNanos(hubProcess);
        };
        LoadEngine engine = new LoadEngine(options.model(), options.clients(), options.rate(), options.maxOutstanding(),
                options.lateMillis() * 1_000_000L, options.requestLimit(), exchange);
        LoadEngine.Result result = engine.run(options.warmup().toNanos(), options.duration().toNanos(), marks,
                options.timeout().toNanos() + 5_000_000_000L);
        long generatorCpu = cpu[0] < 0 || cpu[1] < 0 ? -1 : cpu[1] - cpu[0];
        long hubCpu = cpu[2] < 0 || cpu[3] < 0 ? -1 : cpu[3] - cpu[2];
        return new LoadReport(options, result, startedAt, seeded.get(), poolSize, sealSeconds, generatorCpu, hubCpu);
    }

    /**
     * Sends one call and judges its answer.
     *
     * @param sealed the pre-sealed request, or {@code null} to seal it now
     * @param verify whether to open and fully verify an accepted answer
     */
    static Outcome exchange(HubClient client, Call call, SealedRequest sealed, boolean verify) {
        String op = call.operation();
        try {
            SealedRequest request = sealed != null ? sealed : client.seal(call.method(), call.target(), call.body());
            if (!request.usableAt(Instant.now())) {
                return Outcome.failed(op + " not sent: its pre-sealed token expired");
            }
            HttpResponse<String> answer = client.transmit(request);
            if (answer.statusCode() == call.expectedStatus()) {
                if (verify) {
                    client.open(request, answer); // throws if anything fails to verify
                    return Outcome.accepted(true);
                }
                if (!answer.headers().firstValue("Content-Type").orElse("").startsWith(Hxp.MEDIA_TYPE)) {
                    return Outcome.failed(op + " " + answer.statusCode() + " unsealed answer");
                }
                return Outcome.accepted(false);
            }
            String type;
            try {
                type = client.open(request, answer).problemType().orElse("(no problem type)");
            } catch (HubClientException e) {
                type = "(answer did not verify: " + shorten(e.getMessage()) + ")";
            }
            return Outcome.failed(op + " " + answer.statusCode() + " " + type);
        } catch (RuntimeException e) {
            return Outcome.failed(op + " exception " + e.getClass().getSimpleName() + ": " + shorten(e.getMessage()));
        }
    }

    private static String shorten(String message) {
        if (message == null) {
            return "";
        }
        return message.length() <= 120 ? message : message.substring(0, 117) + "...";
    }

    private static HubClient client(LoadOptions options, String org, boolean checkConsistency) {
        Path keys = options.keys().resolve(org + ".jwks.json");
        return HubClient.builder().hub(options.hub()).organization(org).privateJwks(keys).retries(0)
                .timeout(options.timeout()).checkConsistency(checkConsistency).build();
    }

    /** The CPU time of this process (all threads), from the JDK's OperatingSystemMXBean, or -1. */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** The CPU time of another process, or -1 if unknown. */
    private static long cpuNanos(ProcessHandle process) {
        return process == null ? -1 : process.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }
}
