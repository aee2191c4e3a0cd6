package org.electionpool.hub.api.indicators;

import java.time.Instant;
import java.util.List;

/**
 * A sighting as the caller may see it; {@code related} and {@code distribution} are the reporter's
 * alone ({@code null} for everybody else).
 *
 * @param id           the sighting (a STIX id)
 * @param indicator    the indicator seen
 * @param reporter     the organisation that saw it
 * @param count        how many times
 * @param firstSeen    first seen
 * @param lastSeen     last seen
 * @param observedOn   the platform it was seen on
 * @param territories  ISO 3166-1 codes
 * @param action       what the reporter did
 * @param description  free text, or {@code null}
 * @param tlp          its marking
 * @param created      when it was reported
 * @param related      the reporter's case (reporter only)
 * @param distribution who else may read it (reporter only)
 */
public record SightingView(String id, String indicator, String reporter, int count, Instant firstSeen, Instant lastSeen,
                           String observedOn, List<String> territories, SightingAction action, String description,
                           String tlp, Instant created, RelatedCase related, Distribution distribution) {
}
