package org.electionpool.hub.api.indicators;

import java.time.Instant;
import java.util.List;

/**
 * One version of an indicator as the caller may see it. {@code related} and {@code distribution}
 * are the author's alone ({@code null} for everybody else); {@code alsoReportedBy} and
 * {@code sightings} are filled for the current version only.
 *
 * @param id             the indicator (a STIX id)
 * @param version        the version number, 1 for the first
 * @param author         the organisation that shares it
 * @param type           what the value is
 * @param value          the value as the author sent it
 * @param normalized     the normalised form the hub compares (docs/indicators.md)
 * @param platform       {@code ACCOUNT}: the platform
 * @param algorithm      {@code CONTENT_HASH}: the algorithm
 * @param language       {@code NARRATIVE}: the language
 * @param description    the author's description
 * @param tlp            the marking of this version
 * @param confidence     0–100
 * @param validFrom      from when it holds
 * @param validUntil     until when, or {@code null}
 * @param techniques     DISARM technique ids
 * @param election       the election, or {@code null}
 * @param revoked        whether this version revokes it
 * @param note           why this version was made, or {@code null}
 * @param derivedFrom    the indicator it was derived from, when the caller may read that one
 * @param created        when the first version was made (STIX {@code created})
 * @param modified       when this version was made (STIX {@code modified})
 * @param related        the author's cases it relates to (author only)
 * @param distribution   who else may read it (author only)
 * @param alsoReportedBy other indicators with the same normalised value that the caller may read
 * @param sightings      the totals of all its sightings (current version only)
 */
public record IndicatorView(String id, int version, String author, IndicatorType type, String value, String normalized,
                            String platform, String algorithm, String language, String description, String tlp,
                            int confidence, Instant validFrom, Instant validUntil, List<String> techniques,
                            String election, boolean revoked, String note, String derivedFrom, Instant created,
                            Instant modified, List<RelatedCase> related, Distribution distribution,
                            List<Report> alsoReportedBy, SightingTotals sightings) {

    /**
     * Another organisation's indicator of the same value.
     *
     * @param indicator its id
     * @param author    its author
     */
    public record Report(String indicator, String author) {
    }
}
