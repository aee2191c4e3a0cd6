package org.electionpool.hub.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The engine's timing and accounting with a fake exchange that sleeps: no hub. Windows are short
 * (≤ 1 s) and assertions leave room for a busy machine's scheduling.
 */
class LoadEngineTest {

    private static final long MS = 1_000_000L;

    private static Outcome sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Outcome.accepted(false);
    }

    @Test
    void openModelMeasuresFromTheIntendedStartSoAStallShowsInEveryRequestItHeldUp() throws Exception {
        // 50 arrivals/s, one worker; the first request stalls 400 ms. A closed-model measurement would
        // see one slow request; every arrival queued behind it was late by up to 400 ms as well.
        LoadEngine engine = new LoadEngine(LoadOptions.Model.OPEN, 1, 50, 1000, 10 * MS, Long.MAX_VALUE,
                (worker, seq) -> sleep(seq == 0 ? 400 : 1));
        LoadEngine.Result r = engine.run(0, 1000 * MS, null, 2000 * MS);
        assertEquals(0, r.dropped());
        assertEquals(r.offered(), r.requests());
        assertTrue(r.offered() >= 49 && r.offered() <= 51, "offered " + r.offered());
        assertEquals(1, r.service().getCountBetweenValues(100_000, Long.MAX_VALUE), "one slow service time");
        long slow = r.latency().getCountBetweenValues(100_000, Long.MAX_VALUE);
        assertTrue(slow >= 10, "requests held up behind the stall count its wait: " + slow);
        assertTrue(r.latency().getMaxValue() >= 400_000, "max " + r.latency().getMaxValue());
        assertTrue(r.late() >= 10, "late " + r.late());
        assertTrue(r.latency().getValueAtPercentile(50) >= r.service().getValueAtPercentile(50));
        assertEquals(1000 * MS, r.windowNanos(), "the window lasts to its end though the last arrival was served before");
    }

    @Test
    void openModelDropsArrivalsBeyondTheOutstandingCapAndCountsThem() throws Exception {
        // 100 arrivals/s against one worker that takes 30 ms: at most ~33/s can be served.
        LoadEngine engine = new LoadEngine(LoadOptions.Model.OPEN, 1, 100, 2, 10 * MS, Long.MAX_VALUE,
                (worker, seq) -> sleep(30));
        LoadEngine.Result r = engine.run(0, 1000 * MS, null, 2000 * MS);
        assertTrue(r.offered() >= 99 && r.offered() <= 101, "offered " + r.offered());
        assertEquals(r.offered(), r.requests() + r.dropped(), "every arrival is sent or dropped");
        assertTrue(r.dropped() >= 40, "dropped " + r.dropped());
        assertTrue(r.requests() <= 40, "requests " + r.requests());
        assertEquals(r.requests(), r.accepted());
        assertTrue(r.late() > 0);
        assertTrue(r.failed() == 0 && r.errors().isEmpty());
    }

    @Test
    void closedModelSendsBackToBackAndTheRequestLimitEndsTheWindow() throws Exception {
        List<Long> seqs = new CopyOnWriteArrayList<>();
        LoadEngine engine = new LoadEngine(LoadOptions.Model.CLOSED, 2, 0, 0, 0, 20, (worker, seq) -> {
            seqs.add(seq);
            return sleep(5);
        });
        LoadEngine.Result r = engine.run(0, 5000 * MS, null, 1000 * MS);
        assertEquals(20, r.requests());
        assertEquals(20, seqs.size());
        assertEquals(20, seqs.stream().distinct().count(), "each seq once");
        assertTrue(r.stoppedByLimit());
        assertTrue(r.windowNanos() < 2000 * MS, "window " + r.windowNanos());
        assertEquals(20, r.latency().getTotalCount());
        assertEquals(0, r.dropped());
    }

    @Test
    void warmUpRequestsAreSentButNotCounted() throws Exception {
        List<Long> seqs = new CopyOnWriteArrayList<>();
        boolean[] edges = new boolean[2];
        LoadEngine engine = new LoadEngine(LoadOptions.Model.CLOSED, 1, 0, 0, 0, Long.MAX_VALUE, (worker, seq) -> {
            seqs.add(seq);
            return sleep(10);
        });
        LoadEngine.Result r = engine.run(300 * MS, 300 * MS, opened -> edges[opened ? 0 : 1] = true, 1000 * MS);
        assertTrue(edges[0] && edges[1], "both window edges were marked");
        assertTrue(r.requests() > 0 && r.requests() < seqs.size(), r.requests() + " of " + seqs.size());
        assertFalse(r.stoppedByLimit());
        assertTrue(Math.abs(r.windowNanos() - 300 * MS) < 50 * MS, "window " + r.windowNanos());
    }

    @Test
    void errorsAreCountedByNameAndKeptOutOfTheLatency() throws Exception {
        LoadEngine engine = new LoadEngine(LoadOptions.Model.CLOSED, 1, 0, 0, 0, 10, (worker, seq) -> seq % 2 == 0
                ? Outcome.accepted(seq % 4 == 0) : Outcome.failed("POST /cases 409 conflict"));
        LoadEngine.Result r = engine.run(0, 2000 * MS, null, 1000 * MS);
        assertEquals(10, r.requests());
        assertEquals(5, r.accepted());
        assertEquals(3, r.verified());
        assertEquals(Map.of("POST /cases 409 conflict", 5L), r.errors());
        assertEquals(5, r.failed());
        assertEquals(5, r.latency().getTotalCount());
    }
}
