package org.electionpool.hub.api.indicators;

import java.util.List;

/**
 * The sharing groups the caller owns or belongs to, by name.
 *
 * @param groups the groups
 */
public record SharingGroupList(List<SharingGroupView> groups) {
}
