package org.electionpool.hub.api.organizations;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The operator's request to register a new organisation.
 *
 * @param id           the new organisation's id, see {@link OrganizationId#PATTERN}
 * @param name         display name, e.g. "Ministry of Justice"
 * @param kind         what the organisation is
 * @param country      ISO 3166-1 alpha-2 code of its jurisdiction, or {@code EU}
 * @param contactPoint where to reach it about exchanges at the hub: an e-mail address or URL
 */
public record CreateOrganizationRequest(
        @NotNull @Pattern(regexp = OrganizationId.PATTERN,
                message = "must be 3-64 lower-case letters, digits or inner hyphens") String id,
        @NotBlank @Size(max = 200) String name,
        @NotNull OrganizationKind kind,
        @NotNull @IsoCountry String country,
        @NotBlank @Size(max = 320) String contactPoint) {
}
