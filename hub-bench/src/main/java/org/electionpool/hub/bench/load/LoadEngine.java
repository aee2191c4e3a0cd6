package org.electionpool.hub.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Drives requests in the closed or the open model and accounts for them; knows nothing of the hub
 * (requests go through an {@link Exchange}), so that its timing and accounting are unit-tested.
 *
 * <p><b>Closed model.</b> {@code clients} threads, each sending its next request when the last one
 * is answered. Latency is from the request's start to its answer.
 *
 * <p><b>Open model.</b> Request {@code i} is due at {@code start + i / rate} ({@link OpenSchedule}),
 * whatever the hub does. A dispatcher puts each arrival in a queue served by {@code clients} worker
 * threads; when {@code maxOutstanding} requests are already queued or in flight the arrival is
 * <em>dropped</em> (counted, never sent). Latency is measured from the <em>intended</em> start, so the
 * time a request waited behind a stalled hub is in its latency — coordinated omission does not hide
 * the stall. The service time (from the actual start) is kept beside it; a request that started more
 * than {@code lateNanos} after it was due is counted <em>late</em>.
 *
 * <p>A request belongs to the measured window when its (intended) start lies in
 * {@code [from, until)}; every such request is waited for after the window. The run ends at
 * {@code until} or when {@code requestLimit} requests were sent, whichever comes first; the window
 * then ends there too. Latencies are recorded in microseconds. Thread-safe only as used by {@link #run}.
 */
public final class LoadEngine {

    /** Sends request number {@code seq} (0, 1, 2 … in send order) from worker {@code worker}. */
    @FunctionalInterface
    public interface Exchange {
        /**
         * @param worker the worker thread's index, 0 ≤ worker &lt; clients (each owns its clients)
         * @param seq    the request's number, unique in the run
         * @return what became of it; never throws for a failed request
         */
        Outcome exchange(int worker, long seq);
    }

    /** Observes the window's edges (for CPU marks): called once at {@code from} and once when the window ends. */
    public interface WindowListener {
        /** @param opened true at the window's start, false at its end */
        void edge(boolean opened);
    }

    /**
     * The counts and histograms of the measured window.
     *
     * @param offered        open: arrivals due in the window (sent + dropped); closed: requests sent
     * @param requests       requests sent in the window
     * @param accepted       answered with the expected status (and verified, when sampled)
     * @param verified       accepted answers that were fully verified
     * @param dropped        open: arrivals not sent because {@code maxOutstanding} were outstanding
     * @param late           open: requests that started more than {@code lateNanos} after they were due
     * @param errors         failed requests by error name, sorted
     * @param latency        µs from the (intended) start to the answer, of accepted requests
     * @param service        µs from the actual start to the answer, of accepted requests
     * @param windowNanos    the window's length (shorter than asked when the request limit ended the run)
     * @param stoppedByLimit whether the request limit ended the run before the window's end
     */
    public record Result(long offered, long requests, long accepted, long verified, long dropped, long late,
                         Map<String, Long> errors, Histogram latency, Histogram service, long windowNanos,
                         boolean stoppedByLimit) {

        /** @return failed requests in the window */
        public long failed() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final LoadOptions.Model model;
    private final int clients;
    private final double rate;
    private final int maxOutstanding;
    private final long lateNanos;
    private final long requestLimit;
    private final Exchange exchange;

    /**
     * @param model          closed or open
     * @param clients        worker threads
     * @param rate           open: arrivals per second
     * @param maxOutstanding open: most requests queued or in flight
     * @param lateNanos      open: the lateness counted as late
     * @param requestLimit   most requests to send in all ({@code Long.MAX_VALUE}: no limit)
     * @param exchange       sends one request
     */
    public LoadEngine(LoadOptions.Model model, int clients, double rate, int maxOutstanding, long lateNanos,
                      long requestLimit, Exchange exchange) {
        this.model = model;
        this.clients = clients;
        this.rate = rate;
        this.maxOutstanding = maxOutstanding;
        this.lateNanos = lateNanos;
        this.requestLimit = requestLimit;
        this.exchange = exchange;
    }

    /** Per-worker counters and histograms, merged after the run (no contention while measuring). */
    private static final class Tally {
        final Histogram latency = new Histogram(3);
        final Histogram service = new Histogram(3);
        final Map<String, Long> errors = new TreeMap<>();
        long requests;
        long accepted;
        long verified;
        long late;

        void record(Outcome outcome, long intended, long started, long ended, long lateNanos) {
            requests++;
            if (started - intended > lateNanos) {
                late++;
            }
            if (outcome.accepted()) {
                accepted++;
                if (outcome.verified()) {
                    verified++;
                }
                latency.recordValue(Math.max(0, (ended - intended) / 1000));
                service.recordValue(Math.max(0, (ended - started) / 1000));
            } else {
                errors.merge(outcome.error(), 1L, Long::sum);
            }
        }
    }

    /** An arrival of the open model: request {@code seq}, due at {@code intended}. */
    private record Ticket(long seq, long intended) {
    }

    private static final Ticket END = new Ticket(-1, 0);

    /**
     * Runs warm-up and window and returns the window's result.
     *
     * @param warmupNanos  warm-up before the window
     * @param windowNanos  the window
     * @param listener     told of the window's edges, or {@code null}
     * @param drainNanos   how long to wait after the window for outstanding requests
     */
    public Result run(long warmupNanos, long windowNanos, WindowListener listener, long drainNanos)
            throws InterruptedException {
        long start = System.nanoTime() + 20_000_000L;
        long from = start + warmupNanos;
        long until = from + windowNanos;
        AtomicLong sent = new AtomicLong();
        AtomicLong stopAt = new AtomicLong(Long.MAX_VALUE);
        List<Tally> tallies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long[] openCounts = new long[2]; // offered, dropped (dispatcher thread only)
        AtomicBoolean generating = new AtomicBoolean(true);

        if (model == LoadOptions.Model.CLOSED) {
            for (int w = 0; w < clients; w++) {
                Tally tally = new Tally();
                tallies.add(tally);
                int worker = w;
                threads.add(new Thread(() -> {
                    sleepUntil(start);
                    while (true) {
                        long t0 = System.nanoTime();
                        if (t0 >= until) {
                            break;
                        }
                        long seq = sent.getAndIncrement();
                        if (seq >= requestLimit) {
                            stopAt.accumulateAndGet(t0, Math::min);
                            break;
                        }
                        Outcome outcome = exchange.exchange(worker, seq);
                        long t1 = System.nanoTime();
                        if (t0 >= from) {
                            tally.record(outcome, t0, t0, t1, Long.MAX_VALUE);
                        }
                    }
                }, "load-client-" + w));
            }
        } else {
            BlockingQueue<Ticket> queue = new ArrayBlockingQueue<>(maxOutstanding + clients + 1);
            AtomicInteger outstanding = new AtomicInteger();
            OpenSchedule schedule = new OpenSchedule(start, rate);
            threads.add(new Thread(() -> {
                try {
                    for (long i = 0; ; i++) {
                        long due = schedule.intendedStart(i);
                        if (due >= until) {
                            break;
                        }
                        sleepUntil(due);
                        if (sent.get() >= requestLimit) {
                            stopAt.accumulateAndGet(due, Math::min);
                            break;
                        }
                        boolean measured = due >= from;
                        if (measured) {
                            openCounts[0]++;
                        }
                        if (outstanding.get() >= maxOutstanding) {
                            if (measured) {
                                openCounts[1]++;
                            }
                            continue;
                        }
                        outstanding.incrementAndGet();
                        queue.put(new Ticket(sent.getAndIncrement(), due));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    generating.set(false);
                    for (int w = 0; w < clients; w++) {
                        queue.offer(END);
                    }
                }
            }, "load-dispatcher"));
            for (int w = 0; w < clients; w++) {
                Tally tally = new Tally();
                tallies.add(tally);
                int worker = w;
                threads.add(new Thread(() -> {
                    try {
                        while (true) {
                            Ticket ticket = queue.take();
                            if (ticket == END) {
                                return;
                            }
                            long started = System.nanoTime();
                            Outcome outcome = exchange.exchange(worker, ticket.seq());
                            long ended = System.nanoTime();
                            outstanding.decrementAndGet();
                            if (ticket.intended() >= from) {
                                tally.record(outcome, ticket.intended(), started, ended, lateNanos);
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "load-worker-" + w));
            }
        }
        threads.forEach(Thread::start);

        sleepUntil(from);
        if (listener != null) {
            listener.edge(true);
        }
        // The window is [from, until) unless the request limit ends it sooner: in the open model the
        // last arrival may be answered before until, and the window still lasts to until.
        while (System.nanoTime() < until && stopAt.get() == Long.MAX_VALUE) {
            LockSupport.parkNanos(Math.max(1, Math.min(until - System.nanoTime(), 5_000_000L)));
        }
        long windowEnd = Math.max(from, Math.min(until, stopAt.get()));
        if (listener != null) {
            listener.edge(false);
        }
        long deadline = System.nanoTime() + drainNanos + (until - Math.min(until, System.nanoTime()));
        for (Thread t : threads) {
            t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        for (Thread t : threads) {
            if (t.isAlive()) {
                t.interrupt();
                throw new IllegalStateException(t.getName() + " did not finish within the drain time");
            }
        }

        Histogram latency = new Histogram(3);
        Histogram service = new Histogram(3);
        Map<String, Long> errors = new TreeMap<>();
        long requests = 0;
        long accepted = 0;
        long verified = 0;
        long late = 0;
        for (Tally t : tallies) {
            latency.add(t.latency);
            service.add(t.service);
            t.errors.forEach((k, v) -> errors.merge(k, v, Long::sum));
            requests += t.requests;
            accepted += t.accepted;
            verified += t.verified;
            late += t.late;
        }
        long offered = model == LoadOptions.Model.OPEN ? openCounts[0] : requests;
        return new Result(offered, requests, accepted, verified, openCounts[1], late, errors, latency, service,
                windowEnd - from, stopAt.get() < until);
    }

    /** Sleeps until {@code nanoTime}: parks in steps, spins the last 200 µs for a precise arrival. */
    static void sleepUntil(long nanoTime) {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            if (left > 200_000L) {
                LockSupport.parkNanos(Math.min(left - 100_000L, 50_000_000L));
            } else {
                Thread.onSpinWait();
            }
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }
}
