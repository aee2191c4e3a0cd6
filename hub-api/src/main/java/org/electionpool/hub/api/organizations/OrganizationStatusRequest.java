package org.electionpool.hub.api.organizations;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A change of an organisation's status by the operator ({@code POST /api/v1/organizations/{orgId}/status}).
 *
 * @param status {@code SUSPENDED} or {@code ACTIVE}
 * @param reason why, recorded in the audit entry
 */
public record OrganizationStatusRequest(@NotNull OrganizationStatus status, @Size(max = 500) String reason) {
}
