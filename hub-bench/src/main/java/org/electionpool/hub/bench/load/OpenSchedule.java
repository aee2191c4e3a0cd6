package org.electionpool.hub.bench.load;

/**
 * The open model's arrivals: request {@code i} is due at {@code start + round(i × 10⁹ / rate)}
 * nanoseconds ({@link System#nanoTime()} scale), independent of when earlier requests were answered.
 * Computed from {@code i}, not by adding intervals, so no rounding drift accumulates.
 *
 * @param start the first arrival, in {@link System#nanoTime()} nanoseconds
 * @param rate  arrivals per second, &gt; 0
 */
public record OpenSchedule(long start, double rate) {

    /** Checks that the rate is positive. */
    public OpenSchedule {
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("rate must be positive: " + rate);
        }
    }

    /** @return when request {@code i} (0-based) is due */
    public long intendedStart(long i) {
        if (i < 0) {
            throw new IllegalArgumentException("i must be at least 0: " + i);
        }
        return start + Math.round(i * 1e9 / rate);
    }

    /** @return how many requests are due in {@code [start, start + nanos)} */
    public long arrivalsWithin(long nanos) {
        return nanos <= 0 ? 0 : (long) Math.ceil(nanos * rate / 1e9 - 1e-9);
    }
}
