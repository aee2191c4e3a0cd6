package org.electionpool.hub.api.indicators;

import java.util.List;

/**
 * One page of the indicators the caller may read, most recently modified first.
 *
 * @param indicators the current version of each
 * @param next       the cursor of the next page, or {@code null} for the last
 */
public record IndicatorPage(List<IndicatorView> indicators, String next) {
}
