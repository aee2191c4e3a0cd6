package org.electionpool.hub.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class OpenScheduleTest {

    @Test
    void arrivalsAreDueAtFixedIntervalsFromTheStartWithoutDrift() {
        OpenSchedule s = new OpenSchedule(1_000, 3);
        assertEquals(1_000, s.intendedStart(0));
        assertEquals(1_000 + 333_333_333, s.intendedStart(1));
        assertEquals(1_000 + 666_666_667, s.intendedStart(2));
        assertEquals(1_000 + 1_000_000_000L * 1_000_000, s.intendedStart(3_000_000), "no rounding error accumulates");
    }

    @Test
    void countsTheArrivalsDueInAWindow() {
        OpenSchedule s = new OpenSchedule(0, 20);
        assertEquals(20, s.arrivalsWithin(1_000_000_000L));
        assertEquals(1, s.arrivalsWithin(1));
        assertEquals(0, s.arrivalsWithin(0));
        assertEquals(3, new OpenSchedule(0, 2.5).arrivalsWithin(1_000_000_000L));
    }

    @Test
    void refusesNoRateAndNegativeIndexes() {
        assertThrows(IllegalArgumentException.class, () -> new OpenSchedule(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new OpenSchedule(0, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new OpenSchedule(0, 1).intendedStart(-1));
    }
}
