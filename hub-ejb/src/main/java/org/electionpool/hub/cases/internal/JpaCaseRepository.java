package org.electionpool.hub.cases.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.electionpool.hub.api.cases.CaseFilter;
import org.electionpool.hub.api.cases.CaseId;
import org.electionpool.hub.api.cases.CaseStatus;
import org.electionpool.hub.api.organizations.OrganizationId;
import org.electionpool.hub.cases.domain.CaseListCursor;
import org.electionpool.hub.cases.domain.TakedownCase;

/**
 * Cases on the hub's persistence unit. Every query that reads cases for a caller is scoped to the
 * caller's organisation in SQL, so isolation does not depend on filtering afterwards.
 */
@ApplicationScoped
public class JpaCaseRepository {

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    /**
     * @return the case if {@code party} is its authority or its addressee; empty otherwise,
     *         exactly as for a case that does not exist
     */
    public Optional<TakedownCase> findFor(CaseId id, OrganizationId party) {
        return em.createQuery("select c from TakedownCase c where c.id = :id"
                        + " and (c.authority = :party or c.addressee = :party)", TakedownCase.class)
                .setParameter("id", id.value()).setParameter("party", party.value())
                .getResultStream().findFirst();
    }

    public Optional<TakedownCase> findByClientRef(OrganizationId authority, String clientRef) {
        return em.createQuery("select c from TakedownCase c where c.authority = :a and c.clientRef = :r",
                        TakedownCase.class)
                .setParameter("a", authority.value()).setParameter("r", clientRef).getResultStream().findFirst();
    }

    /** @return the case, whoever its parties are (for the hub's own acts, never for a caller) */
    public Optional<TakedownCase> find(CaseId id) {
        return Optional.ofNullable(em.find(TakedownCase.class, id.value()));
    }

    /**
     * @return ids of at most {@code limit} cases whose deadline passed before {@code now} while
     *         their clock ran ({@link CaseStatus#CLOCK_RUNS}) and that are not marked overdue yet,
     *         earliest deadline first
     */
    public List<String> overdueUnmarked(Instant now, int limit) {
        return em.createQuery("select c.id from TakedownCase c where c.deadline < :now and c.overdueAt is null"
                        + " and c.status in :running order by c.deadline", String.class)
                .setParameter("now", now).setParameter("running", CaseStatus.CLOCK_RUNS)
                .setMaxResults(limit).getResultList();
    }

    public void add(TakedownCase c) {
        em.persist(c);
        em.flush();
    }

    /**
     * Saves the changes of the cases loaded in this transaction now (not at commit), so a
     * concurrent change fails here.
     *
     * @throws jakarta.persistence.OptimisticLockException when another transaction changed a case first
     */
    public void flush() {
        em.flush();
    }

    /**
     * One page of the party's cases, newest first, keyset-paginated on (created_at, id).
     *
     * @param after the previous page's last case, or {@code null} for the first page
     */
    public List<TakedownCase> page(OrganizationId party, CaseFilter filter, CaseListCursor after, Instant now,
                                   int limit) {
        StringBuilder jpql = new StringBuilder("select c from TakedownCase c where (c.authority = :party or c.addressee = :party)");
        if (filter.status() != null) {
            jpql.append(" and c.status = :status");
        }
        if (filter.kind() != null) {
            jpql.append(" and c.kind = :kind");
        }
        if (filter.election() != null) {
            jpql.append(" and c.election = :election");
        }
        if (filter.updatedSince() != null) {
            jpql.append(" and c.updatedAt >= :since");
        }
        if (filter.overdue() != null) {
            jpql.append(filter.overdue()
                    ? " and c.deadline < :now and c.status in :running"
                    : " and (c.deadline is null or c.deadline >= :now or c.status not in :running)");
        }
        if (after != null) {
            jpql.append(" and (c.createdAt < :afterCreated or (c.createdAt = :afterCreated and c.id < :afterId))");
        }
        jpql.append(" order by c.createdAt desc, c.id desc");
        TypedQuery<TakedownCase> q = em.createQuery(jpql.toString(), TakedownCase.class)
                .setParameter("party", party.value());
        if (filter.status() != null) {
            q.setParameter("status", filter.status());
        }
        if (filter.kind() != null) {
            q.setParameter("kind", filter.kind());
        }
        if (filter.election() != null) {
            q.setParameter("election", filter.election());
        }
        if (filter.updatedSince() != null) {
            q.setParameter("since", filter.updatedSince());
        }
        if (filter.overdue() != null) {
            q.setParameter("now", now).setParameter("running", CaseStatus.CLOCK_RUNS);
        }
        if (after != null) {
            q.setParameter("afterCreated", after.createdAt()).setParameter("afterId", after.id().value());
        }
        return q.setMaxResults(limit).getResultList();
    }

    /**
     * The party's cases changed at or after {@code since}, newest first, read in pages of
     * {@link #PAGE}.
     *
     * @param since only cases updated at or after it, or {@code null} for all
     * @param max   the most cases wanted
     * @return the cases, or empty when there are more than {@code max}
     */
    public Optional<List<TakedownCase>> updatedSince(OrganizationId party, Instant since, Instant now, int max) {
        CaseFilter filter = new CaseFilter(null, null, null, null, since, null, PAGE);
        List<TakedownCase> all = new ArrayList<>();
        CaseListCursor after = null;
        while (true) {
            List<TakedownCase> page = page(party, filter, after, now, PAGE);
            if (all.size() >= max && !page.isEmpty()) {
                return Optional.empty();
            }
            all.addAll(page);
            if (page.size() < PAGE) {
                return Optional.of(all);
            }
            after = CaseListCursor.after(page.get(page.size() - 1));
        }
    }

    /** Cases read per query by {@link #updatedSince}. */
    static final int PAGE = 100;

    /**
     * @return ids of the party's other cases that share a normalised item with {@code c}, seen
     *         from the party's side: a platform sees every authority's cases addressed to it; an
     *         authority only its own
     */
    @SuppressWarnings("unchecked")
    public List<String> linked(TakedownCase c, OrganizationId party, boolean asPlatform) {
        List<String> digests = c.items().stream().map(i -> i.normalizedSha256()).distinct().toList();
        return em.createNativeQuery("select distinct i.case_id from case_item i join takedown_case k on k.id = i.case_id"
                        + " where i.normalized_sha256 in (?1) and i.case_id <> ?2 and "
                        + (asPlatform ? "k.addressee_org" : "k.authority_org") + " = ?3 order by i.case_id")
                .setParameter(1, digests).setParameter(2, c.id().value()).setParameter(3, party.value())
                .setMaxResults(100).getResultList();
    }
}
