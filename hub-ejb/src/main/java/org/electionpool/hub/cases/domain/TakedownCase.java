package org.electionpool.hub.cases.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.electionpool.hub.api.audit.AuditAction;
import org.electionpool.hub.api.cases.CaseAction;
import org.electionpool.hub.api.cases.CaseId;
import org.electionpool.hub.api.cases.CaseKind;
import org.electionpool.hub.api.cases.CaseRole;
import org.electionpool.hub.api.cases.CaseStatus;
import org.electionpool.hub.api.cases.Outcome;
import org.electionpool.hub.api.cases.Priority;
import org.electionpool.hub.api.cases.Sha256;
import org.electionpool.hub.api.cases.TcoReason;
import org.electionpool.hub.api.organizations.OrganizationId;

/**
 * A case between one authority and one platform: the order's fields, its items with responses, and
 * its thread.
 *
 * <p>Invariants: the parties, kind, order fields and items never change after creation; the state
 * changes only through {@link #transition}, along {@link CaseStatus#after}; every step and every
 * message is appended to the thread, never edited. Every method that changes the case (or records
 * something about it the parties are told of) returns the {@link CaseEvent} of what it did, from
 * which the audit entry and the parties' inbox events are written; {@link #created()} is the
 * creation's. The deadline's clock stops while the case waits for the
 * authority ({@code NEEDS_INFORMATION}) and restarts in full once the authority answers (TCO
 * Regulation Art. 3(8)). Concurrent changes are detected by {@code version}.
 */
@Entity
@Table(name = "takedown_case")
public class TakedownCase {

    @Id
    @Column(name = "id", length = 41, nullable = false, updatable = false)
    private String id;

    @Column(name = "client_ref", length = 128, nullable = false, updatable = false)
    private String clientRef;

    @Column(name = "request_sha256", length = 44, nullable = false, updatable = false)
    private String requestSha256;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = 32, nullable = false, updatable = false)
    private CaseKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 32, nullable = false)
    private CaseStatus status;

    @Column(name = "authority_org", length = 64, nullable = false, updatable = false)
    private String authority;

    @Column(name = "addressee_org", length = 64, nullable = false, updatable = false)
    private String addressee;

    @Column(name = "reference", length = 128, nullable = false, updatable = false)
    private String reference;

    @Column(name = "title", length = 300, nullable = false, updatable = false)
    private String title;

    @Column(name = "issued_at", updatable = false)
    private Instant issuedAt;

    @Column(name = "official_name", length = 200, updatable = false)
    private String officialName;

    @Column(name = "official_role", length = 200, updatable = false)
    private String officialRole;

    @Column(name = "contact", length = 320, updatable = false)
    private String contact;

    @Column(name = "legal_basis", length = 2000, updatable = false)
    private String legalBasis;

    @Column(name = "statement_of_reasons", length = 20000, updatable = false)
    private String statementOfReasons;

    @Column(name = "category", length = 64, updatable = false)
    private String category;

    @Column(name = "territorial_scope", length = 300, updatable = false)
    private String territorialScope;

    @Column(name = "redress", length = 4000, updatable = false)
    private String redress;

    @Column(name = "language", length = 2, updatable = false)
    private String language;

    @Column(name = "provider_may_be_informed", updatable = false)
    private Boolean providerMayBeInformed;

    @Enumerated(EnumType.STRING)
    @Column(name = "priority", length = 16, nullable = false, updatable = false)
    private Priority priority;

    @Column(name = "tlp", length = 16, nullable = false, updatable = false)
    private String tlp;

    @Column(name = "election", length = 64, updatable = false)
    private String election;

    @Column(name = "deadline")
    private Instant deadline;

    @Column(name = "deadline_seconds", updatable = false)
    private Long deadlineSeconds;

    @Column(name = "clock_stopped_at")
    private Instant clockStoppedAt;

    @Column(name = "overdue_at")
    private Instant overdueAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "case_item", joinColumns = @JoinColumn(name = "case_id"))
    @OrderColumn(name = "item_no", nullable = false)
    private List<CaseItem> items = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "case_message", joinColumns = @JoinColumn(name = "case_id"))
    @OrderColumn(name = "msg_no", nullable = false)
    private List<CaseMessage> thread = new ArrayList<>();

    /** For JPA only. */
    protected TakedownCase() {
    }

    /**
     * A new case in state {@code SUBMITTED}, delivered now.
     *
     * @param id            the new id
     * @param authority     the sending authority
     * @param request       what the authority asks for
     * @param requestSha256 the digest of the request's canonical body, for idempotent replays
     * @param items         the items, in order
     * @param now           the delivery time; the deadline runs from here
     * @throws IllegalArgumentException if an explicit deadline is not after {@code now}
     */
    public TakedownCase(CaseId id, OrganizationId authority, NewCase request, String requestSha256,
                        List<CaseItem> items, Instant now) {
        this.id = id.value();
        this.clientRef = request.clientRef();
        this.requestSha256 = requestSha256;
        this.kind = request.kind();
        this.status = CaseStatus.SUBMITTED;
        this.authority = authority.value();
        this.addressee = request.addressee().value();
        this.reference = request.reference().strip();
        this.title = request.title().strip();
        this.issuedAt = request.issuedAt();
        if (request.issuingOfficial() != null) {
            this.officialName = request.issuingOfficial().name();
            this.officialRole = request.issuingOfficial().role();
        }
        this.contact = request.contact();
        this.legalBasis = request.legalBasis();
        this.statementOfReasons = request.statementOfReasons();
        this.category = request.category();
        this.territorialScope = request.territorialScope().isEmpty() ? null
                : String.join(",", request.territorialScope());
        this.redress = request.redress();
        this.language = request.language();
        this.providerMayBeInformed = request.providerMayBeInformed();
        this.priority = request.priority();
        this.tlp = request.tlp();
        this.election = request.election();
        Duration allowed = request.deadline() != null ? Duration.between(now, request.deadline())
                : request.kind().defaultDeadline(request.priority());
        if (allowed != null) {
            if (allowed.isNegative() || allowed.isZero()) {
                throw new IllegalArgumentException("the deadline must be in the future");
            }
            this.deadlineSeconds = allowed.toSeconds();
            this.deadline = now.plus(allowed);
        }
        this.items = new ArrayList<>(Objects.requireNonNull(items, "items"));
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** @return the event of this case's creation ({@code case.created}), sent by its authority */
    public CaseEvent created() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", kind.name());
        details.put("addressee", addressee);
        details.put("items", items.size());
        details.put("priority", priority.name());
        return event(AuditAction.CASE_CREATED, authority, details, createdAt);
    }

    /**
     * Takes one lifecycle step and records it in the thread.
     *
     * @param action the action
     * @param role   the side taking it
     * @param actorOrg       the acting organisation
     * @param actorPrincipal the acting principal (key id)
     * @param note   optional text
     * @param now    the time
     * @return the step ({@code case.transitioned}; details {@code action}, {@code from}, {@code to})
     * @throws WrongSideException if the action belongs to the other side
     * @throws IllegalTransitionException if the action is not allowed from the current state
     * @throws UnansweredItemsException to resolve with items left unanswered
     */
    public CaseEvent transition(CaseAction action, CaseRole role, String actorOrg, String actorPrincipal, String note,
                                Instant now) {
        if (action.by() != role) {
            throw new WrongSideException(action);
        }
        CaseStatus from = status;
        CaseStatus to = from.after(action).orElseThrow(() -> new IllegalTransitionException(action, from));
        if (action == CaseAction.RESOLVE && items.stream().anyMatch(i -> !i.answered())) {
            throw new UnansweredItemsException();
        }
        if (to == CaseStatus.NEEDS_INFORMATION) {
            clockStoppedAt = now;
        } else if (from == CaseStatus.NEEDS_INFORMATION && deadlineSeconds != null) {
            deadline = now.plusSeconds(deadlineSeconds); // the clock restarts in full once clarified
            clockStoppedAt = null;
            overdueAt = null; // a new deadline may pass again
        }
        status = to;
        thread.add(new CaseMessage(actorOrg, actorPrincipal, note, null, action, from, to, now));
        updatedAt = now;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("action", action.name());
        details.put("from", from.name());
        details.put("to", to.name());
        return event(AuditAction.CASE_TRANSITIONED, actorOrg, details, now);
    }

    /**
     * Records the platform's response to an item.
     *
     * @param number   1-based item number
     * @param actorOrg the responding organisation (the platform)
     * @return the response ({@code case.item.responded}; details {@code item}, {@code outcome})
     * @throws IndexOutOfBoundsException for an item the case does not have
     * @throws IllegalTransitionException if the state takes no responses
     * @throws IllegalArgumentException if the TCO reason does not fit the outcome
     */
    public CaseEvent respond(int number, Outcome outcome, Instant actionTakenAt, TcoReason tcoReason, String statementJson,
                             String actorOrg, Instant now) {
        if (number < 1 || number > items.size()) {
            throw new IndexOutOfBoundsException("no item " + number);
        }
        if (!status.acceptsResponses()) {
            throw new IllegalTransitionException(null, status);
        }
        items.get(number - 1).respond(outcome, actionTakenAt, tcoReason, statementJson, now);
        updatedAt = now;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("item", number);
        details.put("outcome", outcome.name());
        return event(AuditAction.CASE_ITEM_RESPONDED, actorOrg, details, now);
    }

    /**
     * Appends a message to the thread.
     *
     * @return the message ({@code case.message.posted}; details {@code item} when it is about one)
     * @throws IndexOutOfBoundsException for an item the case does not have
     */
    public CaseEvent post(String actorOrg, String actorPrincipal, String text, Integer item, Instant now) {
        checkItem(item);
        thread.add(new CaseMessage(actorOrg, actorPrincipal, text, item, null, null, null, now));
        updatedAt = now;
        return event(AuditAction.CASE_MESSAGE_POSTED, actorOrg, item == null ? Map.of() : Map.of("item", item), now);
    }

    /**
     * Records that a party added evidence (stored beside the case, which itself does not change).
     *
     * @param sha256    the content's digest: the attachment's address
     * @param size      bytes
     * @param mediaType the media type
     * @param item      the item it is evidence for, or {@code null}
     * @return the upload ({@code case.attachment.added}; details {@code sha256}, {@code size},
     *         {@code media_type}, and {@code item} when it is about one)
     * @throws IndexOutOfBoundsException for an item the case does not have
     */
    public CaseEvent attachmentAdded(Sha256 sha256, int size, String mediaType, Integer item, String actorOrg,
                                     Instant now) {
        checkItem(item);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("sha256", sha256.hex());
        details.put("size", size);
        details.put("media_type", mediaType);
        if (item != null) {
            details.put("item", item);
        }
        return event(AuditAction.CASE_ATTACHMENT_ADDED, actorOrg, details, now);
    }

    /**
     * @param item a 1-based item number, or {@code null}
     * @throws IndexOutOfBoundsException for an item the case does not have
     */
    public void checkItem(Integer item) {
        if (item != null && (item < 1 || item > items.size())) {
            throw new IndexOutOfBoundsException("no item " + item);
        }
    }

    private CaseEvent event(AuditAction action, String actor, Map<String, Object> details, Instant at) {
        return new CaseEvent(action, id(), authority(), addressee(), status, actor, details, at);
    }

    /**
     * @param organization an organisation
     * @return its side in this case, or {@code null} when it is not a party
     */
    public CaseRole roleOf(OrganizationId organization) {
        if (authority.equals(organization.value())) {
            return CaseRole.AUTHORITY;
        }
        return addressee.equals(organization.value()) ? CaseRole.PLATFORM : null;
    }

    /** @return whether the deadline passed while the clock ran ({@link CaseStatus#CLOCK_RUNS}) */
    public boolean overdue(Instant now) {
        return deadline != null && status.clockRuns() && now.isAfter(deadline);
    }

    /**
     * Marks the passed deadline, once: a deadline is marked at most once, however often this is
     * called (a new deadline, after the clock restarted, can be marked again).
     *
     * @param now the time
     * @return the mark ({@code case.overdue} by the hub; details {@code deadline}, ISO 8601), or
     *         empty when the case is not overdue now or its deadline is already marked
     */
    public Optional<CaseEvent> markOverdue(Instant now) {
        if (overdueAt != null || !overdue(now)) {
            return Optional.empty();
        }
        overdueAt = now;
        return Optional.of(event(AuditAction.CASE_OVERDUE, CaseEvent.HUB,
                Map.of("deadline", DateTimeFormatter.ISO_INSTANT.format(deadline)), now));
    }

    public CaseId id() {
        return new CaseId(id);
    }

    public String clientRef() {
        return clientRef;
    }

    public String requestSha256() {
        return requestSha256;
    }

    public CaseKind kind() {
        return kind;
    }

    public CaseStatus status() {
        return status;
    }

    public OrganizationId authority() {
        return new OrganizationId(authority);
    }

    public OrganizationId addressee() {
        return new OrganizationId(addressee);
    }

    public String reference() {
        return reference;
    }

    public String title() {
        return title;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public String officialName() {
        return officialName;
    }

    public String officialRole() {
        return officialRole;
    }

    public String contact() {
        return contact;
    }

    public String legalBasis() {
        return legalBasis;
    }

    public String statementOfReasons() {
        return statementOfReasons;
    }

    public String category() {
        return category;
    }

    public List<String> territorialScope() {
        return territorialScope == null ? List.of() : Arrays.asList(territorialScope.split(","));
    }

    public String redress() {
        return redress;
    }

    public String language() {
        return language;
    }

    public Boolean providerMayBeInformed() {
        return providerMayBeInformed;
    }

    public Priority priority() {
        return priority;
    }

    public String tlp() {
        return tlp;
    }

    public String election() {
        return election;
    }

    public Instant deadline() {
        return deadline;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** @return the items, in order (1-based numbers are positions + 1); unmodifiable */
    public List<CaseItem> items() {
        return Collections.unmodifiableList(items);
    }

    /** @return the thread, oldest first; unmodifiable */
    public List<CaseMessage> thread() {
        return Collections.unmodifiableList(thread);
    }
}
