package org.electionpool.hub.api.indicators;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.electionpool.hub.api.time.InstantWindow;

/**
 * A new indicator ({@code POST /api/v1/indicators}), shared by an authority or a platform. Field
 * rules are Bean Validation constraints; what each type needs on top, the DISARM catalogue, the
 * distribution and the related cases are checked by the service. docs/indicators.md has each rule.
 *
 * @param clientRef    the author's own reference for idempotent creation: the same {@code clientRef}
 *                     with the same body returns the existing indicator
 * @param type         what the value is
 * @param value        the URL, domain, handle, hashtag, hash (hex) or claim
 * @param platform     {@code ACCOUNT} only (required): the platform the account is on, e.g. {@code x.com}
 * @param algorithm    {@code CONTENT_HASH} only (required): {@code SHA-256}, {@code SHA-512}, {@code SHA-1},
 *                     {@code MD5}, {@code PDQ} or {@code TMK}
 * @param language     {@code NARRATIVE} only (required): ISO 639-1
 * @param description  what it is and why it matters
 * @param tlp          the TLP 2.0 marking ({@link Tlp#PATTERN})
 * @param confidence   0–100 (STIX 2.1 confidence scale)
 * @param validFrom    from when it holds; default: now
 * @param validUntil   until when it holds (after {@code validFrom}); default: open
 * @param techniques   DISARM technique ids, e.g. {@code T0049} or {@code T0049.001}, at most 20
 * @param election     the election it concerns
 * @param related      the author's own cases and case items it relates to, at most 20
 * @param distribution who else may read it ({@code AMBER} and tighter)
 * @param derivedFrom  the indicator it was derived from, one the caller may read: its marking and
 *                     distribution then bound this one's
 */
public record CreateIndicatorRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._:/-]{1,128}", message = "must be 1-128 letters, digits or . _ : / -") String clientRef,
        @NotNull IndicatorType type,
        @NotBlank @Size(max = 2048) String value,
        @Pattern(regexp = PLATFORM_PATTERN, message = "must be a platform name such as x.com or tiktok") String platform,
        @Pattern(regexp = ALGORITHM_PATTERN, message = "must be SHA-256, SHA-512, SHA-1, MD5, PDQ or TMK") String algorithm,
        @Pattern(regexp = "[a-z]{2}", message = "must be an ISO 639-1 code such as fi") String language,
        @Size(max = 4000) String description,
        @NotNull @Pattern(regexp = Tlp.PATTERN, message = "must be a TLP 2.0 marking") String tlp,
        @NotNull @Min(0) @Max(100) Integer confidence,
        @InstantWindow Instant validFrom,
        @InstantWindow Instant validUntil,
        @Size(max = 20) List<@NotNull @Pattern(regexp = TECHNIQUE_PATTERN, message = "must be a DISARM technique id such as T0049") String> techniques,
        @Pattern(regexp = ELECTION_PATTERN, message = "must be an election id such as fi-parliamentary-2027") String election,
        @Size(max = 20) List<@NotNull @Valid RelatedCase> related,
        @Valid Distribution distribution,
        @Pattern(regexp = IndicatorId.PATTERN, message = "must be an indicator id") String derivedFrom) {

    /** A platform name: lower-case letters, digits, dots and hyphens. */
    public static final String PLATFORM_PATTERN = "[a-z0-9][a-z0-9.-]{0,62}";

    /** The content hash algorithms. */
    public static final String ALGORITHM_PATTERN = "SHA-256|SHA-512|SHA-1|MD5|PDQ|TMK";

    /** A DISARM technique or sub-technique id. */
    public static final String TECHNIQUE_PATTERN = "T[0-9]{4}(\\.[0-9]{3})?";

    /** An election id, as for cases. */
    public static final String ELECTION_PATTERN = "[a-z0-9][a-z0-9-]{1,62}[a-z0-9]";
}
