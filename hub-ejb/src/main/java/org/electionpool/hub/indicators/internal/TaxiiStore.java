package org.electionpool.hub.indicators.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.electionpool.hub.api.organizations.OrganizationKind;
import org.electionpool.hub.indicators.domain.IndicatorRecord;
import org.electionpool.hub.indicators.domain.SightingRecord;

/**
 * The rows behind a TAXII collection, in date-added order (docs/taxii.md, Collections): indicator
 * versions (date added = the version's {@code modified}) and sightings (date added = when
 * reported). A collection is a predicate on the indicator row {@code i}, always joined with
 * {@link Visibility}'s rule for the reader ({@code ?1} organisation, {@code ?2} kind); a sighting
 * belongs to its indicator's collections and is read under its own marking as well.
 */
@ApplicationScoped
public class TaxiiStore {

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    /** Ordinal parameters have no gaps: a collection without a group still names {@code ?3}. */
    private static final String NO_GROUP = "cast(?3 as varchar(42)) is not null";

    /** What a collection holds. */
    public enum Kind {
        /** {@code CLEAR} and {@code GREEN}: the community feed. */
        COMMUNITY("i.tlp in ('CLEAR', 'GREEN') and " + NO_GROUP, "s.tlp in ('CLEAR', 'GREEN')"),
        /** What names the reader as a recipient (the only collection that carries {@code RED}). */
        SHARED("exists (select 1 from indicator_recipient cr where cr.indicator_id = i.id and cr.org_id = ?1) and " + NO_GROUP,
                "1 = 1"),
        /** What the reader published. */
        PUBLISHED("i.author_org = ?1 and " + NO_GROUP, "1 = 1"),
        /** {@code AMBER} for one sharing group ({@code ?3}). */
        GROUP("i.tlp = 'AMBER' and exists (select 1 from indicator_group cg where cg.indicator_id = i.id"
                + " and cg.group_id = ?3)", "s.tlp in ('CLEAR', 'GREEN', 'AMBER')");

        final String predicate;

        /** Which sightings of its indicators the collection carries, by their own marking. */
        final String sightings;

        Kind(String predicate, String sightings) {
            this.predicate = predicate;
            this.sightings = sightings;
        }
    }

    /** Which versions of an indicator (TAXII {@code match[version]}). */
    public enum Versions {
        /** The current one. */
        LAST,
        /** The first one. */
        FIRST,
        /** Every one. */
        ALL,
        /** Those with the listed {@code modified} times. */
        AT
    }

    /**
     * A position in a collection: the row's date added, its source (0 indicator version, 1
     * sighting), id and version, and the index of an object in the row's expansion.
     */
    public record Position(Instant at, int source, String id, int version, int sub) {
    }

    /**
     * The query of one read.
     *
     * @param kind         the collection
     * @param group        the group of a {@code GROUP} collection
     * @param addedAfter   only rows added after this, or {@code null}
     * @param after        only rows at or after this position's row, or {@code null}
     * @param versions     which indicator versions
     * @param at           the {@code modified} times for {@link Versions#AT}
     * @param indicatorIds only these indicators (and their sightings), or {@code null}
     * @param sightingIds  only these sightings, or {@code null}
     */
    public record Slice(Kind kind, String group, Instant addedAfter, Position after, Versions versions, List<Instant> at,
                        List<String> indicatorIds, List<String> sightingIds) {
    }

    /**
     * @return up to {@code limit} indicator version rows of the slice, in date-added order. For the
     *         current versions the date added is the indicator row's own {@code modified_at} (the
     *         current version's), so the page is a range scan of {@code ix_indicator_modified}.
     */
    public List<IndicatorRecord> indicatorRows(Slice q, String org, OrganizationKind kind, int limit) {
        StringBuilder sql = new StringBuilder(IndicatorStore.COLUMNS);
        switch (q.versions()) {
            case LAST -> sql.append(" and v.version_no = i.current_version");
            case FIRST -> sql.append(" and v.version_no = 1");
            case ALL, AT -> { }
        }
        String t = q.versions() == Versions.LAST ? "i.modified_at" : "v.modified_at";
        sql.append(" where ").append(q.kind().predicate).append(" and ").append(Visibility.indicator("i", "?1", "?2"));
        List<Object> params = new ArrayList<>();
        if (q.addedAfter() != null) {
            sql.append(" and ").append(t).append(" > ?").append(add(params, q.addedAfter()));
        }
        if (q.versions() == Versions.AT) {
            sql.append(" and v.modified_at in (?").append(add(params, q.at())).append(")");
        }
        if (q.indicatorIds() != null) {
            sql.append(" and i.id in (?").append(add(params, q.indicatorIds())).append(")");
        }
        Position p = q.after();
        if (p != null) {
            int at = add(params, p.at());
            if (p.source() == 0 && q.versions() == Versions.LAST) {
                // One version per indicator: the position is (modified_at, id) of the indicator row alone, so
                // the comparison names no column of the version and the join stays an index look-up. The
                // first bound is implied by the second; it makes the database read the index from the
                // position on instead of from its start.
                int id = add(params, p.id());
                sql.append(" and ").append(t).append(" >= ?").append(at)
                        .append(" and (").append(t).append(" > ?").append(at).append(" or (").append(t).append(" = ?").append(at)
                        .append(" and i.id >= ?").append(id).append("))");
            } else if (p.source() == 0) {
                int id = add(params, p.id());
                int ver = add(params, p.version());
                sql.append(" and ").append(t).append(" >= ?").append(at)
                        .append(" and (").append(t).append(" > ?").append(at).append(" or (").append(t).append(" = ?").append(at)
                        .append(" and (i.id > ?").append(id).append(" or (i.id = ?").append(id)
                        .append(" and v.version_no >= ?").append(ver).append("))))");
            } else {
                sql.append(" and ").append(t).append(" > ?").append(at);
            }
        }
        // The current version is one per indicator: (modified_at, id) is the whole key and exactly the
        // index's, so the database stops after `limit` rows instead of sorting the collection.
        sql.append(" order by ").append(t).append(", i.id").append(q.versions() == Versions.LAST ? "" : ", v.version_no");
        return IndicatorStore.records(bind(em.createNativeQuery(sql.toString()), q, org, kind, params)
                .setMaxResults(limit).getResultList());
    }

    /** @return up to {@code limit} sighting rows of the slice, in date-added order */
    public List<SightingRecord> sightingRows(Slice q, String org, OrganizationKind kind, int limit) {
        // The sighting is read under its own marking too: a bulk collection carries no RED sighting and a
        // group collection only AMBER ones (as for indicators), and the indicator itself must be readable
        // (the reporter's exception of Visibility.sighting would otherwise tell it the indicator's state).
        StringBuilder sql = new StringBuilder(IndicatorStore.SIGHTING_COLUMNS).append(" where ").append(q.kind().predicate)
                .append(" and ").append(q.kind().sightings).append(" and ").append(Visibility.sighting("s", "i", "?1", "?2"))
                .append(" and ").append(Visibility.indicator("i", "?1", "?2"));
        List<Object> params = new ArrayList<>();
        if (q.addedAfter() != null) {
            sql.append(" and s.created_at > ?").append(add(params, q.addedAfter()));
        }
        if (q.versions() == Versions.AT) {
            sql.append(" and s.created_at in (?").append(add(params, q.at())).append(")");
        }
        if (q.sightingIds() != null) {
            sql.append(" and s.id in (?").append(add(params, q.sightingIds())).append(")");
        } else if (q.indicatorIds() != null) {
            sql.append(" and s.indicator_id in (?").append(add(params, q.indicatorIds())).append(")");
        }
        Position p = q.after();
        if (p != null) {
            int t = add(params, p.at());
            if (p.source() == 1) {
                int id = add(params, p.id());
                sql.append(" and s.created_at >= ?").append(t).append(" and (s.created_at > ?").append(t)
                        .append(" or (s.created_at = ?").append(t)
                        .append(" and s.id >= ?").append(id).append("))");
            } else {
                sql.append(" and s.created_at >= ?").append(t);
            }
        }
        sql.append(" order by s.created_at, s.id");
        List<SightingRecord> out = new ArrayList<>();
        for (Object row : bind(em.createNativeQuery(sql.toString()), q, org, kind, params).setMaxResults(limit).getResultList()) {
            out.add(IndicatorStore.sighting((Object[]) row));
        }
        return out;
    }

    /** @return the groups the organisation owns or belongs to, as (id, name, owner), by name */
    public List<String[]> groups(String org) {
        List<String[]> out = new ArrayList<>();
        for (Object row : em.createNativeQuery("select g.id, g.name, g.owner_org from sharing_group g where g.owner_org = ?1"
                + " or exists (select 1 from sharing_group_member m where m.group_id = g.id and m.org_id = ?1)"
                + " order by g.name, g.id").setParameter(1, org).getResultList()) {
            Object[] r = (Object[]) row;
            out.add(new String[] {(String) r[0], (String) r[1], (String) r[2]});
        }
        return out;
    }

    /** @return the organisation's name */
    public Optional<String> organizationName(String org) {
        List<?> rows = em.createNativeQuery("select name from organization where id = ?1").setParameter(1, org).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of((String) rows.get(0));
    }

    /** Stores a status resource. */
    public void insertStatus(String id, String org, String collection, Instant at, String body) {
        em.createNativeQuery("insert into taxii_status (id, org_id, collection_id, created_at, body) values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, id).setParameter(2, org).setParameter(3, collection).setParameter(4, at)
                .setParameter(5, body).executeUpdate();
    }

    /** @return the organisation's status resource of this id */
    public Optional<String> status(String id, String org) {
        List<?> rows = em.createNativeQuery("select body from taxii_status where id = ?1 and org_id = ?2")
                .setParameter(1, id).setParameter(2, org).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of((String) rows.get(0));
    }

    private static int add(List<Object> params, Object value) {
        params.add(value);
        return params.size() + 3;
    }

    private static Query bind(Query query, Slice q, String org, OrganizationKind kind, List<Object> params) {
        query.setParameter(1, org).setParameter(2, kind.name());
        // ?3 is the group; bound (to a value no group has) when the collection has none.
        query.setParameter(3, q.kind() == Kind.GROUP ? q.group() : "-");
        for (int k = 0; k < params.size(); k++) {
            query.setParameter(k + 4, params.get(k));
        }
        return query;
    }
}
