package org.electionpool.hub.api.indicators;

import java.time.Instant;

/**
 * The totals of every sighting of an indicator, including those the caller may not read: numbers
 * only, never who saw what.
 *
 * @param reports   how many sightings were reported
 * @param count     the sum of their counts
 * @param firstSeen the earliest first sighting, or {@code null} for none
 * @param lastSeen  the latest last sighting, or {@code null} for none
 */
public record SightingTotals(long reports, long count, Instant firstSeen, Instant lastSeen) {
}
