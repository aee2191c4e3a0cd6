package org.electionpool.hub.system.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;

/**
 * Produces the one clock every service reads the time from, so that time is a dependency rather
 * than a hidden global.
 *
 * <p>Invariant: UTC, ticking in whole microseconds — the precision of {@code timestamp with time
 * zone} in PostgreSQL and H2 — so an instant the hub hands out is exactly the one it stores and
 * later reads back (and, from HXP/1 on, signs).
 */
@ApplicationScoped
public class ClockProducer {

    /** The precision of every timestamp the hub stores. */
    static final Duration PRECISION = Duration.ofNanos(1_000);

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), PRECISION);
    }
}
