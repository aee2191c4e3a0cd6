package org.electionpool.hub.indicators.domain;

import java.time.Instant;
import java.util.List;
import org.electionpool.hub.api.indicators.Distribution;
import org.electionpool.hub.api.indicators.RelatedCase;
import org.electionpool.hub.api.indicators.Tlp;

/**
 * An indicator as stored: its identity and value, with one of its versions (the current one in a
 * list, any in a version history).
 *
 * @param id             the indicator
 * @param author         its author
 * @param clientRef      the author's reference
 * @param requestSha256  the digest of the creating request (idempotent replays)
 * @param value          the value
 * @param currentTlp     the current version's marking (what decides visibility)
 * @param currentVersion the current version's number
 * @param derivedFrom    the source it was derived from, or {@code null}
 * @param created        when the first version was made
 * @param version        the version carried
 */
public record IndicatorRecord(String id, String author, String clientRef, String requestSha256, IndicatorValue value,
                              Tlp currentTlp, int currentVersion, String derivedFrom, Instant created, Version version) {

    /**
     * One version, never changed once made.
     *
     * @param number       1, 2, 3…
     * @param tlp          its marking
     * @param description  its description, or {@code null}
     * @param confidence   0–100
     * @param validFrom    from when
     * @param validUntil   until when, or {@code null}
     * @param techniques   DISARM ids
     * @param election     the election, or {@code null}
     * @param revoked      whether it revokes
     * @param note         why it was made, or {@code null}
     * @param distribution who else may read it
     * @param related      the author's cases
     * @param principal    who in the author's organisation made it
     * @param modified     when it was made
     */
    public record Version(int number, Tlp tlp, String description, int confidence, Instant validFrom, Instant validUntil,
                          List<String> techniques, String election, boolean revoked, String note,
                          Distribution distribution, List<RelatedCase> related, String principal, Instant modified) {
    }
}
