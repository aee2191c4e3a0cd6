package org.electionpool.hub.api.indicators;

import java.util.List;

/**
 * Every version of an indicator, oldest first.
 *
 * @param versions the versions
 */
public record IndicatorVersionList(List<IndicatorView> versions) {
}
