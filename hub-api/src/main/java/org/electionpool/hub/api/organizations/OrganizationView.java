package org.electionpool.hub.api.organizations;

import java.time.Instant;

/**
 * The public directory entry of an organisation: what every member of the hub may see.
 *
 * @param id           the organisation id (the {@code iss} of its messages)
 * @param name         display name
 * @param kind         what the organisation is
 * @param country      ISO 3166-1 alpha-2 code, or {@code EU}
 * @param contactPoint e-mail address or URL for exchanges at the hub
 * @param status       whether it currently takes part
 * @param createdAt    when it was registered
 */
public record OrganizationView(String id, String name, OrganizationKind kind, String country,
                               String contactPoint, OrganizationStatus status, Instant createdAt) {
}
