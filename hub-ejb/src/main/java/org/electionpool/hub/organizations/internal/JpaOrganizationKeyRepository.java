package org.electionpool.hub.organizations.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Optional;
import org.electionpool.hub.api.keys.KeyId;
import org.electionpool.hub.api.keys.KeyStatus;
import org.electionpool.hub.api.keys.KeyUse;
import org.electionpool.hub.api.organizations.OrganizationId;
import org.electionpool.hub.system.JdbcErrors;
import org.electionpool.hub.organizations.domain.DuplicateKeyException;
import org.electionpool.hub.organizations.domain.OrganizationKey;
import org.electionpool.hub.organizations.domain.OrganizationKeyRepository;

/**
 * {@link OrganizationKeyRepository} on the hub's persistence unit.
 */
@ApplicationScoped
public class JpaOrganizationKeyRepository implements OrganizationKeyRepository {

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    @Override
    public Optional<OrganizationKey> find(OrganizationId organization, KeyId kid) {
        return Optional.ofNullable(em.find(OrganizationKey.class, new OrganizationKey.Key(organization, kid)));
    }

    @Override
    public List<OrganizationKey> findAll(OrganizationId organization) {
        return em.createQuery("select k from OrganizationKey k where k.organizationId = :org"
                        + " order by k.createdAt desc, k.kid", OrganizationKey.class)
                .setParameter("org", organization.value()).getResultList();
    }

    @Override
    public List<OrganizationKey> findActive(OrganizationId organization, KeyUse use) {
        return em.createQuery("select k from OrganizationKey k where k.organizationId = :org and k.use = :use"
                        + " and k.status = :status order by k.createdAt desc, k.kid", OrganizationKey.class)
                .setParameter("org", organization.value()).setParameter("use", use)
                .setParameter("status", KeyStatus.ACTIVE).getResultList();
    }

    @Override
    public boolean thumbprintExists(String thumbprint) {
        return !em.createQuery("select k.kid from OrganizationKey k where k.thumbprint = :t", String.class)
                .setParameter("t", thumbprint).setMaxResults(1).getResultList().isEmpty();
    }

    @Override
    public void add(OrganizationKey key) {
        if (find(key.organization(), key.kid()).isPresent()) {
            throw new DuplicateKeyException("the key id is taken in this organisation");
        }
        if (thumbprintExists(key.thumbprint())) {
            throw new DuplicateKeyException("this key is registered already");
        }
        try {
            em.persist(key);
            em.flush();
        } catch (PersistenceException e) {
            if (JdbcErrors.isIntegrityViolation(e)) {
                throw new DuplicateKeyException("the key id or key is registered already");
            }
            throw e;
        }
    }
}
