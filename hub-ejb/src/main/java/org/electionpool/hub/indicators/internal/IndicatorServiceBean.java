package org.electionpool.hub.indicators.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.electionpool.hub.api.audit.AuditAction;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.api.indicators.CreateIndicatorRequest;
import org.electionpool.hub.api.indicators.DisarmService;
import org.electionpool.hub.api.indicators.Distribution;
import org.electionpool.hub.api.indicators.IndicatorFilter;
import org.electionpool.hub.api.indicators.IndicatorId;
import org.electionpool.hub.api.indicators.IndicatorPage;
import org.electionpool.hub.api.indicators.IndicatorService;
import org.electionpool.hub.api.indicators.IndicatorVersionList;
import org.electionpool.hub.api.indicators.IndicatorView;
import org.electionpool.hub.api.indicators.NewVersionRequest;
import org.electionpool.hub.api.indicators.RelatedCase;
import org.electionpool.hub.api.indicators.SightingId;
import org.electionpool.hub.api.indicators.SightingPage;
import org.electionpool.hub.api.indicators.SightingRequest;
import org.electionpool.hub.api.indicators.SightingView;
import org.electionpool.hub.api.indicators.Tlp;
import org.electionpool.hub.api.problem.FieldViolation;
import org.electionpool.hub.api.problem.HubException;
import org.electionpool.hub.api.problem.ProblemType;
import org.electionpool.hub.api.security.Authorization;
import org.electionpool.hub.api.security.Caller;
import org.electionpool.hub.api.security.Role;
import org.electionpool.hub.audit.AuditEvent;
import org.electionpool.hub.audit.AuditLog;
import org.electionpool.hub.cases.CaseLinks;
import org.electionpool.hub.indicators.domain.IndicatorRecord;
import org.electionpool.hub.indicators.domain.IndicatorValue;
import org.electionpool.hub.indicators.domain.PageCursor;
import org.electionpool.hub.indicators.domain.SightingRecord;
import org.electionpool.hub.system.JdbcErrors;

/**
 * Indicators and sightings as a transactional EJB (docs/indicators.md). Every read goes through
 * {@link IndicatorStore} with the caller's organisation and kind, whose SQL applies
 * {@link Visibility}; an indicator the caller may not read is {@code NOT_FOUND}, as one never
 * issued. Each change writes its version or sighting, then publishes it ({@link IndicatorEvents}):
 * the audit entry and the inbox events and webhook deliveries of exactly its readers — all in one
 * transaction.
 */
@Stateless
public class IndicatorServiceBean implements IndicatorService {

    /** Largest page. */
    static final int MAX_PAGE = 100;

    /** Deepest derivation chain (source, its source …). */
    static final int MAX_LINEAGE = 16;

    /** How far into the future a sighting's last time may lie (clock skew). */
    static final Duration SKEW = Duration.ofMinutes(5);

    static final Jsonb JSONB = JsonbBuilder.create();

    @Inject
    IndicatorStore store;

    @Inject
    IndicatorEvents events;

    @Inject
    Recipients recipients;

    @Inject
    CaseLinks cases;

    @Inject
    AuditLog auditLog;

    @Inject
    Clock clock;

    @EJB
    DisarmService disarm;

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    @Override
    public Created create(Caller caller, AuditContext context, CreateIndicatorRequest request) {
        Authorization.requireRole(caller, Role.ANALYST);
        Authorization.requireSameActor(caller, context);
        Visibility.requireSharingKind(caller);
        String org = caller.organization().value();
        Instant now = clock.instant();
        IndicatorValue value = new IndicatorValue(request.type(), request.value(), request.platform(),
                request.algorithm(), request.language());
        Tlp tlp = Tlp.of(request.tlp());
        Distribution distribution = request.distribution() == null ? Distribution.NONE : request.distribution();
        List<RelatedCase> related = request.related() == null ? List.of() : request.related();
        List<String> techniques = request.techniques() == null ? List.of() : List.copyOf(new LinkedHashSet<>(request.techniques()));
        Instant validFrom = request.validFrom() == null ? now : request.validFrom();
        List<FieldViolation> violations = new ArrayList<>(value.violations());
        violations.addAll(common(org, techniques, validFrom, request.validUntil(), related, distribution));
        Optional<IndicatorRecord> source = Optional.empty();
        if (request.derivedFrom() != null) {
            source = store.find(request.derivedFrom(), org, caller.kind());
            if (source.isEmpty()) {
                violations.add(new FieldViolation("derivedFrom", "must be an indicator you may read"));
            }
        }
        if (!violations.isEmpty()) {
            throw new HubException(ProblemType.VALIDATION_FAILED, "The request has invalid fields.", violations);
        }
        checkMarking(tlp, distribution);
        List<String> ancestors = new ArrayList<>();
        if (source.isPresent()) {
            checkSource(tlp, source.get());
            ancestors.add(source.get().id());
            ancestors.addAll(store.lineage(source.get().id()));
            if (ancestors.size() > MAX_LINEAGE) {
                throw HubException.invalidField("derivedFrom", "derives from a chain deeper than " + MAX_LINEAGE);
            }
        }
        String digest = context.bodySha256() != null ? context.bodySha256() : AuditContext.sha256(JSONB.toJson(request));
        Optional<IndicatorRecord> existing = store.findByClientRef(org, request.clientRef());
        if (existing.isPresent()) {
            if (!existing.get().requestSha256().equals(digest)) {
                throw new HubException(ProblemType.ALREADY_EXISTS,
                        "This clientRef was already used for a different indicator; use a new clientRef for a new indicator.");
            }
            auditLog.append(new AuditEvent(context, AuditAction.INDICATOR_CREATE_REPLAYED, IndicatorEvents.TARGET_TYPE,
                    existing.get().id(), Map.of()));
            IndicatorRecord current = store.find(existing.get().id()).orElseThrow();
            return new Created(view(current, caller, true), false);
        }
        IndicatorRecord.Version first = new IndicatorRecord.Version(1, tlp, request.description(), request.confidence(),
                validFrom, request.validUntil(), techniques, request.election(), false, null, distribution, related,
                caller.principal(), now);
        IndicatorRecord created = new IndicatorRecord(IndicatorId.random().value(), org, request.clientRef(), digest, value,
                tlp, 1, source.map(IndicatorRecord::id).orElse(null), now, first);
        try {
            store.insert(created, value.valueKey(), value.reportKey(), ancestors);
            em.flush();
        } catch (PersistenceException e) {
            if (JdbcErrors.isIntegrityViolation(e)) {
                throw new HubException(ProblemType.ALREADY_EXISTS,
                        "An indicator with this clientRef was created at the same time; repeat the request to get it.");
            }
            throw e;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("type", value.type().name());
        details.put("tlp", tlp.label());
        details.put("version", 1);
        details.put("recipients", distribution.organizations());
        details.put("groups", distribution.groups());
        source.ifPresent(s -> details.put("derived_from", s.id()));
        events.publish(context, AuditAction.INDICATOR_CREATED, created.id(), null, details, store.readers(created.id()),
                org, now);
        return new Created(view(created, caller, true), true);
    }

    @Override
    public IndicatorView get(Caller caller, AuditContext context, IndicatorId id) {
        Authorization.requireSameActor(caller, context);
        IndicatorRecord r = require(caller, id);
        auditLog.append(new AuditEvent(context, AuditAction.INDICATOR_READ, IndicatorEvents.TARGET_TYPE, id.value(),
                Map.of("version", r.currentVersion())));
        return view(r, caller, true);
    }

    @Override
    public IndicatorVersionList versions(Caller caller, AuditContext context, IndicatorId id) {
        Authorization.requireSameActor(caller, context);
        Authorization.requireMember(caller);
        List<IndicatorRecord> all = store.versions(id.value(), caller.organization().value(), caller.kind());
        if (all.isEmpty()) {
            throw HubException.notFound("Indicator");
        }
        auditLog.append(new AuditEvent(context, AuditAction.INDICATOR_VERSIONS_READ, IndicatorEvents.TARGET_TYPE,
                id.value(), Map.of("count", all.size())));
        return new IndicatorVersionList(all.stream().map(r -> view(r, caller, false)).toList());
    }

    @Override
    public IndicatorView newVersion(Caller caller, AuditContext context, IndicatorId id, NewVersionRequest request) {
        Authorization.requireRole(caller, Role.ANALYST);
        Authorization.requireSameActor(caller, context);
        IndicatorRecord current = require(caller, id);
        String org = caller.organization().value();
        if (!current.author().equals(org)) {
            throw new HubException(ProblemType.FORBIDDEN, "Only the indicator's author makes new versions.");
        }
        IndicatorRecord.Version was = current.version();
        if (was.revoked()) {
            throw new HubException(ProblemType.INDICATOR_REVOKED, "The indicator is revoked; share a new one instead.");
        }
        if (request.basedOn() != current.currentVersion()) {
            throw new HubException(ProblemType.CONFLICT, "The indicator is at version " + current.currentVersion()
                    + ", not " + request.basedOn() + "; read it again and retry.");
        }
        Instant now = clock.instant();
        Tlp tlp = request.tlp() == null ? was.tlp() : Tlp.of(request.tlp());
        Distribution distribution = request.distribution() != null ? request.distribution()
                : tlp.namesRecipients() ? was.distribution() : Distribution.NONE;
        List<RelatedCase> related = request.related() == null ? was.related() : request.related();
        List<String> techniques = request.techniques() == null ? was.techniques()
                : List.copyOf(new LinkedHashSet<>(request.techniques()));
        Instant validFrom = request.validFrom() == null ? was.validFrom() : request.validFrom();
        Instant validUntil = request.validUntil() == null ? was.validUntil() : request.validUntil();
        List<FieldViolation> violations = common(org, techniques, validFrom, validUntil, related, distribution);
        if (!violations.isEmpty()) {
            throw new HubException(ProblemType.VALIDATION_FAILED, "The request has invalid fields.", violations);
        }
        checkMarking(tlp, distribution);
        // A revocation that keeps the marking is always allowed, whatever the source became since.
        boolean plainRevocation = Boolean.TRUE.equals(request.revoked()) && tlp == was.tlp();
        if (current.derivedFrom() != null && !plainRevocation) {
            Optional<IndicatorRecord> source = store.find(current.derivedFrom());
            if (source.isPresent()) {
                checkSource(tlp, source.get());
            }
        }
        boolean revoked = Boolean.TRUE.equals(request.revoked());
        IndicatorRecord.Version next = new IndicatorRecord.Version(current.currentVersion() + 1, tlp,
                request.description() == null ? was.description() : request.description(),
                request.confidence() == null ? was.confidence() : request.confidence(), validFrom, validUntil, techniques,
                request.election() == null ? was.election() : request.election(), revoked, request.note(), distribution,
                related, caller.principal(), now);
        if (!store.advance(id.value(), current.currentVersion(), next)) {
            throw new HubException(ProblemType.CONFLICT, "Another version was made at the same time; read it again and retry.");
        }
        boolean distributionChanged = tlp != was.tlp() || !sameAudience(distribution, was.distribution());
        AuditAction action = revoked ? AuditAction.INDICATOR_REVOKED
                : distributionChanged ? AuditAction.INDICATOR_DISTRIBUTION_CHANGED : AuditAction.INDICATOR_UPDATED;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("version", next.number());
        details.put("tlp", tlp.label());
        if (distributionChanged) {
            details.put("from_tlp", was.tlp().label());
            details.put("recipients", distribution.organizations());
            details.put("groups", distribution.groups());
        }
        events.publish(context, action, id.value(), null, details, store.readers(id.value()), org, now);
        return view(store.find(id.value()).orElseThrow(), caller, true);
    }

    @Override
    public IndicatorPage list(Caller caller, AuditContext context, IndicatorFilter filter) {
        Authorization.requireSameActor(caller, context);
        Authorization.requireMember(caller);
        if (filter.limit() < 1 || filter.limit() > MAX_PAGE) {
            throw new HubException(ProblemType.INVALID_PARAMETER, "limit must be 1-" + MAX_PAGE + ".");
        }
        PageCursor after = filter.after() == null ? null : PageCursor.parse(filter.after(), v -> IndicatorId.parse(v).isPresent())
                .orElseThrow(() -> new HubException(ProblemType.INVALID_PARAMETER, "after must be a cursor from a previous page."));
        List<IndicatorRecord> page = store.page(filter, caller.organization().value(), caller.kind(), after,
                filter.limit() + 1);
        boolean more = page.size() > filter.limit();
        List<IndicatorRecord> shown = more ? page.subList(0, filter.limit()) : page;
        List<IndicatorView> views = shown.stream().map(r -> view(r, caller, true)).toList();
        String next = more ? new PageCursor(shown.get(shown.size() - 1).created(), shown.get(shown.size() - 1).id()).token() : null;
        auditLog.append(new AuditEvent(context, AuditAction.INDICATOR_LIST_READ, null, null,
                Map.of("count", views.size(), "filter", filterDetails(filter))));
        return new IndicatorPage(views, next);
    }

    @Override
    public Reported reportSighting(Caller caller, AuditContext context, IndicatorId id, SightingRequest request) {
        Authorization.requireRole(caller, Role.ANALYST);
        Authorization.requireSameActor(caller, context);
        IndicatorRecord indicator = require(caller, id);
        Visibility.requireSharingKind(caller);
        String org = caller.organization().value();
        Instant now = clock.instant();
        Tlp tlp = request.tlp() == null ? indicator.currentTlp() : Tlp.of(request.tlp());
        Distribution distribution = request.distribution() == null ? Distribution.NONE : request.distribution();
        List<FieldViolation> violations = new ArrayList<>();
        if (request.lastSeen().isBefore(request.firstSeen())) {
            violations.add(new FieldViolation("lastSeen", "must not be before firstSeen"));
        }
        if (request.lastSeen().isAfter(now.plus(SKEW))) {
            violations.add(new FieldViolation("lastSeen", "must not be in the future"));
        }
        if (request.related() != null && !cases.isParty(request.related().caseId(), org, request.related().item())) {
            violations.add(new FieldViolation("related.caseId", "must be a case (and item) you are party to"));
        }
        violations.addAll(audience(org, distribution));
        if (!violations.isEmpty()) {
            throw new HubException(ProblemType.VALIDATION_FAILED, "The request has invalid fields.", violations);
        }
        if (!tlp.atLeast(indicator.currentTlp())) {
            throw new HubException(ProblemType.DISTRIBUTION_REFUSED, "A sighting is marked at least as tightly as its"
                    + " indicator (" + indicator.currentTlp().label() + "), not " + tlp.label() + ".");
        }
        checkMarking(tlp, distribution);
        String digest = context.bodySha256() != null ? context.bodySha256() : AuditContext.sha256(JSONB.toJson(request));
        Optional<SightingRecord> existing = store.findSighting(org, request.clientRef());
        if (existing.isPresent()) {
            if (!existing.get().requestSha256().equals(digest) || !existing.get().indicator().equals(id.value())) {
                throw new HubException(ProblemType.ALREADY_EXISTS,
                        "This clientRef was already used for a different sighting; use a new clientRef.");
            }
            auditLog.append(new AuditEvent(context, AuditAction.SIGHTING_REPORT_REPLAYED, IndicatorEvents.TARGET_TYPE,
                    id.value(), Map.of("sighting", existing.get().id())));
            return new Reported(view(existing.get(), caller), false);
        }
        SightingRecord s = new SightingRecord(SightingId.random().value(), id.value(), org, request.clientRef(), digest,
                request.count(), request.firstSeen(), request.lastSeen(),
                request.observedOn() == null ? org : request.observedOn(),
                request.territories() == null ? List.of() : List.copyOf(new LinkedHashSet<>(request.territories())),
                request.action(), request.description(), tlp, request.related(), distribution, now);
        try {
            store.insert(s);
            em.flush();
        } catch (PersistenceException e) {
            if (JdbcErrors.isIntegrityViolation(e)) {
                throw new HubException(ProblemType.ALREADY_EXISTS,
                        "A sighting with this clientRef was reported at the same time; repeat the request to get it.");
            }
            throw e;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("sighting", s.id());
        details.put("count", s.count());
        details.put("tlp", tlp.label());
        details.put("action", s.action().name());
        events.publish(context, AuditAction.SIGHTING_REPORTED, id.value(), s.id(), details, store.sightingReaders(s.id()),
                org, now);
        return new Reported(view(s, caller), true);
    }

    @Override
    public SightingPage sightings(Caller caller, AuditContext context, IndicatorId id, String after, int limit) {
        Authorization.requireSameActor(caller, context);
        require(caller, id);
        if (limit < 1 || limit > MAX_PAGE) {
            throw new HubException(ProblemType.INVALID_PARAMETER, "limit must be 1-" + MAX_PAGE + ".");
        }
        PageCursor cursor = after == null ? null : PageCursor.parse(after, v -> SightingId.parse(v).isPresent())
                .orElseThrow(() -> new HubException(ProblemType.INVALID_PARAMETER, "after must be a cursor from a previous page."));
        List<SightingRecord> page = store.sightings(id.value(), caller.organization().value(), caller.kind(), cursor, limit + 1);
        boolean more = page.size() > limit;
        List<SightingRecord> shown = more ? page.subList(0, limit) : page;
        String next = more ? new PageCursor(shown.get(shown.size() - 1).created(), shown.get(shown.size() - 1).id()).token() : null;
        auditLog.append(new AuditEvent(context, AuditAction.SIGHTING_LIST_READ, IndicatorEvents.TARGET_TYPE, id.value(),
                Map.of("count", shown.size())));
        return new SightingPage(shown.stream().map(s -> view(s, caller)).toList(), store.totals(id.value()), next);
    }

    // ---- rules

    private List<FieldViolation> common(String org, List<String> techniques, Instant validFrom, Instant validUntil,
            List<RelatedCase> related, Distribution distribution) {
        List<FieldViolation> v = new ArrayList<>();
        for (int n = 0; n < techniques.size(); n++) {
            if (disarm.find(techniques.get(n)).isEmpty()) {
                v.add(new FieldViolation("techniques[" + n + "]", "unknown DISARM technique " + techniques.get(n)
                        + " (GET /api/v1/disarm/techniques lists them)"));
            }
        }
        if (validUntil != null && !validUntil.isAfter(validFrom)) {
            v.add(new FieldViolation("validUntil", "must be after validFrom"));
        }
        for (int n = 0; n < related.size(); n++) {
            RelatedCase r = related.get(n);
            if (!cases.isParty(r.caseId(), org, r.item())) {
                v.add(new FieldViolation("related[" + n + "]", "must be a case (and item) you are party to"));
            }
        }
        v.addAll(audience(org, distribution));
        return v;
    }

    private List<FieldViolation> audience(String org, Distribution distribution) {
        List<FieldViolation> v = new ArrayList<>();
        for (int n = 0; n < distribution.organizations().size(); n++) {
            String o = distribution.organizations().get(n);
            if (o.equals(org)) {
                v.add(new FieldViolation("distribution.organizations[" + n + "]", "the author always reads its own; name others"));
            } else if (!recipients.isSharingMember(o)) {
                v.add(new FieldViolation("distribution.organizations[" + n + "]", "must be an active authority or platform"));
            }
        }
        for (int n = 0; n < distribution.groups().size(); n++) {
            if (!recipients.mayUseGroup(org, distribution.groups().get(n))) {
                v.add(new FieldViolation("distribution.groups[" + n + "]", "must be a sharing group you own or belong to"));
            }
        }
        if (new LinkedHashSet<>(distribution.organizations()).size() != distribution.organizations().size()
                || new LinkedHashSet<>(distribution.groups()).size() != distribution.groups().size()) {
            v.add(new FieldViolation("distribution", "names an organisation or group twice"));
        }
        return v;
    }

    /** TLP 2.0 as the hub applies it: who a marking may name. */
    private static void checkMarking(Tlp tlp, Distribution distribution) {
        if (!tlp.namesRecipients() && !distribution.isEmpty()) {
            throw new HubException(ProblemType.DISTRIBUTION_REFUSED, "TLP:" + tlp.label()
                    + " goes to every member it allows; it names no organisations or groups.");
        }
        if (!tlp.allowsGroups() && !distribution.groups().isEmpty()) {
            throw new HubException(ProblemType.DISTRIBUTION_REFUSED, "TLP:" + tlp.label()
                    + " names organisations one by one, never a sharing group (a group can grow).");
        }
    }

    /**
     * A derived indicator is never marked looser than its source; its audience is bound to the
     * source's at every read by the lineage rule ({@link Visibility}), so naming more organisations
     * than the source reaches shares nothing with them — and says nothing about who the source's
     * readers are.
     */
    private static void checkSource(Tlp tlp, IndicatorRecord source) {
        if (!tlp.atLeast(source.currentTlp())) {
            // The source may be one the caller can no longer read: its marking is not named.
            throw new HubException(ProblemType.DISTRIBUTION_REFUSED, "A derived indicator is marked at least as tightly as"
                    + " its source; its source does not allow TLP:" + tlp.label() + ".");
        }
    }

    private static boolean sameAudience(Distribution a, Distribution b) {
        return new LinkedHashSet<>(a.organizations()).equals(new LinkedHashSet<>(b.organizations()))
                && new LinkedHashSet<>(a.groups()).equals(new LinkedHashSet<>(b.groups()));
    }

    private IndicatorRecord require(Caller caller, IndicatorId id) {
        Authorization.requireMember(caller);
        return store.find(id.value(), caller.organization().value(), caller.kind())
                .orElseThrow(() -> HubException.notFound("Indicator"));
    }

    static Map<String, Object> filterDetails(IndicatorFilter f) {
        Map<String, Object> d = new LinkedHashMap<>();
        if (f.type() != null) {
            d.put("type", f.type().name());
        }
        if (f.tlp() != null) {
            d.put("tlp", f.tlp().label());
        }
        if (f.technique() != null) {
            d.put("technique", f.technique());
        }
        if (f.election() != null) {
            d.put("election", f.election());
        }
        if (f.validAt() != null) {
            d.put("valid_at", f.validAt().toString());
        }
        if (f.updatedSince() != null) {
            d.put("updated_since", f.updatedSince().toString());
        }
        if (f.author() != null) {
            d.put("author", f.author());
        }
        if (f.value() != null) {
            d.put("value_sha256", AuditContext.sha256(f.value())); // the searched value itself stays out of the log
        }
        d.put("limit", f.limit());
        return d;
    }

    // ---- views

    private IndicatorView view(IndicatorRecord r, Caller caller, boolean current) {
        String org = caller.organization().value();
        boolean author = r.author().equals(org);
        IndicatorRecord.Version v = r.version();
        String derivedFrom = r.derivedFrom() == null ? null
                : !author || store.find(r.derivedFrom(), org, caller.kind()).isPresent() ? r.derivedFrom() : null;
        return new IndicatorView(r.id(), v.number(), r.author(), r.value().type(), r.value().value(), r.value().normalized(),
                r.value().platform(), r.value().algorithm(), r.value().language(), v.description(), v.tlp().label(),
                v.confidence(), v.validFrom(), v.validUntil(), v.techniques(), v.election(), v.revoked(), v.note(),
                derivedFrom, r.created(), v.modified(), author ? v.related() : null, author ? v.distribution() : null,
                current ? store.alsoReported(r, org, caller.kind()) : null, current ? store.totals(r.id()) : null);
    }

    private static SightingView view(SightingRecord s, Caller caller) {
        boolean reporter = s.reporter().equals(caller.organization().value());
        return new SightingView(s.id(), s.indicator(), s.reporter(), s.count(), s.firstSeen(), s.lastSeen(), s.observedOn(),
                s.territories(), s.action(), s.description(), s.tlp().label(), s.created(),
                reporter ? s.related() : null, reporter ? s.distribution() : null);
    }
}
