package org.electionpool.hub.api.indicators;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.electionpool.hub.api.organizations.OrganizationId;

/**
 * A member to add to a sharing group ({@code POST /api/v1/sharing-groups/{id}/members}).
 *
 * @param organization the organisation: an active authority or platform
 */
public record MemberRequest(
        @NotNull @Pattern(regexp = OrganizationId.PATTERN, message = "must be an organisation id") String organization) {
}
