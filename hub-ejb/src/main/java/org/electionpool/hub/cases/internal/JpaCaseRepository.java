package org.electionpool.hub.cases.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.electionpool.hub.api.cases.CaseFilter;
import org.electionpool.hub.api.cases.CaseId;
import org.electionpool.hub.api.cases.CaseStatus;
import org.electionpool.hub.api.organizations.OrganizationId;
import org.electionpool.hub.cases.domain.CaseListCursor;
import org.electionpool.hub.cases.domain.TakedownCase;
import org.electionpool.hub.system.SqlValues;

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

    /** Stores a new case with its items and its rows of {@code case_link} (migration V19). */
    public void add(TakedownCase c) {
        em.persist(c);
        em.flush();
        em.createNativeQuery("insert into case_link (normalized_sha256, case_id, authority_org, addressee_org, created_at)"
                        + " select distinct i.normalized_sha256, k.id, k.authority_org, k.addressee_org, k.created_at"
                        + " from case_item i join takedown_case k on k.id = i.case_id where k.id = ?1")
                .setParameter(1, c.id().value()).executeUpdate();
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

    /** The most linked cases a view lists. */
    static final int LINKED = 100;

    /** Items whose links one statement reads (each part of its {@code union all} has three parameters). */
    static final int ITEMS_PER_STATEMENT = 50;

    /**
     * @return ids of the party's other cases that share a normalised item with {@code c}, seen
     *         from the party's side (a platform sees every authority's cases addressed to it; an
     *         authority only its own): at most {@value #LINKED}, the most recently created first
     *         (then by id, descending). One index range scan of at most {@value #LINKED} rows per
     *         distinct item of {@code c} ({@code case_link}), however many cases name it, all in
     *         one statement for up to {@value #ITEMS_PER_STATEMENT} items.
     */
    public List<String> linked(TakedownCase c, OrganizationId partyId, boolean asPlatform) {
        List<String> digests = c.items().stream().map(i -> i.normalizedSha256()).distinct().toList();
        Map<String, Instant> newest = new HashMap<>();
        // One statement: per item, its newest cases from the index, each part bounded on its own.
        String party = asPlatform ? "addressee_org" : "authority_org";
        for (int from = 0; from < digests.size(); from += ITEMS_PER_STATEMENT) {
            List<String> some = digests.subList(from, Math.min(digests.size(), from + ITEMS_PER_STATEMENT));
            StringBuilder sql = new StringBuilder();
            for (int i = 0; i < some.size(); i++) {
                sql.append(i == 0 ? "" : " union all ").append("(select case_id, created_at from case_link where normalized_sha256 = ?")
                        .append(3 * i + 1).append(" and ").append(party).append(" = ?").append(3 * i + 2)
                        .append(" and case_id <> ?").append(3 * i + 3)
                        .append(" order by created_at desc, case_id desc fetch first ").append(LINKED).append(" rows only)");
            }
            jakarta.persistence.Query query = em.createNativeQuery(sql.toString());
            int p = 1;
            for (String digest : some) {
                query.setParameter(p++, digest).setParameter(p++, partyId.value()).setParameter(p++, c.id().value());
            }
            for (Object row : query.getResultList()) {
                Object[] r = (Object[]) row;
                Instant created = SqlValues.instant(r[1]);
                newest.putIfAbsent((String) r[0], created);
            }
        }
        return newest.entrySet().stream()
                .sorted(Map.Entry.<String, Instant>comparingByValue().reversed()
                        .thenComparing(Map.Entry.<String, Instant>comparingByKey().reversed()))
                .limit(LINKED).map(Map.Entry::getKey).toList();
    }

    /** States in which a case is still open: neither resolved, closed nor withdrawn. */
    static final java.util.Set<CaseStatus> OPEN = java.util.EnumSet.complementOf(
            java.util.EnumSet.of(CaseStatus.RESOLVED, CaseStatus.CLOSED, CaseStatus.WITHDRAWN));

    /** @return the party's open cases by state: {status, count, overdue count} rows */
    public List<Object[]> openCounts(OrganizationId party, Instant now) {
        return em.createQuery("select c.status, count(c), sum(case when c.deadline < :now and c.status in :running"
                        + " then 1 else 0 end) from TakedownCase c where (c.authority = :party or c.addressee = :party)"
                        + " and c.status in :open group by c.status", Object[].class)
                .setParameter("party", party.value()).setParameter("now", now)
                .setParameter("running", CaseStatus.CLOCK_RUNS).setParameter("open", OPEN).getResultList();
    }

    /** @return up to {@code limit} open cases of the party: nearest (or most passed) deadline first, then oldest */
    public List<TakedownCase> attention(OrganizationId party, int limit) {
        return em.createQuery("select c from TakedownCase c where (c.authority = :party or c.addressee = :party)"
                        + " and c.status in :open order by case when c.deadline is null then 1 else 0 end, c.deadline,"
                        + " c.createdAt, c.id", TakedownCase.class)
                .setParameter("party", party.value()).setParameter("open", OPEN).setMaxResults(limit).getResultList();
    }

    /** @return how many of the party's cases were resolved at or after {@code since} */
    public long resolvedSince(OrganizationId party, Instant since) {
        Number n = (Number) em.createNativeQuery("select count(distinct m.case_id) from case_message m join takedown_case c"
                        + " on c.id = m.case_id where (c.authority_org = ?1 or c.addressee_org = ?1)"
                        + " and m.action = 'RESOLVE' and m.created_at >= ?2")
                .setParameter(1, party.value()).setParameter(2, since).getSingleResult();
        return n.longValue();
    }

    /**
     * @return per case of the party created since {@code since}: counterpart, created, deadline,
     *         first acknowledgement, first resolution
     */
    public List<Object[]> responseTimes(OrganizationId party, Instant since) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select case when c.authority_org = ?1 then c.addressee_org"
                        + " else c.authority_org end, c.created_at, c.deadline,"
                        + " min(case when m.action = 'ACKNOWLEDGE' then m.created_at end),"
                        + " min(case when m.action = 'RESOLVE' then m.created_at end)"
                        + " from takedown_case c left join case_message m on m.case_id = c.id"
                        + " and m.action in ('ACKNOWLEDGE', 'RESOLVE')"
                        + " where (c.authority_org = ?1 or c.addressee_org = ?1) and c.created_at >= ?2"
                        + " group by c.id, c.authority_org, c.addressee_org, c.created_at, c.deadline")
                .setParameter(1, party.value()).setParameter(2, since).getResultList();
        return rows;
    }
}
