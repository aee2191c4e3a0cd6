package org.electionpool.hub.indicators.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.electionpool.hub.api.indicators.Distribution;
import org.electionpool.hub.api.indicators.IndicatorFilter;
import org.electionpool.hub.api.indicators.IndicatorType;
import org.electionpool.hub.api.indicators.IndicatorView;
import org.electionpool.hub.api.indicators.RelatedCase;
import org.electionpool.hub.api.indicators.SightingAction;
import org.electionpool.hub.api.indicators.SightingTotals;
import org.electionpool.hub.api.indicators.Tlp;
import org.electionpool.hub.api.organizations.OrganizationKind;
import org.electionpool.hub.indicators.domain.IndicatorRecord;
import org.electionpool.hub.indicators.domain.IndicatorValue;
import org.electionpool.hub.indicators.domain.PageCursor;
import org.electionpool.hub.indicators.domain.SightingRecord;
import org.electionpool.hub.indicators.stix.StixParty;
import org.electionpool.hub.system.SqlValues;

/**
 * Indicators, their versions and sightings in native SQL on the hub's persistence unit. Every
 * method that reads for a reader takes the reader's organisation and kind and puts
 * {@link Visibility}'s predicate in its {@code where} clause (parameters {@code ?1} and {@code ?2});
 * nothing is filtered afterwards.
 */
@ApplicationScoped
public class IndicatorStore {

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    /** One provider for every row (the {@code Json} facade looks the provider up at each call). */
    private static final jakarta.json.spi.JsonProvider JSON = jakarta.json.spi.JsonProvider.provider();

    /** The stored form of {@link Distribution#NONE}. */
    private static final String EMPTY_DISTRIBUTION = "{\"organizations\":[],\"groups\":[]}";

    static final String COLUMNS = "select i.id, i.author_org, i.client_ref, i.request_sha256, i.type, i.item_value,"
            + " i.platform, i.algorithm, i.language, i.tlp, i.current_version, i.derived_from, i.created_at,"
            + " v.version_no, v.tlp, v.description, v.confidence, v.valid_from, v.valid_until, v.techniques, v.election,"
            + " v.revoked, v.note, v.distribution_json, v.related_json, v.author_principal, v.modified_at"
            + " from indicator i join indicator_version v on v.indicator_id = i.id";

    private static final String CURRENT = COLUMNS + " and v.version_no = i.current_version";

    static final String SIGHTING_COLUMNS = "select s.id, s.indicator_id, s.reporter_org, s.client_ref,"
            + " s.request_sha256, s.seen_count, s.first_seen, s.last_seen, s.observed_on, s.territories, s.action,"
            + " s.description, s.tlp, s.related_case, s.related_item, s.distribution_json, s.created_at"
            + " from sighting s join indicator i on i.id = s.indicator_id";

    private static final String VISIBLE = Visibility.indicator("i", "?1", "?2");

    private static final String SIGHTING_VISIBLE = Visibility.sighting("s", "i", "?1", "?2");

    // ---- writes

    /** Inserts a new indicator with its first version and its current sets. */
    public void insert(IndicatorRecord r, String valueKey, String reportKey, Collection<String> ancestors) {
        IndicatorValue value = r.value();
        IndicatorRecord.Version v = r.version();
        em.createNativeQuery("insert into indicator (id, author_org, client_ref, request_sha256, type, item_value, platform,"
                        + " algorithm, language, normalized, value_key, report_key, tlp, current_version, revoked, confidence,"
                        + " valid_from, valid_until, election, derived_from, created_at, modified_at) values (?1, ?2, ?3, ?4,"
                        + " ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)")
                .setParameter(1, r.id()).setParameter(2, r.author()).setParameter(3, r.clientRef())
                .setParameter(4, r.requestSha256()).setParameter(5, value.type().name()).setParameter(6, value.value())
                .setParameter(7, value.platform()).setParameter(8, value.algorithm()).setParameter(9, value.language())
                .setParameter(10, value.normalized()).setParameter(11, valueKey).setParameter(12, reportKey)
                .setParameter(13, v.tlp().label()).setParameter(14, v.number()).setParameter(15, v.revoked())
                .setParameter(16, v.confidence()).setParameter(17, v.validFrom()).setParameter(18, v.validUntil())
                .setParameter(19, v.election()).setParameter(20, r.derivedFrom()).setParameter(21, r.created())
                .setParameter(22, v.modified()).executeUpdate();
        insertVersion(r.id(), v);
        replaceSets(r.id(), v);
        for (String ancestor : ancestors) {
            em.createNativeQuery("insert into indicator_lineage (indicator_id, ancestor_id) values (?1, ?2)")
                    .setParameter(1, r.id()).setParameter(2, ancestor).executeUpdate();
        }
    }

    /**
     * Makes {@code v} the current version, if the current one is still {@code basedOn}.
     *
     * @return whether it was (otherwise another version was made meanwhile and nothing changed)
     */
    public boolean advance(String id, int basedOn, IndicatorRecord.Version v) {
        int updated = em.createNativeQuery("update indicator set tlp = ?1, current_version = ?2, revoked = ?3,"
                        + " confidence = ?4, valid_from = ?5, valid_until = ?6, election = ?7, modified_at = ?8"
                        + " where id = ?9 and current_version = ?10")
                .setParameter(1, v.tlp().label()).setParameter(2, v.number()).setParameter(3, v.revoked())
                .setParameter(4, v.confidence()).setParameter(5, v.validFrom()).setParameter(6, v.validUntil())
                .setParameter(7, v.election()).setParameter(8, v.modified()).setParameter(9, id)
                .setParameter(10, basedOn).executeUpdate();
        if (updated != 1) {
            return false;
        }
        insertVersion(id, v);
        replaceSets(id, v);
        return true;
    }

    private void insertVersion(String id, IndicatorRecord.Version v) {
        em.createNativeQuery("insert into indicator_version (indicator_id, version_no, tlp, description, confidence,"
                        + " valid_from, valid_until, techniques, election, revoked, note, distribution_json, related_json,"
                        + " author_principal, modified_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                        + " ?14, ?15)")
                .setParameter(1, id).setParameter(2, v.number()).setParameter(3, v.tlp().label())
                .setParameter(4, v.description()).setParameter(5, v.confidence()).setParameter(6, v.validFrom())
                .setParameter(7, v.validUntil()).setParameter(8, String.join(",", v.techniques()))
                .setParameter(9, v.election()).setParameter(10, v.revoked()).setParameter(11, v.note())
                .setParameter(12, distributionJson(v.distribution())).setParameter(13, relatedJson(v.related()))
                .setParameter(14, v.principal()).setParameter(15, v.modified()).executeUpdate();
    }

    private void replaceSets(String id, IndicatorRecord.Version v) {
        for (String table : List.of("indicator_technique", "indicator_recipient", "indicator_group")) {
            em.createNativeQuery("delete from " + table + " where indicator_id = ?1").setParameter(1, id).executeUpdate();
        }
        for (String t : v.techniques()) {
            em.createNativeQuery("insert into indicator_technique (indicator_id, technique_id) values (?1, ?2)")
                    .setParameter(1, id).setParameter(2, t).executeUpdate();
        }
        for (String o : v.distribution().organizations()) {
            em.createNativeQuery("insert into indicator_recipient (indicator_id, org_id) values (?1, ?2)")
                    .setParameter(1, id).setParameter(2, o).executeUpdate();
        }
        for (String g : v.distribution().groups()) {
            em.createNativeQuery("insert into indicator_group (indicator_id, group_id) values (?1, ?2)")
                    .setParameter(1, id).setParameter(2, g).executeUpdate();
        }
    }

    // ---- reads for a reader

    /** @return the indicator's current version, if the reader may read it */
    public Optional<IndicatorRecord> find(String id, String org, OrganizationKind kind) {
        return first(reader(em.createNativeQuery(CURRENT + " where i.id = ?3 and " + VISIBLE), org, kind)
                .setParameter(3, id));
    }

    /** @return the indicator's current version, whoever may read it (for its author's checks, and the hub's) */
    public Optional<IndicatorRecord> find(String id) {
        return first(em.createNativeQuery(CURRENT + " where i.id = ?1").setParameter(1, id));
    }

    /** @return the author's indicator of this client reference */
    public Optional<IndicatorRecord> findByClientRef(String author, String clientRef) {
        return first(em.createNativeQuery(CURRENT + " where i.author_org = ?1 and i.client_ref = ?2")
                .setParameter(1, author).setParameter(2, clientRef));
    }

    /** @return every version, oldest first, if the reader may read the indicator */
    public List<IndicatorRecord> versions(String id, String org, OrganizationKind kind) {
        return records(reader(em.createNativeQuery(COLUMNS + " where i.id = ?3 and " + VISIBLE + " order by v.version_no"),
                org, kind).setParameter(3, id).getResultList());
    }

    /** @return the ancestors of an indicator (its lineage), without itself */
    public List<String> lineage(String id) {
        return strings(em.createNativeQuery("select ancestor_id from indicator_lineage where indicator_id = ?1")
                .setParameter(1, id).getResultList());
    }

    /**
     * One page of what the reader may read, newest first (keyset on creation time and id).
     *
     * @param after the previous page's last row, or {@code null}
     * @param limit rows to read
     */
    public List<IndicatorRecord> page(IndicatorFilter filter, String org, OrganizationKind kind, PageCursor after, int limit) {
        StringBuilder sql = new StringBuilder(CURRENT).append(" where ").append(VISIBLE);
        List<Object> params = new ArrayList<>();
        if (filter.type() != null) {
            params.add(filter.type().name());
            sql.append(" and i.type = ?").append(params.size() + 2);
        }
        if (filter.tlp() != null) {
            params.add(filter.tlp().label());
            sql.append(" and i.tlp = ?").append(params.size() + 2);
        }
        if (filter.technique() != null) {
            params.add(filter.technique());
            sql.append(" and exists (select 1 from indicator_technique ft where ft.indicator_id = i.id and ft.technique_id = ?")
                    .append(params.size() + 2).append(")");
        }
        if (filter.election() != null) {
            params.add(filter.election());
            sql.append(" and i.election = ?").append(params.size() + 2);
        }
        if (filter.validAt() != null) {
            params.add(filter.validAt());
            int n = params.size() + 2;
            sql.append(" and i.revoked = false and i.valid_from <= ?").append(n)
                    .append(" and (i.valid_until is null or i.valid_until > ?").append(n).append(")");
        }
        if (filter.updatedSince() != null) {
            params.add(filter.updatedSince());
            sql.append(" and i.modified_at >= ?").append(params.size() + 2);
        }
        if (filter.author() != null) {
            params.add(filter.author());
            sql.append(" and i.author_org = ?").append(params.size() + 2);
        }
        if (filter.value() != null) {
            sql.append(" and i.value_key in (");
            IndicatorType[] types = filter.type() == null ? IndicatorType.values() : new IndicatorType[] {filter.type()};
            for (int t = 0; t < types.length; t++) {
                params.add(IndicatorValue.valueKey(types[t], filter.value()));
                sql.append(t == 0 ? "?" : ", ?").append(params.size() + 2);
            }
            sql.append(")");
        }
        if (after != null) {
            params.add(after.created());
            int c = params.size() + 2;
            params.add(after.id());
            int d = params.size() + 2;
            sql.append(" and (i.created_at < ?").append(c).append(" or (i.created_at = ?").append(c)
                    .append(" and i.id < ?").append(d).append("))");
        }
        sql.append(" order by i.created_at desc, i.id desc");
        Query q = reader(em.createNativeQuery(sql.toString()), org, kind);
        for (int p = 0; p < params.size(); p++) {
            q.setParameter(p + 3, params.get(p));
        }
        return records(q.setMaxResults(limit).getResultList());
    }

    /** @return the other indicators of the same normalised value that the reader may read, oldest first (at most 50) */
    public List<IndicatorView.Report> alsoReported(IndicatorRecord of, String org, OrganizationKind kind) {
        List<?> rows = reader(em.createNativeQuery("select i.id, i.author_org from indicator i where i.report_key = ?3"
                        + " and i.id <> ?4 and " + VISIBLE + " order by i.created_at, i.id"), org, kind)
                .setParameter(3, of.value().reportKey()).setParameter(4, of.id()).setMaxResults(50).getResultList();
        List<IndicatorView.Report> reports = new ArrayList<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            reports.add(new IndicatorView.Report((String) r[0], (String) r[1]));
        }
        return reports;
    }

    /** @return the active organisations other than the author that may read the indicator now */
    public List<String> readers(String indicatorId) {
        return strings(em.createNativeQuery("select o.id from organization o join indicator i on i.id = ?1"
                        + " where o.status = 'ACTIVE' and o.id <> i.author_org and "
                        + Visibility.indicator("i", "o.id", "o.kind") + " order by o.id")
                .setParameter(1, indicatorId).getResultList());
    }

    // ---- sightings

    /** Inserts a sighting with its named readers. */
    public void insert(SightingRecord s) {
        em.createNativeQuery("insert into sighting (id, indicator_id, reporter_org, client_ref, request_sha256, seen_count,"
                        + " first_seen, last_seen, observed_on, territories, action, description, tlp, related_case,"
                        + " related_item, distribution_json, created_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
                        + " ?11, ?12, ?13, ?14, ?15, ?16, ?17)")
                .setParameter(1, s.id()).setParameter(2, s.indicator()).setParameter(3, s.reporter())
                .setParameter(4, s.clientRef()).setParameter(5, s.requestSha256()).setParameter(6, s.count())
                .setParameter(7, s.firstSeen()).setParameter(8, s.lastSeen()).setParameter(9, s.observedOn())
                .setParameter(10, String.join(",", s.territories())).setParameter(11, s.action().name())
                .setParameter(12, s.description()).setParameter(13, s.tlp().label())
                .setParameter(14, s.related() == null ? null : s.related().caseId())
                .setParameter(15, s.related() == null ? null : s.related().item())
                .setParameter(16, distributionJson(s.distribution())).setParameter(17, s.created()).executeUpdate();
        for (String o : s.distribution().organizations()) {
            em.createNativeQuery("insert into sighting_recipient (sighting_id, org_id) values (?1, ?2)")
                    .setParameter(1, s.id()).setParameter(2, o).executeUpdate();
        }
        for (String g : s.distribution().groups()) {
            em.createNativeQuery("insert into sighting_group (sighting_id, group_id) values (?1, ?2)")
                    .setParameter(1, s.id()).setParameter(2, g).executeUpdate();
        }
    }

    /** @return the reporter's sighting of this client reference */
    public Optional<SightingRecord> findSighting(String reporter, String clientRef) {
        List<?> rows = em.createNativeQuery(SIGHTING_COLUMNS + " where s.reporter_org = ?1 and s.client_ref = ?2")
                .setParameter(1, reporter).setParameter(2, clientRef).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(sighting((Object[]) rows.get(0)));
    }

    /** @return one page of the indicator's sightings the reader may read, oldest first */
    public List<SightingRecord> sightings(String indicatorId, String org, OrganizationKind kind, PageCursor after, int limit) {
        String sql = SIGHTING_COLUMNS + " where s.indicator_id = ?3 and " + SIGHTING_VISIBLE
                + (after == null ? "" : " and (s.created_at > ?4 or (s.created_at = ?4 and s.id > ?5))")
                + " order by s.created_at, s.id";
        Query q = reader(em.createNativeQuery(sql), org, kind).setParameter(3, indicatorId);
        if (after != null) {
            q.setParameter(4, after.created()).setParameter(5, after.id());
        }
        List<SightingRecord> out = new ArrayList<>();
        for (Object row : q.setMaxResults(limit).getResultList()) {
            out.add(sighting((Object[]) row));
        }
        return out;
    }

    /** @return the totals of every sighting of the indicator (numbers only) */
    public SightingTotals totals(String indicatorId) {
        Object[] r = (Object[]) em.createNativeQuery("select count(*), coalesce(sum(seen_count), 0), min(first_seen),"
                + " max(last_seen) from sighting where indicator_id = ?1").setParameter(1, indicatorId).getSingleResult();
        return new SightingTotals(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), SqlValues.instant(r[2]),
                SqlValues.instant(r[3]));
    }

    /** @return the active organisations other than the reporter that may read the sighting now */
    public List<String> sightingReaders(String sightingId) {
        return strings(em.createNativeQuery("select o.id from organization o join sighting s on s.id = ?1"
                        + " join indicator i on i.id = s.indicator_id where o.status = 'ACTIVE' and o.id <> s.reporter_org"
                        + " and " + Visibility.sighting("s", "i", "o.id", "o.kind") + " order by o.id")
                .setParameter(1, sightingId).getResultList());
    }

    // ---- STIX

    /** @return every organisation as a STIX party, by id */
    public Map<String, StixParty> parties() {
        Map<String, StixParty> out = new HashMap<>();
        for (Object row : em.createNativeQuery("select id, name, kind, created_at from organization").getResultList()) {
            Object[] r = (Object[]) row;
            out.put((String) r[0], new StixParty((String) r[0], (String) r[1], OrganizationKind.valueOf((String) r[2]),
                    SqlValues.instant(r[3])));
        }
        return out;
    }

    /** @return the sightings of these indicators that the reader may read, by indicator, oldest first */
    public Map<String, List<SightingRecord>> sightingsOf(Collection<String> indicatorIds, String org, OrganizationKind kind) {
        Map<String, List<SightingRecord>> out = new HashMap<>();
        List<String> ids = new ArrayList<>(indicatorIds);
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            List<?> rows = reader(em.createNativeQuery(SIGHTING_COLUMNS + " where s.indicator_id in (?3) and "
                    + SIGHTING_VISIBLE + " order by s.created_at, s.id"), org, kind).setParameter(3, chunk).getResultList();
            for (Object row : rows) {
                SightingRecord s = sighting((Object[]) row);
                out.computeIfAbsent(s.indicator(), k -> new ArrayList<>()).add(s);
            }
        }
        return out;
    }

    /** @return the sighting, if the reader may read it */
    public Optional<SightingRecord> findSighting(String id, String org, OrganizationKind kind) {
        List<?> rows = reader(em.createNativeQuery(SIGHTING_COLUMNS + " where s.id = ?3 and " + SIGHTING_VISIBLE), org, kind)
                .setParameter(3, id).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(sighting((Object[]) rows.get(0)));
    }

    /**
     * @return what a STIX id imported by the organisation became: the hub id and the newest
     *         {@code modified} imported
     */
    public Optional<Map.Entry<String, Instant>> imported(String org, String stixId) {
        List<?> rows = em.createNativeQuery("select hub_id, modified_at from stix_import where org_id = ?1 and stix_id = ?2")
                .setParameter(1, org).setParameter(2, stixId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.get(0);
        return Optional.of(Map.entry((String) r[0], SqlValues.instant(r[1])));
    }

    /** Records (or moves forward) what a STIX id imported by the organisation became. */
    public void recordImport(String org, String stixId, String hubId, Instant modified) {
        int updated = em.createNativeQuery("update stix_import set hub_id = ?3, modified_at = ?4 where org_id = ?1"
                        + " and stix_id = ?2").setParameter(1, org).setParameter(2, stixId).setParameter(3, hubId)
                .setParameter(4, modified).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("insert into stix_import (org_id, stix_id, hub_id, modified_at) values (?1, ?2, ?3, ?4)")
                    .setParameter(1, org).setParameter(2, stixId).setParameter(3, hubId).setParameter(4, modified)
                    .executeUpdate();
        }
    }

    // ---- mapping

    static Query reader(Query q, String org, OrganizationKind kind) {
        return q.setParameter(1, org).setParameter(2, kind.name());
    }

    private static Optional<IndicatorRecord> first(Query q) {
        List<IndicatorRecord> r = records(q.setMaxResults(1).getResultList());
        return r.isEmpty() ? Optional.empty() : Optional.of(r.get(0));
    }

    static List<IndicatorRecord> records(List<?> rows) {
        List<IndicatorRecord> out = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            IndicatorValue value = new IndicatorValue(IndicatorType.valueOf((String) r[4]), (String) r[5], (String) r[6],
                    (String) r[7], (String) r[8]);
            String techniques = (String) r[19];
            IndicatorRecord.Version v = new IndicatorRecord.Version(((Number) r[13]).intValue(), Tlp.of((String) r[14]),
                    (String) r[15], ((Number) r[16]).intValue(), SqlValues.instant(r[17]), SqlValues.instant(r[18]),
                    techniques.isEmpty() ? List.of() : List.of(techniques.split(",")), (String) r[20],
                    Boolean.TRUE.equals(r[21]), (String) r[22], distribution((String) r[23]), related((String) r[24]),
                    (String) r[25], SqlValues.instant(r[26]));
            out.add(new IndicatorRecord((String) r[0], (String) r[1], (String) r[2], (String) r[3], value,
                    Tlp.of((String) r[9]), ((Number) r[10]).intValue(), (String) r[11], SqlValues.instant(r[12]), v));
        }
        return out;
    }

    static SightingRecord sighting(Object[] r) {
        String territories = (String) r[9];
        RelatedCase related = r[13] == null ? null
                : new RelatedCase((String) r[13], r[14] == null ? null : ((Number) r[14]).intValue());
        return new SightingRecord((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                ((Number) r[5]).intValue(), SqlValues.instant(r[6]), SqlValues.instant(r[7]), (String) r[8],
                territories.isEmpty() ? List.of() : Arrays.asList(territories.split(",")),
                SightingAction.valueOf((String) r[10]), (String) r[11], Tlp.of((String) r[12]), related,
                distribution((String) r[15]), SqlValues.instant(r[16]));
    }

    private static List<String> strings(List<?> rows) {
        List<String> out = new ArrayList<>(rows.size());
        for (Object row : rows) {
            out.add((String) row);
        }
        return out;
    }

    static String distributionJson(Distribution d) {
        JsonArrayBuilder orgs = Json.createArrayBuilder();
        d.organizations().forEach(orgs::add);
        JsonArrayBuilder groups = Json.createArrayBuilder();
        d.groups().forEach(groups::add);
        return Json.createObjectBuilder().add("organizations", orgs).add("groups", groups).build().toString();
    }

    static Distribution distribution(String json) {
        if (EMPTY_DISTRIBUTION.equals(json)) {
            return Distribution.NONE;
        }
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            JsonObject o = reader.readObject();
            return new Distribution(strings(o.getJsonArray("organizations")), strings(o.getJsonArray("groups")));
        }
    }

    static String relatedJson(List<RelatedCase> related) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (RelatedCase r : related) {
            if (r.item() == null) {
                a.add(Json.createObjectBuilder().add("caseId", r.caseId()));
            } else {
                a.add(Json.createObjectBuilder().add("caseId", r.caseId()).add("item", r.item()));
            }
        }
        return a.build().toString();
    }

    static List<RelatedCase> related(String json) {
        if ("[]".equals(json)) {
            return List.of();
        }
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            List<RelatedCase> out = new ArrayList<>();
            for (JsonValue v : reader.readArray()) {
                JsonObject o = v.asJsonObject();
                out.add(new RelatedCase(o.getString("caseId"), o.containsKey("item") ? o.getInt("item") : null));
            }
            return out;
        }
    }

    private static List<String> strings(JsonArray a) {
        List<String> out = new ArrayList<>();
        for (int n = 0; n < a.size(); n++) {
            out.add(a.getString(n));
        }
        return out;
    }
}
