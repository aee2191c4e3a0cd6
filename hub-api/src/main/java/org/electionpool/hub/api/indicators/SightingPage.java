package org.electionpool.hub.api.indicators;

import java.util.List;

/**
 * One page of an indicator's sightings that the caller may read, oldest first.
 *
 * @param sightings the page
 * @param totals    the totals of all sightings of the indicator (numbers only)
 * @param next      the cursor of the next page, or {@code null} for the last
 */
public record SightingPage(List<SightingView> sightings, SightingTotals totals, String next) {
}
