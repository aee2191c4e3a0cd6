package org.electionpool.hub.organizations.domain;

import org.electionpool.hub.api.organizations.OrganizationId;

/**
 * An organisation with the same id already exists (found on insert, so also under races).
 */
public class DuplicateOrganizationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param id the id that is taken */
    public DuplicateOrganizationException(OrganizationId id) {
        super("organisation " + id + " already exists");
    }
}
