package org.electionpool.hub.audit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The per-address budget of recorded refusals: floods become one summary per address and minute. */
class RefusalBudgetTest {

    private static final Instant T0 = Instant.parse("2027-04-12T08:00:00Z");

    @Test
    void withinTheBudgetEveryRefusalIsRecordedAndNothingIsSummarised() {
        RefusalBudget budget = new RefusalBudget(5, 100);
        for (int i = 0; i < 5; i++) {
            assertTrue(budget.admit("192.0.2.1", "hxp-malformed", T0.plusSeconds(i)));
        }
        assertEquals(List.of(), budget.drain(T0.plusSeconds(120)));
        assertEquals(0, budget.tracked(), "ended minutes are forgotten");
    }

    @Test
    void beyondTheBudgetRefusalsAreCountedIntoOneSummaryPerAddressAndMinute() {
        RefusalBudget budget = new RefusalBudget(3, 100);
        int recorded = 0;
        for (int i = 0; i < 50; i++) {
            recorded += budget.admit("192.0.2.1", i % 2 == 0 ? "hxp-malformed" : "hxp-unauthenticated",
                    T0.plusMillis(i * 100L)) ? 1 : 0;
        }
        assertEquals(3, recorded);
        assertTrue(budget.admit("192.0.2.2", "hxp-malformed", T0.plusSeconds(1)), "another address has its own budget");
        assertEquals(List.of(), budget.drain(T0.plusSeconds(59)), "the minute is still running");

        List<RefusalBudget.Suppressed> summaries = budget.drain(T0.plusSeconds(60));
        assertEquals(1, summaries.size());
        RefusalBudget.Suppressed s = summaries.get(0);
        assertEquals("192.0.2.1", s.address());
        assertEquals(47, s.count());
        assertEquals(T0, s.windowStart());
        assertEquals(T0.plusMillis(300), s.firstAt());
        assertEquals(T0.plusMillis(4900), s.lastAt());
        assertEquals(Map.of("hxp-malformed", 23L, "hxp-unauthenticated", 24L), s.reasons());
        assertEquals(List.of(), budget.drain(T0.plusSeconds(61)), "each summary comes back once");
    }

    @Test
    void aNewMinuteBringsANewBudgetAndClosesTheOldOne() {
        RefusalBudget budget = new RefusalBudget(1, 100);
        assertTrue(budget.admit("192.0.2.1", "a", T0));
        assertFalse(budget.admit("192.0.2.1", "a", T0.plusSeconds(30)));
        assertTrue(budget.admit("192.0.2.1", "a", T0.plusSeconds(60)), "the next minute");
        assertFalse(budget.admit("192.0.2.1", "a", T0.plusSeconds(61)));
        List<RefusalBudget.Suppressed> first = budget.drain(T0.plusSeconds(61));
        assertEquals(1, first.size(), "the first minute, exactly once");
        assertEquals(T0, first.get(0).windowStart());
        List<RefusalBudget.Suppressed> second = budget.drain(T0.plusSeconds(120));
        assertEquals(1, second.size());
        assertEquals(T0.plusSeconds(60), second.get(0).windowStart());
    }

    @Test
    void aFloodFromManyAddressesSharesOneBudgetBeyondTheTrackedOnes() {
        RefusalBudget budget = new RefusalBudget(2, 10);
        int recorded = 0;
        for (int i = 0; i < 10_000; i++) {
            recorded += budget.admit("198.51.100." + i, "hxp-malformed", T0.plusMillis(i)) ? 1 : 0;
        }
        assertEquals(10 + 2, recorded, "ten tracked addresses once each, then two for all the others");
        assertTrue(budget.tracked() <= 11, "memory stays bounded: " + budget.tracked());
        List<RefusalBudget.Suppressed> summaries = budget.drainAll();
        assertEquals(1, summaries.size());
        assertEquals(RefusalBudget.OTHERS, summaries.get(0).address());
        assertEquals(10_000 - 12, summaries.get(0).count());
    }

    @Test
    void atShutdownRunningMinutesAreSummarisedToo() {
        RefusalBudget budget = new RefusalBudget(1, 100);
        budget.admit("192.0.2.1", "a", T0);
        budget.admit("192.0.2.1", "a", T0);
        assertEquals(List.of(), budget.drain(T0.plusSeconds(1)));
        assertEquals(1, budget.drainAll().size());
        assertEquals(List.of(), budget.drainAll());
    }

    @Test
    void zeroMeansNoLimit() {
        RefusalBudget budget = new RefusalBudget(0, 1);
        for (int i = 0; i < 1000; i++) {
            assertTrue(budget.admit("192.0.2." + i, "a", T0));
        }
        assertEquals(0, budget.tracked());
        assertThrows(IllegalArgumentException.class, () -> new RefusalBudget(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> new RefusalBudget(1, 0));
    }

    @Test
    void concurrentRefusalsAreCountedExactly() throws Exception {
        RefusalBudget budget = new RefusalBudget(100, 100);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    int recorded = 0;
                    for (int i = 0; i < 5000; i++) {
                        recorded += budget.admit("192.0.2.9", "a", T0) ? 1 : 0;
                    }
                    return recorded;
                }));
            }
            int recorded = 0;
            for (Future<Integer> f : futures) {
                recorded += f.get();
            }
            assertEquals(100, recorded);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(20_000 - 100, budget.drainAll().get(0).count());
    }
}
