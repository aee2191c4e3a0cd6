package org.electionpool.hub.api.indicators;

import java.time.Instant;
import java.util.List;

/**
 * A sharing group as its owner and its members see it.
 *
 * @param id          the group
 * @param name        its name
 * @param description what it is for, or {@code null}
 * @param owner       the organisation that owns it (always a reader of what is shared with it)
 * @param members     its members now, by organisation id
 * @param created     when it was made
 * @param updated     when its membership last changed
 */
public record SharingGroupView(String id, String name, String description, String owner, List<Member> members,
                               Instant created, Instant updated) {

    /**
     * One member.
     *
     * @param organization the organisation
     * @param added        since when
     */
    public record Member(String organization, Instant added) {
    }
}
