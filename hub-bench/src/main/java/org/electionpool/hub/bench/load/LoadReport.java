package org.electionpool.hub.bench.load;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.electionpool.hub.protocol.hxp.HxpCodec;

/**
 * The outcome of one {@link HubLoad} run: its options, the measured window's {@link LoadEngine.Result},
 * and the CPU both processes used over the window. Renders as a table for people ({@link #table()})
 * and as one JSON line for scripts ({@link #json()}); both carry the same figures.
 *
 * <p>Latencies are in milliseconds, from the histograms' microseconds: in the open model from each
 * request's intended start (coordinated omission corrected), in the closed model from its start.
 * CPU figures are {@code -1} when not measured (no hub pid, or the platform does not say).
 *
 * @param options          the run's options
 * @param result           the measured window
 * @param startedAt        when the run started (wall clock)
 * @param seeded           requests sent to seed the workload before the run
 * @param presealed        requests sealed before the run
 * @param sealSeconds      how long sealing them took
 * @param generatorCpuNanos the harness's own CPU time over the window
 * @param hubCpuNanos      the hub JVM's CPU time over the window, or -1
 */
public record LoadReport(LoadOptions options, LoadEngine.Result result, Instant startedAt, long seeded, int presealed,
                         double sealSeconds, long generatorCpuNanos, long hubCpuNanos) {

    /** @return accepted requests per second of the window */
    public double acceptedPerSecond() {
        return result.windowNanos() <= 0 ? 0 : result.accepted() / (result.windowNanos() / 1e9);
    }

    /** @return the latency at {@code percentile} (0–100) in ms, or NaN without accepted requests */
    public double latencyMillis(double percentile) {
        return millis(result.latency(), percentile);
    }

    private static double millis(Histogram h, double percentile) {
        if (h.getTotalCount() == 0) {
            return Double.NaN;
        }
        return (percentile >= 100 ? h.getMaxValue() : h.getValueAtPercentile(percentile)) / 1000.0;
    }

    /** @return the figures as one JSON object on one line (no NaN: unknown figures are {@code null}) */
    public String json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tool", "HubLoad");
        m.put("startedAt", startedAt.toString());
        m.put("java", System.getProperty("java.vm.version"));
        m.put("cpus", Runtime.getRuntime().availableProcessors());
        m.putAll(options.describe());
        m.put("seeded", seeded);
        m.put("presealed", presealed);
        m.put("sealSeconds", round(sealSeconds));
        m.put("windowSeconds", round(result.windowNanos() / 1e9));
        m.put("stoppedByLimit", result.stoppedByLimit());
        m.put("offered", result.offered());
        m.put("requests", result.requests());
        m.put("accepted", result.accepted());
        m.put("verified", result.verified());
        m.put("failed", result.failed());
        m.put("dropped", result.dropped());
        m.put("late", result.late());
        m.put("acceptedPerSecond", round(acceptedPerSecond()));
        m.put("latencyMs", percentiles(result.latency()));
        m.put("serviceMs", percentiles(result.service()));
        m.put("errors", new LinkedHashMap<>(result.errors()));
        m.put("generatorCpuSeconds", generatorCpuNanos < 0 ? null : round(generatorCpuNanos / 1e9));
        m.put("hubCpuSeconds", hubCpuNanos < 0 ? null : round(hubCpuNanos / 1e9));
        m.put("hubCpuMsPerAccepted", hubCpuNanos < 0 || result.accepted() == 0 ? null
                : round(hubCpuNanos / 1e6 / result.accepted()));
        m.put("generatorCpuMsPerAccepted", generatorCpuNanos < 0 || result.accepted() == 0 ? null
                : round(generatorCpuNanos / 1e6 / result.accepted()));
        return HxpCodec.toJson(m);
    }

    private static Map<String, Object> percentiles(Histogram h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("p50", nullable(millis(h, 50)));
        m.put("p90", nullable(millis(h, 90)));
        m.put("p99", nullable(millis(h, 99)));
        m.put("p999", nullable(millis(h, 99.9)));
        m.put("max", nullable(millis(h, 100)));
        return m;
    }

    private static Object nullable(double v) {
        return Double.isNaN(v) ? null : round(v);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** @return the report as text for people: a header, a table of figures, and the errors */
    public String table() {
        StringBuilder b = new StringBuilder();
        LoadOptions o = options;
        b.append(String.format(Locale.ROOT, "# HubLoad %s, %s model, %s, %d client(s)%s, %d s after %d s warm-up; %s;"
                        + " Java %s, %d CPUs%n", o.hub(), o.model().name().toLowerCase(Locale.ROOT), o.workload(), o.clients(),
                o.model() == LoadOptions.Model.OPEN ? String.format(Locale.ROOT, " at %.1f/s (max outstanding %d)",
                        o.rate(), o.maxOutstanding()) : "",
                o.duration().getSeconds(), o.warmup().getSeconds(),
                presealed > 0 ? String.format(Locale.ROOT, "%d pre-sealed in %.1f s", presealed, sealSeconds) : "sealed when sent",
                System.getProperty("java.vm.version"), Runtime.getRuntime().availableProcessors()));
        b.append(String.format(Locale.ROOT, "# verify every %d answer(s), consistency check %s, seeded %d; started %s%n",
                o.verifyEvery(), o.checkConsistency() ? "on" : "off", seeded, startedAt));
        row(b, "window s", String.format(Locale.ROOT, "%.2f%s", result.windowNanos() / 1e9,
                result.stoppedByLimit() ? " (ended by the request limit)" : ""));
        if (o.model() == LoadOptions.Model.OPEN) {
            row(b, "offered", Long.toString(result.offered()));
            row(b, "dropped (max outstanding)", Long.toString(result.dropped()));
            row(b, "late (> " + o.lateMillis() + " ms)", Long.toString(result.late()));
        }
        row(b, "requests", Long.toString(result.requests()));
        row(b, "accepted", Long.toString(result.accepted()));
        row(b, "  of which verified", Long.toString(result.verified()));
        row(b, "failed", Long.toString(result.failed()));
        row(b, "accepted/s", String.format(Locale.ROOT, "%.1f", acceptedPerSecond()));
        String from = o.model() == LoadOptions.Model.OPEN ? " (from intended start)" : "";
        for (double p : new double[] {50, 90, 99, 99.9}) {
            row(b, "latency p" + (p == 99.9 ? "99.9" : Integer.toString((int) p)) + " ms" + from,
                    String.format(Locale.ROOT, "%.2f", latencyMillis(p)));
        }
        row(b, "latency max ms" + from, String.format(Locale.ROOT, "%.2f", latencyMillis(100)));
        if (o.model() == LoadOptions.Model.OPEN) {
            row(b, "service time p50 / p99 / max ms", String.format(Locale.ROOT, "%.2f / %.2f / %.2f",
                    millis(result.service(), 50), millis(result.service(), 99), millis(result.service(), 100)));
        }
        row(b, "generator CPU s (ms per accepted)", cpu(generatorCpuNanos));
        row(b, "hub CPU s (ms per accepted)", cpu(hubCpuNanos));
        result.errors().forEach((k, v) -> b.append(String.format(Locale.ROOT, "  error %s: %d%n", k, v)));
        return b.toString();
    }

    private String cpu(long nanos) {
        if (nanos < 0) {
            return "not measured";
        }
        return String.format(Locale.ROOT, "%.2f (%s)", nanos / 1e9, result.accepted() == 0 ? "-"
                : String.format(Locale.ROOT, "%.2f", nanos / 1e6 / result.accepted()));
    }

    private static void row(StringBuilder b, String name, String value) {
        b.append(String.format(Locale.ROOT, "| %-40s | %28s |%n", name, value));
    }
}
