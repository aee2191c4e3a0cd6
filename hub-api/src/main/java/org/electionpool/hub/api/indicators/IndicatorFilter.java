package org.electionpool.hub.api.indicators;

import java.time.Instant;

/**
 * Filters of an indicator list; {@code null} members do not filter. Each applies to the current version.
 *
 * @param type         only this type
 * @param tlp          only this marking
 * @param technique    only indicators naming this DISARM technique
 * @param election     only this election
 * @param validAt      only indicators valid at this instant (and not revoked)
 * @param updatedSince only indicators with a version made at or after this time
 * @param value        only indicators whose normalised value equals this value's, normalised as each type
 * @param author       only this author's
 * @param after        the cursor of the previous page, or {@code null} for the first
 * @param limit        page size, 1–100
 */
public record IndicatorFilter(IndicatorType type, Tlp tlp, String technique, String election, Instant validAt,
                              Instant updatedSince, String value, String author, String after, int limit) {
}
