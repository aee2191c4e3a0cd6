package org.electionpool.hub.system.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The hub's clock ticks in what the database can store. */
class ClockProducerTest {

    @Test
    void clockTicksInTheMicrosecondsTheDatabaseStores() {
        Clock clock = new ClockProducer().clock();
        for (int i = 0; i < 1000; i++) {
            Instant now = clock.instant();
            assertEquals(0, now.getNano() % 1_000, now.toString());
        }
    }
}
