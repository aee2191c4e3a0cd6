package org.electionpool.hub.indicators.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.electionpool.hub.api.audit.AuditAction;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.api.indicators.Distribution;
import org.electionpool.hub.api.indicators.IndicatorId;
import org.electionpool.hub.api.indicators.IndicatorService;
import org.electionpool.hub.api.indicators.NewVersionRequest;
import org.electionpool.hub.api.indicators.Tlp;
import org.electionpool.hub.api.organizations.OrganizationId;
import org.electionpool.hub.api.organizations.OrganizationKind;
import org.electionpool.hub.api.problem.FieldViolation;
import org.electionpool.hub.api.problem.HubException;
import org.electionpool.hub.api.problem.ProblemType;
import org.electionpool.hub.api.security.Authorization;
import org.electionpool.hub.api.security.Caller;
import org.electionpool.hub.api.security.Role;
import org.electionpool.hub.api.taxii.IssuedTaxiiCredential;
import org.electionpool.hub.api.taxii.TaxiiAnswer;
import org.electionpool.hub.api.taxii.TaxiiCredentialList;
import org.electionpool.hub.api.taxii.TaxiiCredentialRequest;
import org.electionpool.hub.api.taxii.TaxiiCredentialView;
import org.electionpool.hub.api.taxii.TaxiiRequest;
import org.electionpool.hub.api.taxii.TaxiiService;
import org.electionpool.hub.audit.AuditEvent;
import org.electionpool.hub.audit.AuditLog;
import org.electionpool.hub.indicators.domain.IndicatorRecord;
import org.electionpool.hub.indicators.domain.SightingRecord;
import org.electionpool.hub.indicators.internal.TaxiiStore.Kind;
import org.electionpool.hub.indicators.internal.TaxiiStore.Position;
import org.electionpool.hub.indicators.internal.TaxiiStore.Slice;
import org.electionpool.hub.indicators.internal.TaxiiStore.Versions;
import org.electionpool.hub.indicators.stix.StixObjects;
import org.electionpool.hub.indicators.stix.StixParty;
import org.electionpool.hub.protocol.stix.StixTime;
import org.electionpool.hub.protocol.stix.StixIds;
import org.electionpool.hub.system.SqlValues;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The TAXII 2.1 server ({@link TaxiiService}; docs/taxii.md). Collections are views computed for
 * the caller at each request ({@link TaxiiStore}); objects are the STIX expansions of
 * {@link StixObjects}; a page position ({@code next}) is self-contained and never expires, so a
 * client that drops its other filters, or sends an old token with a new {@code added_after}, still
 * gets a well-defined page ({@code next} wins over {@code added_after}).
 */
@Stateless
public class TaxiiServiceBean implements TaxiiService {

    /** Largest page, in objects. */
    static final int MAX_PAGE = 1000;

    /** Page size when the client names none. */
    static final int DEFAULT_PAGE = 100;

    /** The STIX media type every collection holds. */
    static final String STIX_MEDIA = "application/stix+json;version=2.1";

    private static final JsonProvider JSON = JsonProvider.provider();

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final Set<String> INDICATOR_OBJECTS = Set.of("indicator", "marking-definition", "identity",
            "attack-pattern", "url", "domain-name", "user-account", "file", "relationship", "narrative", "note");

    private static final Set<String> SIGHTING_OBJECTS = Set.of("sighting", "marking-definition", "identity");

    private static final String COLLECTION_NAMESPACE = "taxii-collection:";

    @Inject
    TaxiiStore taxii;

    @Inject
    IndicatorStore store;

    @Inject
    StixImporter importer;

    @EJB
    IndicatorService indicators;

    @Inject
    AuditLog auditLog;

    @Inject
    Clock clock;

    /** The API root's {@code max_content_length}: the hub's request body limit, which the HTTP edge enforces. */
    @Inject
    @ConfigProperty(name = "hub.http.max-body-bytes", defaultValue = "1048576")
    long maxContentLength;

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    // ---- credentials

    @Override
    public Optional<Caller> authenticate(String username, String token) {
        if (token == null || token.isEmpty() || token.length() > 200 || (username != null && username.length() > 64)) {
            return Optional.empty();
        }
        List<?> rows = em.createNativeQuery("select c.username, c.org_id, o.kind from taxii_credential c join organization o"
                        + " on o.id = c.org_id where c.token_sha256 = ?1 and c.revoked_at is null and o.status = 'ACTIVE'")
                .setParameter(1, AuditContext.sha256(token)).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.get(0);
        String name = (String) r[0];
        if (username != null && !MessageDigest.isEqual(username.getBytes(StandardCharsets.UTF_8),
                name.getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        return Optional.of(new Caller(new OrganizationId((String) r[1]), OrganizationKind.valueOf((String) r[2]),
                "taxii:" + name, Caller.Channel.TAXII));
    }

    @Override
    public IssuedTaxiiCredential issue(Caller caller, AuditContext context, TaxiiCredentialRequest request) {
        Authorization.requireRole(caller, Role.ORG_ADMIN);
        Authorization.requireSameActor(caller, context);
        Authorization.requireMember(caller);
        requireNotTaxii(caller);
        byte[] name = new byte[9];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(name);
        RANDOM.nextBytes(secret);
        String username = "taxii-" + java.util.HexFormat.of().formatHex(name);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        em.createNativeQuery("insert into taxii_credential (username, org_id, token_sha256, label, created_at, created_by)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6)").setParameter(1, username)
                .setParameter(2, caller.organization().value()).setParameter(3, AuditContext.sha256(token))
                .setParameter(4, request.label()).setParameter(5, now).setParameter(6, caller.principal()).executeUpdate();
        auditLog.append(new AuditEvent(context, AuditAction.TAXII_CREDENTIAL_ISSUED, "taxii_credential", username,
                Map.of("label", request.label())));
        return new IssuedTaxiiCredential(username, token, caller.organization().value(), request.label(), now);
    }

    @Override
    public TaxiiCredentialList credentials(Caller caller, AuditContext context) {
        Authorization.requireSameActor(caller, context);
        Authorization.requireMember(caller);
        requireNotTaxii(caller);
        List<TaxiiCredentialView> out = new ArrayList<>();
        for (Object row : em.createNativeQuery("select username, org_id, label, created_at, created_by, revoked_at from"
                        + " taxii_credential where org_id = ?1 order by created_at desc, username")
                .setParameter(1, caller.organization().value()).getResultList()) {
            Object[] r = (Object[]) row;
            out.add(new TaxiiCredentialView((String) r[0], (String) r[1], (String) r[2], SqlValues.instant(r[3]),
                    (String) r[4], SqlValues.instant(r[5])));
        }
        auditLog.append(new AuditEvent(context, AuditAction.TAXII_CREDENTIAL_LIST_READ, null, null, Map.of("count", out.size())));
        return new TaxiiCredentialList(out);
    }

    @Override
    public void revoke(Caller caller, AuditContext context, String username) {
        Authorization.requireRole(caller, Role.ORG_ADMIN);
        Authorization.requireSameActor(caller, context);
        Authorization.requireMember(caller);
        requireNotTaxii(caller);
        List<?> rows = em.createNativeQuery("select revoked_at from taxii_credential where username = ?1 and org_id = ?2")
                .setParameter(1, username).setParameter(2, caller.organization().value()).getResultList();
        if (rows.isEmpty()) {
            throw new HubException(ProblemType.NOT_FOUND, "No TAXII credential of yours has this user name.");
        }
        if (rows.get(0) != null) {
            throw new HubException(ProblemType.CONFLICT, "This TAXII credential is already revoked.");
        }
        em.createNativeQuery("update taxii_credential set revoked_at = ?3 where username = ?1 and org_id = ?2")
                .setParameter(1, username).setParameter(2, caller.organization().value()).setParameter(3, clock.instant())
                .executeUpdate();
        auditLog.append(new AuditEvent(context, AuditAction.TAXII_CREDENTIAL_REVOKED, "taxii_credential", username, Map.of()));
    }

    private static void requireNotTaxii(Caller caller) {
        if (caller.channel() == Caller.Channel.TAXII) {
            throw new HubException(ProblemType.FORBIDDEN, "TAXII credentials are issued over HXP/1 only.");
        }
    }

    // ---- reads

    @Override
    public TaxiiAnswer read(Caller caller, AuditContext context, TaxiiRequest request) {
        Authorization.requireSameActor(caller, context);
        Authorization.requireMember(caller);
        String org = caller.organization().value();
        switch (request.resource()) {
            case DISCOVERY -> {
                audit(context, AuditAction.TAXII_DISCOVERY_READ, null, null, Map.of());
                return answer(JSON.createObjectBuilder().add("title", "Election Pool Hub TAXII 2.1")
                        .add("description", "Indicators of election interference shared under TLP 2.0 (docs/taxii.md).")
                        .add("default", "/taxii2/hub/")
                        .add("api_roots", JSON.createArrayBuilder().add("/taxii2/hub/")).build());
            }
            case API_ROOT -> {
                audit(context, AuditAction.TAXII_ROOT_READ, null, null, Map.of());
                return answer(JSON.createObjectBuilder().add("title", "Election Pool Hub")
                        .add("description", "The collections of your organisation's views of shared indicators.")
                        .add("versions", JSON.createArrayBuilder().add("application/taxii+json;version=2.1"))
                        .add("max_content_length", maxContentLength).build());
            }
            case COLLECTIONS -> {
                List<Collection> all = collections(caller);
                JsonArrayBuilder list = JSON.createArrayBuilder();
                all.forEach(c -> list.add(c.json()));
                audit(context, AuditAction.TAXII_COLLECTIONS_READ, null, null, Map.of("count", all.size()));
                JsonObjectBuilder b = JSON.createObjectBuilder();
                if (!all.isEmpty()) {
                    b.add("collections", list);
                }
                return answer(b.build());
            }
            case COLLECTION -> {
                Collection c = collection(caller, request.collection());
                audit(context, AuditAction.TAXII_COLLECTION_READ, "taxii_collection", c.id, Map.of());
                return answer(c.json());
            }
            case OBJECTS, MANIFEST, OBJECT -> {
                Collection c = collection(caller, request.collection());
                Filter f = Filter.parse(request.query(), request.resource() == TaxiiRequest.Resource.OBJECT
                        ? request.object() : null);
                Page page = page(caller, c, f);
                if (request.resource() == TaxiiRequest.Resource.OBJECT && page.objects.isEmpty() && f.next == null) {
                    throw new HubException(ProblemType.NOT_FOUND, "The collection holds no such object for you.");
                }
                Map<String, Object> details = new LinkedHashMap<>();
                if (request.object() != null) {
                    details.put("object", request.object());
                }
                details.put("filter", f.details());
                details.put("count", page.objects.size());
                details.put("more", page.more);
                audit(context, request.resource() == TaxiiRequest.Resource.MANIFEST ? AuditAction.TAXII_MANIFEST_READ
                        : request.resource() == TaxiiRequest.Resource.OBJECT ? AuditAction.TAXII_OBJECT_READ
                        : AuditAction.TAXII_OBJECTS_READ, "taxii_collection", c.id, details);
                return page.render(request.resource() == TaxiiRequest.Resource.MANIFEST);
            }
            case VERSIONS -> {
                Collection c = collection(caller, request.collection());
                Map<String, List<String>> q = new LinkedHashMap<>(request.query());
                q.put("match[version]", List.of("all"));
                q.remove("next");
                q.put("limit", List.of(String.valueOf(MAX_PAGE)));
                Filter f = Filter.parse(q, request.object());
                Page page = page(caller, c, f);
                TreeSet<String> versions = new TreeSet<>((a, b) -> StixTime.parse(a).orElseThrow()
                        .compareTo(StixTime.parse(b).orElseThrow()));
                for (Served s : page.objects) {
                    versions.add(s.version());
                }
                if (versions.isEmpty()) {
                    throw new HubException(ProblemType.NOT_FOUND, "The collection holds no such object for you.");
                }
                audit(context, AuditAction.TAXII_VERSIONS_READ, "taxii_collection", c.id,
                        Map.of("object", request.object(), "count", versions.size()));
                JsonArrayBuilder list = JSON.createArrayBuilder();
                versions.forEach(list::add);
                // The versions of one object fit one answer (at most 1,000): there is no next page of them.
                return new TaxiiAnswer(JSON.createObjectBuilder().add("more", false).add("versions", list).build().toString(),
                        page.objects.get(0).at, page.objects.get(page.objects.size() - 1).at);
            }
            case STATUS -> {
                String body = taxii.status(request.status() == null ? "" : request.status(), org)
                        .orElseThrow(() -> new HubException(ProblemType.NOT_FOUND, "You have no status of this id."));
                audit(context, AuditAction.TAXII_STATUS_READ, "taxii_status", request.status(), Map.of());
                return new TaxiiAnswer(body, null, null);
            }
            default -> throw new IllegalStateException("unknown TAXII resource " + request.resource());
        }
    }

    // ---- writes

    @Override
    public TaxiiAnswer add(Caller caller, AuditContext context, String collectionId, String envelopeJson) {
        Authorization.requireSameActor(caller, context);
        Authorization.requireMember(caller);
        Collection c = collection(caller, collectionId);
        if (!c.canWrite) {
            throw new HubException(ProblemType.FORBIDDEN, "You may not add objects to this collection.");
        }
        JsonObject envelope = StixServiceBean.parse(envelopeJson);
        List<JsonObject> objects = StixServiceBean.objects(envelope.get("objects"), "/objects");
        StixImporter.Target target = switch (c.kind) {
            case COMMUNITY -> new StixImporter.Target(Set.of(Tlp.CLEAR, Tlp.GREEN), Tlp.GREEN, Distribution.NONE);
            case GROUP -> new StixImporter.Target(Set.of(Tlp.AMBER), Tlp.AMBER,
                    new Distribution(List.of(), List.of(c.group)));
            default -> new StixImporter.Target(Set.of(), null, Distribution.NONE);
        };
        Instant now = clock.instant();
        StixImporter.Result result = importer.run(caller, context, objects, "/objects", target, true);
        Map<Integer, String> failedAt = new LinkedHashMap<>();
        for (FieldViolation v : result.failures()) {
            String rest = v.field().substring("/objects/".length());
            int slash = rest.indexOf('/');
            int index = Integer.parseInt(slash < 0 ? rest : rest.substring(0, slash));
            failedAt.merge(index, v.field() + ": " + v.message(), (a, b) -> a + "; " + b);
        }
        String statusId = UUID.randomUUID().toString();
        JsonArrayBuilder successes = JSON.createArrayBuilder();
        JsonArrayBuilder failures = JSON.createArrayBuilder();
        Map<String, String> hubIds = new LinkedHashMap<>();
        result.imported().forEach(i -> hubIds.put(i.stixId(), i.hubId()));
        int success = 0;
        for (int i = 0; i < objects.size(); i++) {
            JsonObject o = objects.get(i);
            String id = StixImporter.string(o, "id") == null ? "/objects/" + i : StixImporter.string(o, "id");
            String version = StixImporter.string(o, "modified") != null ? StixImporter.string(o, "modified")
                    : StixImporter.string(o, "created");
            JsonObjectBuilder entry = JSON.createObjectBuilder().add("id", id);
            if (version != null) {
                entry.add("version", version);
            }
            if (failedAt.containsKey(i)) {
                failures.add(entry.add("message", failedAt.get(i)));
            } else {
                success++;
                String hub = hubIds.get(id);
                successes.add(entry.add("message", hub == null ? "read as a reference"
                        : hub.equals(id) ? "imported" : "imported as " + hub));
            }
        }
        int failure = objects.size() - success;
        JsonObjectBuilder status = JSON.createObjectBuilder().add("id", statusId).add("status", "complete")
                .add("request_timestamp", StixTime.format(now)).add("total_count", objects.size())
                .add("success_count", success).add("failure_count", failure).add("pending_count", 0);
        if (success > 0) {
            status.add("successes", successes);
        }
        if (failure > 0) {
            status.add("failures", failures);
        }
        String body = status.build().toString();
        taxii.insertStatus(statusId, caller.organization().value(), c.id, now, body);
        audit(context, AuditAction.TAXII_OBJECTS_ADDED, "taxii_collection", c.id, Map.of("status", statusId,
                "total", objects.size(), "success", success, "failure", failure));
        return new TaxiiAnswer(body, null, null);
    }

    @Override
    public void delete(Caller caller, AuditContext context, String collectionId, String object,
                       Map<String, List<String>> query) {
        Authorization.requireSameActor(caller, context);
        Authorization.requireMember(caller);
        Collection c = collection(caller, collectionId);
        Filter f = Filter.parse(query, object);
        Page page = page(caller, c, f);
        if (page.objects.isEmpty()) {
            throw new HubException(ProblemType.NOT_FOUND, "The collection holds no such object for you.");
        }
        if (!c.canWrite) {
            throw new HubException(ProblemType.FORBIDDEN, "You may not delete objects from this collection.");
        }
        IndicatorRecord r = object.matches(IndicatorId.PATTERN) ? store.find(object).orElse(null) : null;
        if (r == null || !r.author().equals(caller.organization().value())) {
            throw new HubException(ProblemType.FORBIDDEN, "Only the author deletes an indicator, and only an indicator.");
        }
        if (!r.version().revoked()) {
            indicators.newVersion(caller, context, new IndicatorId(object), new NewVersionRequest(r.currentVersion(), true,
                    null, null, null, null, null, null, null, null, null, "deleted over TAXII"));
        }
        audit(context, AuditAction.TAXII_OBJECT_DELETED, "taxii_collection", c.id, Map.of("object", object,
                "revoked", !r.version().revoked()));
    }

    // ---- collections

    /** A collection the caller has. */
    record Collection(String id, Kind kind, String group, String title, String description, boolean canWrite) {

        JsonObject json() {
            return JSON.createObjectBuilder().add("id", id).add("title", title).add("description", description)
                    .add("can_read", true).add("can_write", canWrite)
                    .add("media_types", JSON.createArrayBuilder().add(STIX_MEDIA)).build();
        }
    }

    /** @return the caller's collections: community, shared with it, published by it, one per group */
    List<Collection> collections(Caller caller) {
        String org = caller.organization().value();
        boolean sharing = Visibility.SHARING_KINDS.contains(caller.kind());
        String name = taxii.organizationName(org).orElse(org);
        List<Collection> out = new ArrayList<>();
        out.add(new Collection(COMMUNITY_COLLECTION, Kind.COMMUNITY, null, "Community (TLP:CLEAR and TLP:GREEN)",
                sharing ? "Every TLP:CLEAR and TLP:GREEN indicator and sighting you may read; what you add here is"
                        + " shared with every member (TLP:GREEN unless marked TLP:CLEAR)."
                        : "Every TLP:CLEAR indicator and sighting.", sharing));
        if (sharing) {
            out.add(new Collection(collectionId("shared:" + org), Kind.SHARED, null, "Shared with " + name,
                    "Indicators that name " + name + " as a recipient, TLP:AMBER, TLP:AMBER+STRICT and TLP:RED included.",
                    false));
            out.add(new Collection(collectionId("published:" + org), Kind.PUBLISHED, null, "Published by " + name,
                    "Every indicator " + name + " shared, at every marking; what you add here keeps its own TLP marking"
                            + " and names nobody else (deleting an object revokes it).", true));
            for (String[] g : taxii.groups(org)) {
                out.add(new Collection(g[0].substring("group-".length()), Kind.GROUP, g[0], "Group: " + g[1],
                        "TLP:AMBER indicators shared with the sharing group " + g[1] + " (owner " + g[2]
                                + "); what you add here is TLP:AMBER to the group.", true));
            }
        }
        return out;
    }

    private Collection collection(Caller caller, String id) {
        for (Collection c : collections(caller)) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        throw new HubException(ProblemType.NOT_FOUND, "You have no collection of this id.");
    }

    private static String collectionId(String name) {
        return StixIds.uuid5(StixIds.NAMESPACE, (COLLECTION_NAMESPACE + name).getBytes(StandardCharsets.UTF_8)).toString();
    }

    // ---- pages

    /** An object served, with its date added and position. */
    record Served(JsonObject object, Instant at, Position position) {

        String version() {
            String m = StixImporter.string(object, "modified");
            return m != null ? m : StixImporter.string(object, "created");
        }
    }

    /** One page. */
    record Page(List<Served> objects, boolean more, String next) {

        TaxiiAnswer render(boolean manifest) {
            StringWriter out = new StringWriter(objects.size() * 900 + 64);
            try (JsonGenerator g = JSON.createGenerator(out)) {
                g.writeStartObject().write("more", more);
                if (more) {
                    g.write("next", next);
                }
                if (!objects.isEmpty()) {
                    g.writeStartArray("objects"); // manifest records too (TAXII 2.1 §5.3)
                    for (Served s : objects) {
                        if (manifest) {
                            g.writeStartObject().write("id", s.object.getString("id"))
                                    .write("date_added", StixTime.format(s.at)).write("version", s.version())
                                    .write("media_type", STIX_MEDIA).writeEnd();
                        } else {
                            g.write(s.object);
                        }
                    }
                    g.writeEnd();
                }
                g.writeEnd();
            }
            return new TaxiiAnswer(out.toString(), objects.isEmpty() ? null : objects.get(0).at,
                    objects.isEmpty() ? null : objects.get(objects.size() - 1).at);
        }
    }

    private Page page(Caller caller, Collection c, Filter f) {
        String org = caller.organization().value();
        boolean useIndicators = f.types == null || f.types.stream().anyMatch(INDICATOR_OBJECTS::contains);
        boolean useSightings = f.types == null || f.types.stream().anyMatch(SIGHTING_OBJECTS::contains);
        List<String> indicatorIds = null;
        List<String> sightingIds = null;
        if (f.ids != null && f.ids.stream().allMatch(i -> i.startsWith("indicator--") || i.startsWith("sighting--"))) {
            indicatorIds = f.ids.stream().filter(i -> i.startsWith("indicator--")).toList();
            sightingIds = f.ids.stream().filter(i -> i.startsWith("sighting--")).toList();
            useIndicators &= !indicatorIds.isEmpty();
            useSightings &= !sightingIds.isEmpty();
        }
        if (!f.specVersionMatches) {
            useIndicators = false;
            useSightings = false;
        }
        Versions mode = f.mode();
        Function<String, StixParty> parties = store.parties()::get;
        int batch = Math.min(MAX_PAGE, f.limit) + 1;
        List<String> iIds = indicatorIds;
        Source<IndicatorRecord> is = new Source<>(useIndicators, batch, after -> taxii.indicatorRows(new Slice(c.kind, c.group,
                f.next == null ? f.addedAfter : null, after, mode, f.at, iIds, null),
                org, caller.kind(), batch), r -> new Position(r.version().modified(), 0, r.id(), r.version().number(), 0));
        List<String> sIds = sightingIds;
        Source<SightingRecord> ss = new Source<>(useSightings, batch, after -> taxii.sightingRows(new Slice(c.kind, c.group,
                f.next == null ? f.addedAfter : null, after, mode, f.at, null, sIds), org, caller.kind(), batch),
                s -> new Position(s.created(), 1, s.id(), 0, 0));
        is.start(f.next);
        ss.start(f.next);
        List<Served> out = new ArrayList<>();
        while (true) {
            IndicatorRecord ir = is.peek();
            SightingRecord sr = ss.peek();
            if (ir == null && sr == null) {
                return new Page(out, false, null);
            }
            boolean takeIndicator = sr == null || (ir != null && compare(is.position(ir), ss.position(sr)) <= 0);
            List<JsonObject> expansion;
            Position row;
            if (takeIndicator) {
                is.take();
                row = is.position(ir);
                if (!f.keeps(ir)) {
                    continue;
                }
                expansion = StixObjects.indicator(ir, ir.currentTlp(), parties);
            } else {
                ss.take();
                row = ss.position(sr);
                expansion = StixObjects.sighting(sr, sr.tlp(), parties);
            }
            for (int k = 0; k < expansion.size(); k++) {
                Position p = new Position(row.at(), row.source(), row.id(), row.version(), k);
                if (f.next != null && compare(p, f.next) <= 0) {
                    continue;
                }
                JsonObject o = expansion.get(k);
                if (!f.keeps(o)) {
                    continue;
                }
                if (out.size() == f.limit) {
                    Position last = out.get(out.size() - 1).position;
                    return new Page(out, true, token(last));
                }
                out.add(new Served(o, row.at(), p));
            }
        }
    }

    /**
     * Rows of one source in date-added order, fetched in batches: the first from the page's start
     * position (its row included), each further one from the last row fetched (which is dropped).
     */
    private static final class Source<R> {
        private final Function<Position, List<R>> fetch;
        private final Function<R, Position> position;
        private final int batch;
        private List<R> buffer = List.of();
        private int index;
        private boolean exhausted;

        Source(boolean used, int batch, Function<Position, List<R>> fetch, Function<R, Position> position) {
            this.fetch = fetch;
            this.position = position;
            this.batch = batch;
            this.exhausted = !used;
        }

        void start(Position from) {
            if (!exhausted) {
                List<R> rows = fetch.apply(from == null ? null : new Position(from.at(), from.source(), from.id(),
                        from.version(), 0));
                exhausted = rows.size() < batch;
                buffer = rows;
            }
        }

        R peek() {
            if (index < buffer.size()) {
                return buffer.get(index);
            }
            if (exhausted || buffer.isEmpty()) {
                return null;
            }
            Position last = position.apply(buffer.get(buffer.size() - 1));
            List<R> rows = fetch.apply(last);
            exhausted = rows.size() < batch;
            List<R> kept = new ArrayList<>(rows.size());
            for (R r : rows) {
                if (compare(position.apply(r), last) > 0) {
                    kept.add(r);
                }
            }
            buffer = kept;
            index = 0;
            if (kept.isEmpty()) {
                exhausted = true;
                return null;
            }
            return buffer.get(0);
        }

        void take() {
            index++;
        }

        Position position(R r) {
            return position.apply(r);
        }
    }

    static int compare(Position a, Position b) {
        int c = a.at().compareTo(b.at());
        if (c == 0) {
            c = Integer.compare(a.source(), b.source());
        }
        if (c == 0) {
            c = a.id().compareTo(b.id());
        }
        if (c == 0) {
            c = Integer.compare(a.version(), b.version());
        }
        return c == 0 ? Integer.compare(a.sub(), b.sub()) : c;
    }

    static String token(Position p) {
        long micros = p.at().getEpochSecond() * 1_000_000L + p.at().getNano() / 1000;
        String text = "1|" + micros + "|" + p.source() + "|" + p.id() + "|" + p.version() + "|" + p.sub();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static Optional<Position> parseToken(String token) {
        try {
            if (token.length() > 200) {
                return Optional.empty();
            }
            String[] p = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", -1);
            if (p.length != 6 || !p[0].equals("1")) {
                return Optional.empty();
            }
            long micros = Long.parseLong(p[1]);
            if (micros < 0 || micros > 253_402_300_799_999_999L) {
                return Optional.empty();
            }
            int source = Integer.parseInt(p[2]);
            String id = p[3];
            if ((source != 0 && source != 1) || !(id.matches(IndicatorId.PATTERN) || id.startsWith("sighting--"))) {
                return Optional.empty();
            }
            return Optional.of(new Position(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                    Math.floorMod(micros, 1_000_000L) * 1000L), source, id, Integer.parseInt(p[4]), Integer.parseInt(p[5])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The filters of one read (TAXII 2.1 §3.4). */
    record Filter(Instant addedAfter, int limit, Position next, Set<String> types, Set<String> ids, boolean last,
                  boolean first, boolean all, List<Instant> at, boolean specVersionMatches, Map<String, Object> details) {

        static Filter parse(Map<String, List<String>> query, String object) {
            Map<String, Object> details = new LinkedHashMap<>();
            Instant addedAfter = null;
            List<String> v = query.get("added_after");
            if (v != null) {
                if (v.size() != 1) {
                    throw bad("added_after takes one value");
                }
                addedAfter = StixTime.parse(v.get(0)).orElseThrow(() -> bad("added_after must be an RFC 3339 timestamp"));
                details.put("added_after", v.get(0));
            }
            int limit = DEFAULT_PAGE;
            v = query.get("limit");
            if (v != null) {
                try {
                    limit = Integer.parseInt(v.get(0));
                } catch (NumberFormatException e) {
                    throw bad("limit must be a positive integer");
                }
                if (v.size() != 1 || limit < 1) {
                    throw bad("limit must be one positive integer");
                }
                limit = Math.min(limit, MAX_PAGE);
                details.put("limit", limit);
            }
            Position next = null;
            v = query.get("next");
            if (v != null) {
                next = parseToken(v.get(0)).orElseThrow(() -> bad("next must be a token from a previous page"));
                details.put("next", v.get(0));
            }
            Set<String> types = values(query, "match[type]", details);
            Set<String> ids = values(query, "match[id]", details);
            if (object != null) {
                ids = ids == null ? Set.of(object) : ids.contains(object) ? Set.of(object) : Set.of();
            }
            Set<String> versions = values(query, "match[version]", details);
            boolean last = versions == null;
            boolean first = false;
            boolean all = false;
            List<Instant> at = new ArrayList<>();
            if (versions != null) {
                for (String s : versions) {
                    switch (s) {
                        case "last" -> last = true;
                        case "first" -> first = true;
                        case "all" -> all = true;
                        default -> at.add(StixTime.parse(s).orElseThrow(() -> bad("match[version] takes last, first, all"
                                + " or STIX timestamps")));
                    }
                }
            }
            Set<String> specVersions = values(query, "match[spec_version]", details);
            return new Filter(addedAfter, limit, next, types, ids, last, first, all, at,
                    specVersions == null || specVersions.contains("2.1"), details);
        }

        Versions mode() {
            if (all) {
                return Versions.ALL;
            }
            if (last && !first && at.isEmpty()) {
                return Versions.LAST;
            }
            if (first && !last && at.isEmpty()) {
                return Versions.FIRST;
            }
            if (!first && !last && !at.isEmpty()) {
                return Versions.AT;
            }
            return Versions.ALL;
        }

        boolean keeps(IndicatorRecord r) {
            return all || (last && r.version().number() == r.currentVersion()) || (first && r.version().number() == 1)
                    || at.contains(r.version().modified());
        }

        boolean keeps(JsonObject o) {
            return (types == null || types.contains(o.getString("type"))) && (ids == null || ids.contains(o.getString("id")));
        }

        private static Set<String> values(Map<String, List<String>> query, String name, Map<String, Object> details) {
            List<String> v = query.get(name);
            if (v == null) {
                return null;
            }
            Set<String> out = new LinkedHashSet<>();
            for (String s : v) {
                for (String part : s.split(",")) {
                    if (!part.isBlank()) {
                        out.add(part.strip());
                    }
                }
            }
            if (out.size() > 100) {
                throw bad(name + " takes at most 100 values");
            }
            details.put(name, List.copyOf(out));
            return out;
        }

        private static HubException bad(String detail) {
            return new HubException(ProblemType.INVALID_PARAMETER, detail + ".");
        }
    }

    // ---- helpers

    private void audit(AuditContext context, AuditAction action, String targetType, String targetId,
                       Map<String, Object> details) {
        auditLog.append(new AuditEvent(context, action, targetType, targetId, details));
    }

    private static TaxiiAnswer answer(JsonObject o) {
        return new TaxiiAnswer(o.toString(), null, null);
    }

}
