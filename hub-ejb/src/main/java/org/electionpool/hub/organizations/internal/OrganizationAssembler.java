package org.electionpool.hub.organizations.internal;

import org.electionpool.hub.api.organizations.OrganizationView;
import org.electionpool.hub.organizations.domain.Organization;

/**
 * Turns organisation entities into the views that leave the service layer.
 */
final class OrganizationAssembler {

    private OrganizationAssembler() {
    }

    static OrganizationView toView(Organization o) {
        return new OrganizationView(o.id().value(), o.name(), o.kind(), o.country(), o.contactPoint(),
                o.status(), o.createdAt());
    }
}
