package org.electionpool.hub.bench;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.electionpool.hub.client.HubClient;
import org.electionpool.hub.client.HubClientException;
import org.electionpool.hub.client.HubResponse;

/**
 * A closed-model load driver for the case-creation path: {@code threads} client threads, each with
 * its own {@link HubClient} acting as the demo authority {@code ministry-of-justice-fi}, POST a
 * removal order ({@code docs/examples/removal-order.json}, addressee {@code platform-alpha}) to
 * {@code /api/v1/cases} back to back, each with a fresh {@code clientRef}, for {@code warm-up} plus
 * {@code seconds} seconds. Every answer goes through the whole client path — decryption, the hub's
 * signature, the audit receipt and the consistency check of its checkpoint — as for any platform.
 *
 * <p>Only requests that start and finish inside the measured window count. Reported: requests,
 * {@code 201}s, errors by status and problem type (or by exception), accepted/s, latency p50, p95,
 * p99 and max over the {@code 201}s, and the driver's own process CPU time over the window (so that
 * the client's share of the machine is visible).
 *
 * <pre>
 * java -cp hub-bench/target/hub-bench.jar org.electionpool.hub.bench.CaseCreationLoad \
 *     http://localhost:8080 hub-ear/target/server/standalone/data/hub/dev-keys/ministry-of-justice-fi.jwks.json \
 *     4 20 10 [docs/examples/removal-order.json]
 * </pre>
 * The hub URL must name a loopback host: this tool is for a local dev hub, never a shared one.
 * With {@code -Dload.hub-pid=PID} (the hub's JVM on this machine) the report adds that process's
 * CPU time over the same window ({@link ProcessHandle.Info#totalCpuDuration()}).
 */
public final class CaseCreationLoad {

    /** The demo authority that sends the orders. */
    static final String ORGANIZATION = "ministry-of-justice-fi";
    /** The case-creation endpoint. */
    static final String TARGET = "/api/v1/cases";
    private static final Pattern CLIENT_REF = Pattern.compile("\"clientRef\"\\s*:\\s*\"[^\"]*\"");
    private static final Pattern ADDRESSEE = Pattern.compile("\"addressee\"\\s*:\\s*\"[^\"]*\"");

    private CaseCreationLoad() {
    }

    /**
     * The command line: hub URL, JWK Set file, threads, measured seconds, warm-up seconds and,
     * optionally, the request body's file.
     *
     * @param hub     the hub's base URL (loopback only)
     * @param jwks    the private JWK Set of {@link #ORGANIZATION}
     * @param threads client threads, ≥ 1
     * @param seconds measured seconds, ≥ 1
     * @param warmup  warm-up seconds, ≥ 0
     * @param body    the removal order to send
     */
    record Args(URI hub, Path jwks, int threads, int seconds, int warmup, Path body) {

        /**
         * Parses and checks the arguments.
         *
         * @throws IllegalArgumentException with a usage line if they do not fit
         */
        static Args parse(String... args) {
            if (args.length < 5 || args.length > 6) {
                throw new IllegalArgumentException("usage: CaseCreationLoad HUB_URL JWKS THREADS SECONDS WARMUP_SECONDS [BODY_JSON]");
            }
            URI hub = URI.create(args[0]);
            if (!"http".equals(hub.getScheme()) && !"https".equals(hub.getScheme()) || hub.getHost() == null) {
                throw new IllegalArgumentException("hub URL must be http(s)://host[:port]: " + args[0]);
            }
            if (!isLoopback(hub.getHost())) {
                throw new IllegalArgumentException("refusing a non-loopback hub: " + hub.getHost());
            }
            int threads = positive("threads", args[2], 1);
            int seconds = positive("seconds", args[3], 1);
            int warmup = positive("warm-up seconds", args[4], 0);
            Path body = Path.of(args.length > 5 ? args[5] : "docs/examples/removal-order.json");
            return new Args(hub, Path.of(args[1]), threads, seconds, warmup, body);
        }

        private static int positive(String what, String value, int min) {
            int n;
            try {
                n = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(what + " must be an integer: " + value);
            }
            if (n < min) {
                throw new IllegalArgumentException(what + " must be at least " + min + ": " + value);
            }
            return n;
        }
    }

    /**
     * Whether {@code host} is a loopback address: {@code localhost}, 127.0.0.0/8 or {@code ::1}.
     * Only literal addresses and {@code localhost} are accepted; other names are not resolved.
     */
    public static boolean isLoopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false; // a name: not resolved, not trusted
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * The {@code p}-th percentile (nearest rank) of ascending {@code sorted} values.
     *
     * @param sorted ascending values
     * @param p      0 &lt; p ≤ 100
     * @return the value, or {@code -1} for no values
     */
    static long percentile(long[] sorted, double p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
        }
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(1, Math.min(sorted.length, rank)) - 1];
    }

    /** {@code template} with its {@code clientRef} replaced and its addressee set to {@code platform-alpha}. */
    public static String withClientRef(String template, String clientRef) {
        Matcher ref = CLIENT_REF.matcher(template);
        if (!ref.find()) {
            throw new IllegalArgumentException("the body has no clientRef member");
        }
        String body = ref.replaceFirst(Matcher.quoteReplacement("\"clientRef\":\"" + clientRef + "\""));
        return ADDRESSEE.matcher(body).replaceFirst("\"addressee\":\"platform-alpha\"");
    }

    /**
     * Runs the load and prints the report.
     *
     * @param argv see {@link Args#parse}
     */
    public static void main(String[] argv) throws Exception {
        Args args;
        try {
            args = Args.parse(argv);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        String template = Files.readString(args.body(), StandardCharsets.UTF_8);
        withClientRef(template, "check"); // fails early on a body without clientRef
        String jwks = Files.readString(args.jwks(), StandardCharsets.UTF_8);

        List<HubClient> clients = new ArrayList<>();
        for (int t = 0; t < args.threads(); t++) {
            clients.add(HubClient.builder().hub(args.hub()).organization(ORGANIZATION).privateJwks(jwks).build());
        }
        String run = Long.toString(System.currentTimeMillis(), 36);
        long start = System.nanoTime() + 100_000_000L;
        long from = start + args.warmup() * 1_000_000_000L;
        long until = from + args.seconds() * 1_000_000_000L;
        LongAdder requests = new LongAdder();
        Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        long[][] latencies = new long[args.threads()][];
        CountDownLatch done = new CountDownLatch(args.threads());
        long[] cpu = new long[4];
        ProcessHandle hubProcess = Long.getLong("load.hub-pid") == null ? null
                : ProcessHandle.of(Long.getLong("load.hub-pid")).orElseThrow(() -> new IllegalArgumentException("no process "
                        + Long.getLong("load.hub-pid")));
        Thread cpuMark = new Thread(() -> {
            sleepUntil(from);
            cpu[0] = processCpuNanos();
            cpu[2] = cpuNanos(hubProcess);
            sleepUntil(until);
            cpu[1] = processCpuNanos();
            cpu[3] = cpuNanos(hubProcess);
        }, "cpu-mark");
        cpuMark.start();
        for (int t = 0; t < args.threads(); t++) {
            int slot = t;
            HubClient hub = clients.get(t);
            Thread client = new Thread(() -> {
                long[] lat = new long[1024];
                int n = 0;
                long seq = 0;
                try {
                    sleepUntil(start);
                    while (true) {
                        long t0 = System.nanoTime();
                        if (t0 >= until) {
                            break;
                        }
                        String body = withClientRef(template, "load-" + run + "-" + slot + "-" + seq++);
                        String outcome;
                        try {
                            HubResponse r = hub.post(TARGET, body);
                            outcome = r.status() == 201 ? null : r.status() + " " + r.problemType().orElse("-");
                        } catch (HubClientException e) {
                            outcome = "exception " + e.getMessage();
                        }
                        long t1 = System.nanoTime();
                        if (t0 < from || t1 > until) {
                            continue;
                        }
                        requests.increment();
                        if (outcome != null) {
                            errors.computeIfAbsent(outcome, k -> new LongAdder()).increment();
                        } else {
                            if (n == lat.length) {
                                lat = Arrays.copyOf(lat, n * 2);
                            }
                            lat[n++] = t1 - t0;
                        }
                    }
                } finally {
                    latencies[slot] = Arrays.copyOf(lat, n);
                    done.countDown();
                }
            }, "case-client-" + t);
            client.start();
        }
        done.await();
        cpuMark.join();

        long[] sorted = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf(Locale.ROOT, "# CaseCreationLoad %s as %s: %d threads, %d s after %d s warm-up; Java %s; %d CPUs%n",
                args.hub(), ORGANIZATION, args.threads(), args.seconds(), args.warmup(),
                System.getProperty("java.vm.version"), Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "requests %d, accepted (201) %d, errors %d%n", requests.sum(), sorted.length,
                requests.sum() - sorted.length);
        new TreeMap<>(errors).forEach((k, v) -> System.out.printf(Locale.ROOT, "  error %s: %d%n", k, v.sum()));
        System.out.printf(Locale.ROOT, "accepted/s %.1f%n", sorted.length / (double) args.seconds());
        System.out.printf(Locale.ROOT, "latency ms p50 %.2f p95 %.2f p99 %.2f max %.2f%n", ms(percentile(sorted, 50)),
                ms(percentile(sorted, 95)), ms(percentile(sorted, 99)), ms(percentile(sorted, 100)));
        System.out.printf(Locale.ROOT, "driver CPU s %.2f over the window (%.2f ms per accepted)%n", (cpu[1] - cpu[0]) / 1e9,
                sorted.length == 0 ? Double.NaN : (cpu[1] - cpu[0]) / 1e6 / sorted.length);
        if (hubProcess != null) {
            System.out.printf(Locale.ROOT, "hub CPU s %.2f over the window (%.2f ms per accepted), pid %d%n", (cpu[3] - cpu[2]) / 1e9,
                    sorted.length == 0 ? Double.NaN : (cpu[3] - cpu[2]) / 1e6 / sorted.length, hubProcess.pid());
        }
        System.out.printf(Locale.ROOT, "RESULT threads=%d seconds=%d accepted=%d errors=%d rate=%.1f p50=%.2f p95=%.2f p99=%.2f max=%.2f driverCpu=%.2f hubCpu=%.2f%n",
                args.threads(), args.seconds(), sorted.length, requests.sum() - sorted.length,
                sorted.length / (double) args.seconds(), ms(percentile(sorted, 50)), ms(percentile(sorted, 95)),
                ms(percentile(sorted, 99)), ms(percentile(sorted, 100)), (cpu[1] - cpu[0]) / 1e9,
                hubProcess == null ? Double.NaN : (cpu[3] - cpu[2]) / 1e9);
    }

    private static double ms(long nanos) {
        return nanos < 0 ? Double.NaN : nanos / 1e6;
    }

    /** The CPU time of this process (all threads), from the JDK's OperatingSystemMXBean. */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    /** The CPU time of another process, or 0 if unknown. */
    private static long cpuNanos(ProcessHandle process) {
        return process == null ? 0 : process.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    private static void sleepUntil(long nanoTime) {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            try {
                Thread.sleep(Math.max(1, Math.min(left / 1_000_000L, 50)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
