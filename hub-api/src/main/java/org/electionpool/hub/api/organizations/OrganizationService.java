package org.electionpool.hub.api.organizations;

import jakarta.ejb.Local;
import java.util.List;
import java.util.Optional;

/**
 * The organisation registry.
 *
 * <p>Implementations are transactional EJBs: each call is one transaction; a refused call
 * ({@link org.electionpool.hub.api.problem.HubException}) changes nothing.
 */
@Local
public interface OrganizationService {

    /**
     * Registers an organisation in status {@link OrganizationStatus#ACTIVE} and records
     * {@code organization.created} in the audit log, in the same transaction.
     *
     * @param context who asks, through which signed message
     * @param request a bean-validated request
     * @return the new directory entry
     * @throws org.electionpool.hub.api.problem.HubException {@code ALREADY_EXISTS} if the id is taken
     */
    OrganizationView create(org.electionpool.hub.api.audit.AuditContext context, CreateOrganizationRequest request);

    /**
     * @param id the organisation id
     * @return the directory entry, or empty if there is no such organisation
     */
    Optional<OrganizationView> find(OrganizationId id);

    /** @return every organisation, ordered by id */
    List<OrganizationView> list();
}
