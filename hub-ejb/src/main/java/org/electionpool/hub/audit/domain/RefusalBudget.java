package org.electionpool.hub.audit.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many refusals of unauthenticated requests one remote address may add to the audit log per
 * minute. Every refusal is still answered; beyond the budget it is counted instead of recorded one
 * by one, and the count comes back from {@link #drain} as a {@link Suppressed} summary when the
 * address's minute has ended — so a flood of garbage grows the log by one entry per address and
 * minute, not one per request, and still leaves its trace.
 *
 * <p>Windows are fixed minutes starting at an address's first refusal. At most {@code maxAddresses}
 * addresses are tracked at once; refusals from further addresses share one budget under the
 * address {@value #OTHERS}, so a flood from many addresses is bounded too. A budget of 0 means no
 * limit. Thread-safe.
 */
public final class RefusalBudget {

    /** The shared key for addresses beyond {@code maxAddresses}. */
    public static final String OTHERS = "*";

    static final Duration WINDOW = Duration.ofMinutes(1);

    /**
     * Refusals of one address in one minute that were counted, not recorded.
     *
     * @param address     the remote address, or {@value #OTHERS}
     * @param windowStart when the address's minute began
     * @param firstAt     the first suppressed refusal
     * @param lastAt      the last suppressed refusal
     * @param count       how many were suppressed
     * @param reasons     problem type slug → count, sorted by slug
     */
    public record Suppressed(String address, Instant windowStart, Instant firstAt, Instant lastAt, long count,
                             Map<String, Long> reasons) {
    }

    private static final class Window {
        final Instant start;
        int admitted;
        long suppressed;
        Instant firstSuppressed;
        Instant lastSuppressed;
        final Map<String, Long> reasons = new TreeMap<>();

        Window(Instant start) {
            this.start = start;
        }

        boolean endedAt(Instant now) {
            return !now.isBefore(start.plus(WINDOW));
        }
    }

    private final int perMinute;
    private final int maxAddresses;
    private final Map<String, Window> windows = new LinkedHashMap<>();
    private final List<Suppressed> ended = new ArrayList<>();

    /**
     * @param perMinute    refusals recorded per address and minute; 0 for no limit
     * @param maxAddresses addresses tracked at once (≥ 1)
     */
    public RefusalBudget(int perMinute, int maxAddresses) {
        if (perMinute < 0 || maxAddresses < 1) {
            throw new IllegalArgumentException("perMinute ≥ 0 and maxAddresses ≥ 1");
        }
        this.perMinute = perMinute;
        this.maxAddresses = maxAddresses;
    }

    /**
     * Counts one refusal.
     *
     * @param address the remote address
     * @param reason  the problem type slug
     * @param now     the time of the refusal
     * @return {@code true} if it is to be recorded as its own entry; {@code false} if it was counted
     *         into the address's summary instead
     */
    public synchronized boolean admit(String address, String reason, Instant now) {
        if (perMinute == 0) {
            return true;
        }
        String key = address == null || address.isEmpty() ? "-" : address;
        Window window = windows.get(key);
        if (window != null && window.endedAt(now)) {
            windows.remove(key);
            close(key, window);
            window = null;
        }
        if (window == null) {
            expire(now);
            if (windows.size() >= maxAddresses && !windows.containsKey(key)) {
                key = OTHERS;
                window = windows.get(OTHERS);
            }
            if (window == null) {
                window = new Window(now);
                windows.put(key, window);
            }
        }
        if (window.admitted < perMinute) {
            window.admitted++;
            return true;
        }
        if (window.suppressed++ == 0) {
            window.firstSuppressed = now;
        }
        window.lastSuppressed = now;
        window.reasons.merge(reason == null ? "-" : reason, 1L, Long::sum);
        return false;
    }

    /**
     * @param now the present
     * @return the summaries of every minute that has ended with suppressed refusals, oldest first;
     *         each is returned once
     */
    public synchronized List<Suppressed> drain(Instant now) {
        expire(now);
        List<Suppressed> out = List.copyOf(ended);
        ended.clear();
        return out;
    }

    /** @return every summary, including minutes still running (at shutdown); each is returned once */
    public synchronized List<Suppressed> drainAll() {
        windows.forEach(this::close);
        windows.clear();
        List<Suppressed> out = List.copyOf(ended);
        ended.clear();
        return out;
    }

    /** @return addresses tracked now */
    public synchronized int tracked() {
        return windows.size();
    }

    /** Windows sit in the map in the order they started, so the ended ones are at its head. */
    private void expire(Instant now) {
        for (Iterator<Map.Entry<String, Window>> it = windows.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Window> e = it.next();
            if (!e.getValue().endedAt(now)) {
                return;
            }
            close(e.getKey(), e.getValue());
            it.remove();
        }
    }

    private void close(String key, Window window) {
        if (window.suppressed > 0) {
            ended.add(new Suppressed(key, window.start, window.firstSuppressed, window.lastSuppressed, window.suppressed,
                    Collections.unmodifiableMap(new TreeMap<>(window.reasons))));
        }
    }
}
