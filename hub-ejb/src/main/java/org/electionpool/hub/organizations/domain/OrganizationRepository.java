package org.electionpool.hub.organizations.domain;

import java.util.List;
import java.util.Optional;
import org.electionpool.hub.api.organizations.OrganizationId;

/**
 * Storage of {@link Organization} aggregates. Implementations join the caller's transaction.
 */
public interface OrganizationRepository {

    /** @return the organisation, or empty */
    Optional<Organization> find(OrganizationId id);

    /** @return every organisation, ordered by id */
    List<Organization> findAll();

    /**
     * Stores a new organisation and flushes, so that a duplicate id fails here.
     *
     * @throws DuplicateOrganizationException if an organisation with that id exists
     */
    void add(Organization organization);
}
