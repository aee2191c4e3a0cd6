package org.electionpool.hub.api.indicators;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.electionpool.hub.api.organizations.OrganizationId;

/**
 * A new sharing group ({@code POST /api/v1/sharing-groups}), owned by the organisation that makes it.
 *
 * @param name        unique among the owner's groups
 * @param description what the group is for
 * @param members     the first members: active authorities and platforms, at most 200
 */
public record SharingGroupRequest(
        @NotBlank @Size(max = 120) String name,
        @Size(max = 2000) String description,
        @Size(max = 200) List<@NotNull @Pattern(regexp = OrganizationId.PATTERN, message = "must be an organisation id") String> members) {
}
