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
import org.electionpool.hub.api.organizations.IsoCountry;
import org.electionpool.hub.api.time.InstantWindow;

/**
 * A sighting ({@code POST /api/v1/indicators/{id}/sightings}): where and how often an organisation
 * that may read the indicator saw it, and what it did. Its marking is its own and never looser
 * than the indicator's; its audience never wider (docs/indicators.md).
 *
 * @param clientRef    the reporter's own reference for idempotent reporting
 * @param count        how many times it was seen, 1–999,999,999
 * @param firstSeen    when it was first seen
 * @param lastSeen     when it was last seen (not before {@code firstSeen})
 * @param observedOn   where: the platform it was seen on, e.g. {@code x.com}; default the reporter itself
 * @param territories  where: ISO 3166-1 codes, at most 60
 * @param action       what the reporter did
 * @param related      the reporter's own case (and item) with its response, if there is one
 * @param description  free text
 * @param tlp          its marking: at least as tight as the indicator's; default the indicator's
 * @param distribution who else may read it ({@code AMBER} and tighter)
 */
public record SightingRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._:/-]{1,128}", message = "must be 1-128 letters, digits or . _ : / -") String clientRef,
        @NotNull @Min(1) @Max(999_999_999) Integer count,
        @NotNull @InstantWindow Instant firstSeen,
        @NotNull @InstantWindow Instant lastSeen,
        @Pattern(regexp = CreateIndicatorRequest.PLATFORM_PATTERN, message = "must be a platform name such as x.com or tiktok") String observedOn,
        @Size(max = 60) List<@NotNull @IsoCountry String> territories,
        @NotNull SightingAction action,
        @Valid RelatedCase related,
        @Size(max = 2000) String description,
        @Pattern(regexp = Tlp.PATTERN, message = "must be a TLP 2.0 marking") String tlp,
        @Valid Distribution distribution) {
}
