package org.electionpool.hub.api.indicators;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.electionpool.hub.api.time.InstantWindow;

/**
 * A new version of an indicator ({@code POST /api/v1/indicators/{id}/versions}), by its author: an
 * update or a revocation. The type and value never change (another value is another indicator);
 * every other member given replaces the current one, a {@code null} member keeps it. A new marking
 * or distribution takes effect for every version at the next read.
 *
 * @param basedOn      the version the author last read: if another version was made since, {@code 409 conflict}
 * @param revoked      {@code true} to revoke: the last version; the indicator stays readable, marked revoked
 * @param description  see {@link CreateIndicatorRequest}
 * @param tlp          see {@link CreateIndicatorRequest}
 * @param confidence   see {@link CreateIndicatorRequest}
 * @param validFrom    see {@link CreateIndicatorRequest}
 * @param validUntil   see {@link CreateIndicatorRequest}
 * @param techniques   see {@link CreateIndicatorRequest}
 * @param election     see {@link CreateIndicatorRequest}
 * @param related      see {@link CreateIndicatorRequest}
 * @param distribution see {@link CreateIndicatorRequest}; replaces the whole distribution
 * @param note         why this version was made (kept in the version, shown to readers)
 */
public record NewVersionRequest(
        @NotNull @Min(1) Integer basedOn,
        Boolean revoked,
        @Size(max = 4000) String description,
        @Pattern(regexp = Tlp.PATTERN, message = "must be a TLP 2.0 marking") String tlp,
        @Min(0) @Max(100) Integer confidence,
        @InstantWindow Instant validFrom,
        @InstantWindow Instant validUntil,
        @Size(max = 20) List<@NotNull @Pattern(regexp = CreateIndicatorRequest.TECHNIQUE_PATTERN, message = "must be a DISARM technique id such as T0049") String> techniques,
        @Pattern(regexp = CreateIndicatorRequest.ELECTION_PATTERN, message = "must be an election id such as fi-parliamentary-2027") String election,
        @Size(max = 20) List<@NotNull @Valid RelatedCase> related,
        @Valid Distribution distribution,
        @Size(max = 1000) String note) {
}
