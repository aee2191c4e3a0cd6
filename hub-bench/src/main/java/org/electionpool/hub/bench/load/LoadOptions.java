package org.electionpool.hub.bench.load;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.electionpool.hub.bench.CaseCreationLoad;

/**
 * The options of one {@link HubLoad} run, parsed from {@code --name value} pairs and checked.
 *
 * <p>Invariants (checked by the constructor): the hub URL is {@code http(s)} and names a loopback
 * host ({@code localhost}, 127.0.0.0/8, {@code ::1}; names are not resolved) — the harness is for a
 * local hub, never a shared one; the run is bounded: 1 ≤ {@code duration} ≤ 3600 s, 0 ≤
 * {@code warmup} ≤ 600 s, 1 ≤ {@code clients} ≤ 512; the open model has a rate in (0, 100000] and
 * {@code maxOutstanding} ≥ {@code clients}; the closed model has no rate; pre-sealed runs fit inside
 * one token lifetime ({@link #PRESEAL_WINDOW}); {@code verifyEvery} ≥ 1.
 *
 * @param hub              the hub's base URL
 * @param keys             the dev-keys folder holding {@code <orgId>.jwks.json}
 * @param workload         what each request does
 * @param model            closed (clients back to back) or open (a fixed arrival rate)
 * @param clients          closed: concurrent clients; open: worker connections that serve the arrivals
 * @param rate             open: arrivals per second; closed: 0
 * @param maxOutstanding   open: most requests queued or in flight; an arrival beyond is dropped (counted)
 * @param lateMillis       open: a request that starts more than this after its intended start is counted late
 * @param duration         the measured window
 * @param warmup           run before the window, not measured
 * @param maxRequests      most requests sent in all (warm-up included), or 0 for no limit
 * @param preseal          requests sealed before the run (0: seal each when sent); {@link #AUTO} for the
 *                         open model's arrivals in warm-up plus window
 * @param verifyEvery      every N-th request's answer is fully verified (decryption, the hub's signature and
 *                         claims, the receipt and its inclusion proof, the checkpoint); 1 = every answer
 * @param checkConsistency whether the clients check each receipt's checkpoint for consistency
 *                         ({@code HubClient.Builder.checkConsistency})
 * @param seed             cases seeded for {@code read-case} and {@code inbox} (per kind of case)
 * @param timeout          per request
 * @param hubPid           the hub's JVM on this machine, for its CPU time, or 0
 * @param caseBody         the removal order sent by {@code create-case} (and the seed)
 * @param indicatorBody    the indicator sent by {@code share-indicator}
 */
public record LoadOptions(URI hub, Path keys, String workload, Model model, int clients, double rate, int maxOutstanding,
                          long lateMillis, Duration duration, Duration warmup, long maxRequests, int preseal,
                          int verifyEvery, boolean checkConsistency, int seed, Duration timeout, long hubPid,
                          Path caseBody, Path indicatorBody) {

    /** {@link #preseal()} value: seal what the open model will offer (rate × (warm-up + duration)). */
    public static final int AUTO = -1;

    /** The longest warm-up plus window a pre-sealed run may have: tokens live 300 s, sealing takes some. */
    public static final Duration PRESEAL_WINDOW = Duration.ofSeconds(240);

    /** The workloads. */
    public static final java.util.List<String> WORKLOADS = java.util.List.of("create-case", "inbox", "read-case",
            "share-indicator", "mix");

    /** The two load models. */
    public enum Model {
        /** {@code clients} clients, each sending its next request when its last one is answered. */
        CLOSED,
        /** Requests arrive at a fixed rate whatever the hub does; latency counts from the intended start. */
        OPEN
    }

    /** Checks the invariants. */
    public LoadOptions {
        if (hub == null || hub.getHost() == null || !("http".equals(hub.getScheme()) || "https".equals(hub.getScheme()))) {
            throw new IllegalArgumentException("--hub must be http(s)://host[:port]: " + hub);
        }
        if (!CaseCreationLoad.isLoopback(hub.getHost())) {
            throw new IllegalArgumentException("refusing a non-loopback hub: " + hub.getHost()
                    + " (the harness is for a local hub only)");
        }
        if (!WORKLOADS.contains(workload)) {
            throw new IllegalArgumentException("--workload must be one of " + WORKLOADS + ": " + workload);
        }
        check(clients >= 1 && clients <= 512, "--clients must be in 1..512: " + clients);
        check(!duration.isNegative() && duration.getSeconds() >= 1 && duration.getSeconds() <= 3600,
                "--duration must be in 1..3600 s: " + duration.getSeconds());
        check(!warmup.isNegative() && warmup.getSeconds() <= 600, "--warmup must be in 0..600 s: " + warmup.getSeconds());
        if (model == Model.OPEN) {
            check(rate > 0 && rate <= 100_000, "--rate must be in (0, 100000] for the open model: " + rate);
            check(maxOutstanding >= clients, "--max-outstanding must be at least --clients: " + maxOutstanding);
        } else {
            check(rate == 0, "--rate is for the open model only (add --model open)");
        }
        check(lateMillis >= 0, "--late-ms must be at least 0");
        check(maxRequests >= 0, "--max-requests must be at least 0");
        check(preseal >= 0 || preseal == AUTO, "--preseal must be off, auto or a count");
        if (preseal == AUTO) {
            check(model == Model.OPEN || maxRequests > 0, "--preseal auto needs the open model or --max-requests;"
                    + " give the closed model a count");
        }
        if (preseal != 0) {
            check(warmup.plus(duration).compareTo(PRESEAL_WINDOW) <= 0, "a pre-sealed run must fit in "
                    + PRESEAL_WINDOW.getSeconds() + " s of warm-up and window: HXP/1 tokens live at most 300 s");
        }
        check(verifyEvery >= 1, "--verify-every must be at least 1");
        check(seed >= 1 && seed <= 100_000, "--seed must be in 1..100000");
        check(timeout.getSeconds() >= 1, "--timeout must be at least 1 s");
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /**
     * @return the pool size to seal before the run: {@link #preseal()}, or for {@link #AUTO} the
     *         arrivals of warm-up and window (open) or {@link #maxRequests()} (closed), capped by
     *         {@link #maxRequests()} when set; 0 when requests are sealed as they are sent
     */
    public int presealCount() {
        if (preseal == 0) {
            return 0;
        }
        long n = preseal == AUTO && model == Model.OPEN
                ? (long) Math.ceil(rate * (warmup.toMillis() + duration.toMillis()) / 1000.0) + 1
                : preseal == AUTO ? maxRequests : preseal;
        if (maxRequests > 0) {
            n = Math.min(n, maxRequests);
        }
        if (n > 1_000_000) {
            throw new IllegalArgumentException("refusing to pre-seal more than 1,000,000 requests: " + n);
        }
        return (int) n;
    }

    /** @return the most requests the run sends: {@link #maxRequests()}, the pool when pre-sealed, else unbounded */
    public long requestLimit() {
        int pool = presealCount();
        if (pool > 0) {
            return maxRequests > 0 ? Math.min(maxRequests, pool) : pool;
        }
        return maxRequests > 0 ? maxRequests : Long.MAX_VALUE;
    }

    /** The usage text, every option with its default. */
    public static final String USAGE = """
            usage: HubLoad [--name value]...
              --hub URL               the hub's base URL, loopback only (http://localhost:8080)
              --keys DIR              dev-keys folder with <orgId>.jwks.json (hub-ear/target/server/standalone/data/hub/dev-keys)
              --workload W            create-case | inbox | read-case | share-indicator | mix (create-case)
              --model M               closed | open (closed)
              --clients N             closed: concurrent clients; open: worker connections (4)
              --rate R                open model: arrivals per second (required with --model open)
              --max-outstanding N     open model: most requests queued or in flight; beyond, arrivals are dropped (max(clients, rate))
              --late-ms MS            open model: a start later than this after the intended start counts as late (10)
              --duration S            measured seconds (30)
              --warmup S              warm-up seconds before the window (10)
              --max-requests N        stop after N requests in all, warm-up included (no limit)
              --preseal off|auto|N    seal N requests before the run and send only their bytes (off; auto: the open model's arrivals)
              --verify-every N        fully verify every N-th answer; the others count on their status (1)
              --check-consistency B   true | false: the client's consistency check of receipt checkpoints (true)
              --seed N                cases seeded for read-case and inbox (32)
              --timeout S             per request (30)
              --hub-pid PID           the hub's JVM, for its CPU time over the window (or -Dload.hub-pid)
              --case-body FILE        the removal order (docs/examples/removal-order.json)
              --indicator-body FILE   the indicator (docs/examples/indicator.json)
            """;

    /**
     * Parses {@code --name value} pairs; every option has a default (see {@link #USAGE}).
     *
     * @throws IllegalArgumentException naming the option that is unknown, missing its value or out of range
     */
    public static LoadOptions parse(String... args) {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--") || !USAGE.contains("  " + name + " ")) {
                throw new IllegalArgumentException("unknown option: " + name);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            if (given.put(name.substring(2), args[++i]) != null) {
                throw new IllegalArgumentException(name + " given twice");
            }
        }
        Model model = switch (given.getOrDefault("model", "closed").toLowerCase(Locale.ROOT)) {
            case "closed" -> Model.CLOSED;
            case "open" -> Model.OPEN;
            default -> throw new IllegalArgumentException("--model must be closed or open: " + given.get("model"));
        };
        int clients = integer(given, "clients", 4);
        double rate = model == Model.OPEN ? decimal(given, "rate") : given.containsKey("rate") ? decimal(given, "rate") : 0;
        int maxOutstanding = given.containsKey("max-outstanding") ? integer(given, "max-outstanding", 0)
                : (int) Math.max(clients, Math.ceil(rate));
        String preseal = given.getOrDefault("preseal", "off");
        int presealCount = switch (preseal) {
            case "off" -> 0;
            case "auto" -> AUTO;
            default -> {
                int n = integer(given, "preseal", 0);
                if (n < 1) {
                    throw new IllegalArgumentException("--preseal must be off, auto or a count of at least 1: " + preseal);
                }
                yield n;
            }
        };
        String consistency = given.getOrDefault("check-consistency", "true");
        if (!consistency.equals("true") && !consistency.equals("false")) {
            throw new IllegalArgumentException("--check-consistency must be true or false: " + consistency);
        }
        long hubPid = given.containsKey("hub-pid") ? integer(given, "hub-pid", 0) : Long.getLong("load.hub-pid", 0L);
        return new LoadOptions(URI.create(given.getOrDefault("hub", "http://localhost:8080")),
                Path.of(given.getOrDefault("keys", "hub-ear/target/server/standalone/data/hub/dev-keys")),
                given.getOrDefault("workload", "create-case"), model, clients, rate, maxOutstanding,
                integer(given, "late-ms", 10), Duration.ofSeconds(integer(given, "duration", 30)),
                Duration.ofSeconds(integer(given, "warmup", 10)), integer(given, "max-requests", 0), presealCount,
                integer(given, "verify-every", 1), Boolean.parseBoolean(consistency), integer(given, "seed", 32),
                Duration.ofSeconds(integer(given, "timeout", 30)), hubPid,
                Path.of(given.getOrDefault("case-body", "docs/examples/removal-order.json")),
                Path.of(given.getOrDefault("indicator-body", "docs/examples/indicator.json")));
    }

    private static int integer(Map<String, String> given, String name, int fallback) {
        String value = given.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be an integer: " + value);
        }
    }

    private static double decimal(Map<String, String> given, String name) {
        String value = given.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required with --model open");
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number: " + value);
        }
    }

    /** @return the options as {@code name=value} for the report's header */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hub", hub.toString());
        m.put("workload", workload);
        m.put("model", model.name().toLowerCase(Locale.ROOT));
        m.put("clients", clients);
        if (model == Model.OPEN) {
            m.put("rate", rate);
            m.put("maxOutstanding", maxOutstanding);
            m.put("lateMs", lateMillis);
        }
        m.put("durationS", duration.getSeconds());
        m.put("warmupS", warmup.getSeconds());
        m.put("maxRequests", maxRequests);
        m.put("preseal", presealCount());
        m.put("verifyEvery", verifyEvery);
        m.put("checkConsistency", checkConsistency);
        return m;
    }
}
