package org.electionpool.hub.organizations.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Optional;
import org.electionpool.hub.api.organizations.OrganizationId;
import org.electionpool.hub.system.JdbcErrors;
import org.electionpool.hub.organizations.domain.DuplicateOrganizationException;
import org.electionpool.hub.organizations.domain.Organization;
import org.electionpool.hub.organizations.domain.OrganizationRepository;

/**
 * {@link OrganizationRepository} on the hub's persistence unit.
 */
@ApplicationScoped
public class JpaOrganizationRepository implements OrganizationRepository {

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    @Override
    public Optional<Organization> find(OrganizationId id) {
        return Optional.ofNullable(em.find(Organization.class, id.value()));
    }

    @Override
    public List<Organization> findAll() {
        return em.createQuery("select o from Organization o order by o.id", Organization.class).getResultList();
    }

    @Override
    public void add(Organization organization) {
        if (em.find(Organization.class, organization.id().value()) != null) {
            throw new DuplicateOrganizationException(organization.id());
        }
        try {
            em.persist(organization);
            em.flush();
        } catch (PersistenceException e) {
            if (JdbcErrors.isIntegrityViolation(e)) {
                throw new DuplicateOrganizationException(organization.id());
            }
            throw e;
        }
    }
}
