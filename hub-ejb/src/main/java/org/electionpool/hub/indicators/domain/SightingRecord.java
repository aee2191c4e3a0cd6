package org.electionpool.hub.indicators.domain;

import java.time.Instant;
import java.util.List;
import org.electionpool.hub.api.indicators.Distribution;
import org.electionpool.hub.api.indicators.RelatedCase;
import org.electionpool.hub.api.indicators.SightingAction;
import org.electionpool.hub.api.indicators.Tlp;

/**
 * A sighting as stored; never changed once reported.
 *
 * @param id            the sighting
 * @param indicator     the indicator seen
 * @param reporter      who saw it
 * @param clientRef     the reporter's reference
 * @param requestSha256 the digest of the reporting request
 * @param count         how many times
 * @param firstSeen     first seen
 * @param lastSeen      last seen
 * @param observedOn    the platform
 * @param territories   ISO 3166-1 codes
 * @param action        what the reporter did
 * @param description   free text, or {@code null}
 * @param tlp           its marking
 * @param related       the reporter's case, or {@code null}
 * @param distribution  who else may read it
 * @param created       when it was reported
 */
public record SightingRecord(String id, String indicator, String reporter, String clientRef, String requestSha256,
                             int count, Instant firstSeen, Instant lastSeen, String observedOn, List<String> territories,
                             SightingAction action, String description, Tlp tlp, RelatedCase related,
                             Distribution distribution, Instant created) {
}
