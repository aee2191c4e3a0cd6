package org.electionpool.hub.web.organizations;

import java.util.List;
import org.electionpool.hub.api.organizations.OrganizationView;

/**
 * The body of {@code GET /api/v1/organizations}: the directory, ordered by id.
 *
 * @param organizations every member organisation's public entry
 */
public record OrganizationList(List<OrganizationView> organizations) {
}
