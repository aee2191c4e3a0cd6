package org.electionpool.hub.cases.internal;

import org.electionpool.hub.inbox.Inbox;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.api.cases.AttachmentContent;
import org.electionpool.hub.api.cases.AttachmentList;
import org.electionpool.hub.api.cases.AttachmentRequest;
import org.electionpool.hub.api.cases.CaseFilter;
import org.electionpool.hub.api.cases.CaseId;
import org.electionpool.hub.api.cases.CasePage;
import org.electionpool.hub.api.cases.CaseRole;
import org.electionpool.hub.api.cases.CaseService;
import org.electionpool.hub.api.cases.CaseSummary;
import org.electionpool.hub.api.cases.CaseView;
import org.electionpool.hub.system.SqlValues;
import org.electionpool.hub.api.cases.CaseStatus;
import org.electionpool.hub.api.cases.CaseDashboard;
import org.electionpool.hub.api.cases.CreateCaseRequest;
import org.electionpool.hub.api.cases.InboxEvent;
import org.electionpool.hub.api.cases.InboxPage;
import org.electionpool.hub.api.cases.ItemResponseRequest;
import org.electionpool.hub.api.cases.MessageRequest;
import org.electionpool.hub.api.cases.MessageList;
import org.electionpool.hub.api.cases.MessageView;
import org.electionpool.hub.api.cases.Sha256;
import org.electionpool.hub.api.cases.StatementList;
import org.electionpool.hub.api.cases.StatementOfReasons;
import org.electionpool.hub.api.cases.TransitionRequest;
import org.electionpool.hub.api.organizations.OrganizationId;
import org.electionpool.hub.api.organizations.OrganizationKind;
import org.electionpool.hub.api.organizations.OrganizationStatus;
import org.electionpool.hub.api.problem.FieldViolation;
import org.electionpool.hub.api.problem.HubException;
import org.electionpool.hub.api.problem.ProblemType;
import org.electionpool.hub.api.security.Authorization;
import org.electionpool.hub.api.security.Caller;
import org.electionpool.hub.api.security.Role;
import org.electionpool.hub.api.audit.AuditAction;
import org.electionpool.hub.audit.AuditEvent;
import org.electionpool.hub.audit.AuditLog;
import org.electionpool.hub.cases.domain.CaseEvent;
import org.electionpool.hub.cases.domain.CaseItem;
import org.electionpool.hub.cases.domain.CaseListCursor;
import org.electionpool.hub.cases.domain.ItemNormalizer;
import org.electionpool.hub.cases.domain.IllegalTransitionException;
import org.electionpool.hub.cases.domain.InboxCursor;
import org.electionpool.hub.cases.domain.TakedownCase;
import org.electionpool.hub.cases.domain.UnansweredItemsException;
import org.electionpool.hub.cases.domain.WrongSideException;
import org.electionpool.hub.organizations.domain.Organization;
import org.electionpool.hub.organizations.domain.OrganizationRepository;
import org.electionpool.hub.system.JdbcErrors;

/**
 * The case exchange as a transactional EJB. Each change: load the case scoped to the caller's
 * organisation (a non-party gets {@code NOT_FOUND}, as for an id never issued), call one aggregate
 * method, which checks the side and returns the {@link CaseEvent} of what it did, save (flush:
 * optimistic locking), and publish the event ({@link CaseEvents}: the audit entry, each party's
 * inbox event and webhook delivery) — all in one transaction. Reads append their audit entry only.
 */
@Stateless
public class CaseServiceBean implements CaseService {

    /** The audit-log target type of cases. */
    static final String TARGET_TYPE = CaseEvents.TARGET_TYPE;

    @Inject
    JpaCaseRepository cases;

    @Inject
    OrganizationRepository organizations;

    @Inject
    AuditLog auditLog;

    @Inject
    Clock clock;

    @Inject
    Inbox inbox;

    @Inject
    CaseEvents events;

    @Inject
    Attachments attachments;

    @Override
    public Created create(Caller caller, AuditContext context, CreateCaseRequest request) {
        Authorization.requireRole(caller, Role.CASE_OFFICER);
        Authorization.requireSameActor(caller, context);
        if (caller.kind() != OrganizationKind.AUTHORITY) {
            throw new HubException(ProblemType.FORBIDDEN, "Only an authority sends cases.");
        }
        List<FieldViolation> violations = new ArrayList<>(request.kindViolations());
        Optional<Organization> addressee = organizations.find(new OrganizationId(request.addressee()));
        if (addressee.isEmpty() || addressee.get().kind() != OrganizationKind.PLATFORM
                || addressee.get().status() != OrganizationStatus.ACTIVE) {
            violations.add(new FieldViolation("addressee", "must be an active platform"));
        }
        List<CaseItem> items = request.items().stream()
                .map(i -> new CaseItem(i.type(), i.value(), i.description(), AuditContext::sha256)).toList();
        for (int i = 0; i < items.size(); i++) {
            if (!ItemNormalizer.fits(items.get(i).type(), items.get(i).normalized())) {
                violations.add(new FieldViolation("items[" + i + "].value", "must be at most "
                        + ItemNormalizer.MAX_VALUE_LENGTH + " characters once normalised (lower case can be longer)"));
            }
        }
        Instant now = clock.instant();
        if (request.deadline() != null && !request.deadline().isAfter(now)) {
            violations.add(new FieldViolation("deadline", "must be in the future"));
        }
        if (!violations.isEmpty()) {
            throw new HubException(ProblemType.VALIDATION_FAILED, "The request has invalid fields.", violations);
        }
        String digest = context.bodySha256() != null ? context.bodySha256()
                : AuditContext.sha256(CaseAssembler.JSONB.toJson(request));
        Optional<TakedownCase> existing = cases.findByClientRef(caller.organization(), request.clientRef());
        if (existing.isPresent()) {
            return replay(caller, context, existing.get(), digest, now);
        }
        TakedownCase created = new TakedownCase(CaseId.random(), caller.organization(), CaseAssembler.toNewCase(request),
                digest, items, now);
        try {
            cases.add(created);
        } catch (PersistenceException e) {
            if (JdbcErrors.isIntegrityViolation(e)) { // the same clientRef committed concurrently
                throw new HubException(ProblemType.ALREADY_EXISTS,
                        "A case with this clientRef was created at the same time; repeat the request to get it.");
            }
            throw e;
        }
        events.publish(context, created.created());
        return new Created(view(created, caller, now), true);
    }

    private Created replay(Caller caller, AuditContext context, TakedownCase existing, String digest, Instant now) {
        if (!existing.requestSha256().equals(digest)) {
            throw new HubException(ProblemType.ALREADY_EXISTS,
                    "This clientRef was already used for a different case; use a new clientRef for a new case.");
        }
        auditLog.append(new AuditEvent(context, AuditAction.CASE_CREATE_REPLAYED, TARGET_TYPE, existing.id().value(), Map.of()));
        return new Created(view(existing, caller, now), false);
    }

    @Override
    public CaseView get(Caller caller, AuditContext context, CaseId id) {
        Authorization.requireSameActor(caller, context);
        TakedownCase c = require(caller, id);
        auditLog.append(new AuditEvent(context, AuditAction.CASE_READ, TARGET_TYPE, id.value(), Map.of()));
        return view(c, caller, clock.instant());
    }

    /** Largest page. */
    static final int MAX_PAGE = 100;

    @Override
    public CasePage list(Caller caller, AuditContext context, CaseFilter filter) {
        Authorization.requireSameActor(caller, context);
        int limit = filter.limit();
        if (limit < 1 || limit > MAX_PAGE) {
            throw new HubException(ProblemType.INVALID_PARAMETER, "limit must be 1-" + MAX_PAGE + ".");
        }
        CaseListCursor after = filter.after() == null ? null : CaseListCursor.parse(filter.after()).orElseThrow(
                () -> new HubException(ProblemType.INVALID_PARAMETER, "after must be a cursor from a previous page."));
        Instant now = clock.instant();
        List<TakedownCase> page = cases.page(caller.organization(), filter, after, now, limit + 1);
        boolean more = page.size() > limit;
        List<TakedownCase> shown = more ? page.subList(0, limit) : page;
        List<CaseSummary> summaries = shown.stream().map(c -> CaseAssembler.toSummary(c, now)).toList();
        String next = more ? CaseListCursor.after(shown.get(shown.size() - 1)).token() : null;
        auditLog.append(new AuditEvent(context, AuditAction.CASE_LIST_READ, null, null, Map.of("count", summaries.size())));
        return new CasePage(summaries, next);
    }

    @Override
    public CaseDashboard dashboard(Caller caller, AuditContext context, Instant since) {
        Authorization.requireSameActor(caller, context);
        if (caller.kind() != OrganizationKind.AUTHORITY && caller.kind() != OrganizationKind.PLATFORM) {
            throw new HubException(ProblemType.FORBIDDEN, "Only an authority or a platform has case work.");
        }
        Instant now = clock.instant();
        Map<CaseStatus, Long> open = new java.util.EnumMap<>(CaseStatus.class);
        long overdue = 0;
        for (Object[] r : cases.openCounts(caller.organization(), now)) {
            open.put((CaseStatus) r[0], ((Number) r[1]).longValue());
            overdue += r[2] == null ? 0 : ((Number) r[2]).longValue();
        }
        List<CaseSummary> attention = cases.attention(caller.organization(), CaseDashboard.ATTENTION).stream()
                .map(c -> CaseAssembler.toSummary(c, now)).toList();
        long answered = cases.resolvedSince(caller.organization(), since == null ? now : since);
        Map<String, List<Object[]>> byCounterpart = new java.util.TreeMap<>();
        for (Object[] r : cases.responseTimes(caller.organization(), now.minus(java.time.Duration.ofDays(CaseDashboard.WINDOW_DAYS)))) {
            byCounterpart.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add(r);
        }
        List<CaseDashboard.Counterpart> counterparts = new ArrayList<>();
        byCounterpart.forEach((org, rows) -> {
            List<java.time.Duration> ack = new ArrayList<>();
            List<java.time.Duration> resolve = new ArrayList<>();
            int withDeadline = 0;
            int onTime = 0;
            for (Object[] r : rows) {
                Instant created = SqlValues.instant(r[1]);
                Instant deadline = SqlValues.instant(r[2]);
                Instant acked = SqlValues.instant(r[3]);
                Instant resolved = SqlValues.instant(r[4]);
                if (acked != null) {
                    ack.add(java.time.Duration.between(created, acked));
                }
                if (resolved != null) {
                    resolve.add(java.time.Duration.between(created, resolved));
                    if (deadline != null) {
                        withDeadline++;
                        onTime += resolved.isAfter(deadline) ? 0 : 1;
                    }
                }
            }
            counterparts.add(new CaseDashboard.Counterpart(org, rows.size(), median(ack), median(resolve),
                    withDeadline == 0 ? null : (double) onTime / withDeadline));
        });
        auditLog.append(new AuditEvent(context, AuditAction.CASE_DASHBOARD_READ, null, null,
                Map.of("open", open.values().stream().mapToLong(Long::longValue).sum(), "attention", attention.size())));
        return new CaseDashboard(open, overdue, answered, attention, counterparts);
    }

    /** @return the median (the lower middle of an even count), or {@code null} for none */
    static java.time.Duration median(List<java.time.Duration> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<java.time.Duration> sorted = new ArrayList<>(values);
        java.util.Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
    }

    @Override
    public CaseView transition(Caller caller, AuditContext context, CaseId id, TransitionRequest request) {
        Authorization.requireRole(caller, Role.CASE_OFFICER);
        Authorization.requireSameActor(caller, context);
        TakedownCase c = require(caller, id);
        Instant now = clock.instant();
        CaseEvent event;
        try {
            event = c.transition(request.action(), c.roleOf(caller.organization()), caller.organization().value(),
                    caller.principal(), request.note(), now);
        } catch (WrongSideException e) {
            throw new HubException(ProblemType.FORBIDDEN, "Only the " + request.action().by().name().toLowerCase(
                    java.util.Locale.ROOT) + " of a case may " + request.action() + " it.");
        } catch (IllegalTransitionException e) {
            throw new HubException(ProblemType.ILLEGAL_TRANSITION, e.getMessage());
        } catch (UnansweredItemsException e) {
            throw new HubException(ProblemType.CONFLICT, "Every item needs a response before the case can be RESOLVED.");
        }
        flush();
        events.publish(context, event);
        return view(c, caller, now);
    }

    @Override
    public CaseView respond(Caller caller, AuditContext context, CaseId id, int item, ItemResponseRequest request) {
        Authorization.requireRole(caller, Role.CASE_OFFICER);
        Authorization.requireSameActor(caller, context);
        TakedownCase c = require(caller, id);
        if (c.roleOf(caller.organization()) != CaseRole.PLATFORM) {
            throw new HubException(ProblemType.FORBIDDEN, "Only the addressed platform responds to items.");
        }
        Instant now = clock.instant();
        String statement = CaseAssembler.JSONB.toJson(request.statement());
        if (statement.length() > CaseItem.STATEMENT_JSON_LENGTH) { // cannot happen within the field limits; never a 500
            throw HubException.invalidField("statement", "is too long once encoded as JSON");
        }
        CaseEvent event;
        try {
            event = c.respond(item, request.outcome(), request.actionTakenAt(), request.tcoReason(), statement,
                    caller.organization().value(), now);
        } catch (IndexOutOfBoundsException e) {
            throw HubException.notFound("Item");
        } catch (IllegalTransitionException e) {
            throw new HubException(ProblemType.ILLEGAL_TRANSITION, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw HubException.invalidField("tcoReason", e.getMessage());
        }
        flush();
        events.publish(context, event);
        return view(c, caller, now);
    }

    @Override
    public MessageView postMessage(Caller caller, AuditContext context, CaseId id, MessageRequest request) {
        Authorization.requireRole(caller, Role.CASE_OFFICER);
        Authorization.requireSameActor(caller, context);
        TakedownCase c = require(caller, id);
        Instant now = clock.instant();
        CaseEvent event;
        try {
            event = c.post(caller.organization().value(), caller.principal(), request.text(), request.item(), now);
        } catch (IndexOutOfBoundsException e) {
            throw HubException.invalidField("item", "the case has no such item");
        }
        flush();
        events.publish(context, event);
        int number = c.thread().size();
        return CaseAssembler.toView(number, c.thread().get(number - 1));
    }

    @Override
    public MessageList messages(Caller caller, AuditContext context, CaseId id) {
        Authorization.requireSameActor(caller, context);
        TakedownCase c = require(caller, id);
        auditLog.append(new AuditEvent(context, AuditAction.CASE_MESSAGES_READ, TARGET_TYPE, id.value(), Map.of()));
        List<MessageView> thread = new ArrayList<>();
        for (int i = 0; i < c.thread().size(); i++) {
            thread.add(CaseAssembler.toView(i + 1, c.thread().get(i)));
        }
        return new MessageList(thread);
    }

    @Override
    public Attached attach(Caller caller, AuditContext context, CaseId id, AttachmentRequest request) {
        Authorization.requireRole(caller, Role.CASE_OFFICER);
        Authorization.requireSameActor(caller, context);
        TakedownCase c = require(caller, id);
        Instant now = clock.instant();
        Attachments.Added added = attachments.add(c, request, caller.organization(), now);
        if (!added.created()) {
            auditLog.append(new AuditEvent(context, AuditAction.CASE_ATTACHMENT_REPLAYED, TARGET_TYPE, id.value(),
                    Map.of("sha256", added.sha256().hex())));
            return new Attached(added.view(), false);
        }
        events.publish(context, c.attachmentAdded(added.sha256(), added.view().size(), request.mediaType(),
                request.item(), caller.organization().value(), now));
        return new Attached(added.view(), true);
    }

    @Override
    public AttachmentList attachments(Caller caller, CaseId id) {
        require(caller, id);
        return new AttachmentList(attachments.list(id));
    }

    @Override
    public AttachmentContent attachment(Caller caller, AuditContext context, CaseId id, String sha256) {
        Authorization.requireSameActor(caller, context);
        require(caller, id);
        Sha256 address = Sha256.parse(sha256).orElseThrow(() -> HubException.notFound("Attachment"));
        AttachmentContent content = attachments.open(id, address).orElseThrow(() -> HubException.notFound("Attachment"));
        auditLog.append(new AuditEvent(context, AuditAction.CASE_ATTACHMENT_READ, TARGET_TYPE, id.value(),
                Map.of("sha256", address.hex())));
        return content;
    }

    @Override
    public StatementList statements(Caller caller, AuditContext context, Instant since) {
        Authorization.requireSameActor(caller, context);
        if (caller.kind() != OrganizationKind.PLATFORM) {
            throw new HubException(ProblemType.FORBIDDEN, "Only a platform exports its statements of reasons.");
        }
        Instant now = clock.instant();
        List<TakedownCase> updated = cases.updatedSince(caller.organization(), since, now, MAX_STATEMENT_CASES)
                .orElseThrow(() -> new HubException(ProblemType.INVALID_PARAMETER, "More than " + MAX_STATEMENT_CASES
                        + " cases were updated since " + (since == null ? "the start" : since)
                        + "; pass a later since and export in parts."));
        List<StatementOfReasons> statements = new ArrayList<>();
        for (TakedownCase c : updated) {
            if (c.roleOf(caller.organization()) == CaseRole.PLATFORM) {
                statements.addAll(DsaStatements.of(CaseAssembler.toView(c, List.of(), now)));
            }
        }
        auditLog.append(new AuditEvent(context, AuditAction.CASE_STATEMENTS_READ, null, null, Map.of("count", statements.size())));
        return new StatementList(statements);
    }

    /** Most cases one statements export covers; beyond it the caller narrows {@code since}. */
    static final int MAX_STATEMENT_CASES = 1000;

    /** Largest inbox page. */
    static final int MAX_INBOX = 500;

    @Override
    public InboxPage inbox(Caller caller, String after, int limit) {
        Authorization.requireMember(caller);
        if (limit < 1 || limit > MAX_INBOX) {
            throw new HubException(ProblemType.INVALID_PARAMETER, "limit must be 1-" + MAX_INBOX + ".");
        }
        String org = caller.organization().value();
        InboxCursor cursor = InboxCursor.START;
        if (after != null) {
            // A position in the caller's own stream only: a token the hub never wrote, or one beyond
            // the caller's newest event, is refused alike.
            cursor = InboxCursor.parse(after).orElseThrow(CaseServiceBean::foreignCursor);
        }
        List<InboxEvent> events = inbox.after(org, cursor, limit);
        if (events.isEmpty() && cursor.position() > inbox.head(org)) {
            throw foreignCursor(); // a page with events proves the position exists: one read per poll
        }
        String next = events.isEmpty() ? cursor.token() : events.get(events.size() - 1).cursor();
        return new InboxPage(events, next);
    }

    private TakedownCase require(Caller caller, CaseId id) {
        return cases.findFor(id, caller.organization()).orElseThrow(() -> HubException.notFound("Case"));
    }

    private void flush() {
        try {
            cases.flush();
        } catch (OptimisticLockException e) {
            throw new HubException(ProblemType.CONFLICT, "The case changed at the same time; read it again and retry.");
        }
    }

    private static HubException foreignCursor() {
        return new HubException(ProblemType.INVALID_PARAMETER, "after must be the cursor of an event or page of your inbox.");
    }

    private CaseView view(TakedownCase c, Caller caller, Instant now) {
        return CaseAssembler.toView(c, cases.linked(c, caller.organization(),
                c.roleOf(caller.organization()) == CaseRole.PLATFORM), now);
    }
}
