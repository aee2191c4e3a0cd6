package org.electionpool.hub.api.cases;

import jakarta.ejb.Local;
import java.util.List;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.api.security.Caller;

/**
 * The case exchange. Every method is one transaction; every change and every read of case content
 * is an audit entry (target type {@code case}) written in that transaction, with the caller's
 * signed message as evidence.
 *
 * <p>Isolation: a case exists, for a caller, only if the caller is its authority or its addressed
 * platform. For anyone else — another authority, another platform, an auditor, the operator —
 * every method answers {@code NOT_FOUND} exactly as for an id that was never issued.
 *
 * <p>Authorisation, decided here for every tier: the tenant check above, then the side — only an
 * authority creates cases ({@code FORBIDDEN} otherwise), only the addressed platform responds to
 * items, each lifecycle action belongs to one side ({@code FORBIDDEN} for the other), only a
 * platform exports statements; lists and the inbox hold the caller's own only. The hub itself
 * ({@link Caller#system}) is party to no case and has no inbox ({@code FORBIDDEN}). Every method
 * that takes an {@link AuditContext} refuses one that does not name the caller's organisation and
 * channel with {@link IllegalArgumentException}.
 */
@Local
public interface CaseService {

    /**
     * The outcome of a creation.
     *
     * @param view    the case
     * @param created {@code true} when created now, {@code false} when the same {@code clientRef}
     *                and body had created it before (an idempotent replay)
     */
    record Created(CaseView view, boolean created) {
    }

    /**
     * The outcome of an upload.
     *
     * @param attachment the attachment
     * @param created    {@code false} when the case already had this content
     */
    record Attached(AttachmentView attachment, boolean created) {
    }

    /**
     * Creates a case from an authority to a platform ({@code case.created}), delivered to the
     * platform's inbox.
     *
     * @throws org.electionpool.hub.api.problem.HubException {@code FORBIDDEN} unless the caller is
     *         an authority; {@code VALIDATION_FAILED} for fields the kind needs, an addressee that
     *         is not an active platform, a deadline in the past; {@code ALREADY_EXISTS} when the
     *         {@code clientRef} was used for a different body
     */
    Created create(Caller caller, AuditContext context, CreateCaseRequest request);

    /** @return the case ({@code case.read}) @throws org.electionpool.hub.api.problem.HubException {@code NOT_FOUND} */
    CaseView get(Caller caller, AuditContext context, CaseId id);

    /**
     * @return one page of the caller's cases, newest first ({@code case.list.read})
     * @throws org.electionpool.hub.api.problem.HubException {@code INVALID_PARAMETER} for a bad cursor
     */
    CasePage list(Caller caller, AuditContext context, CaseFilter filter);

    /**
     * The caller's case work at a glance (the UI's dashboard). Audited as {@code case.dashboard.read}.
     *
     * @param caller the party (an authority or a platform)
     * @param context the request's audit context
     * @param since  the start of the period counted as answered (the person's day)
     * @return open cases by state, those needing attention, answered since, counterparts' response times
     */
    CaseDashboard dashboard(Caller caller, AuditContext context, java.time.Instant since);

    /**
     * Takes a lifecycle step ({@code case.transitioned}).
     *
     * @throws org.electionpool.hub.api.problem.HubException {@code NOT_FOUND}; {@code FORBIDDEN}
     *         when the action belongs to the other side; {@code ILLEGAL_TRANSITION} naming both
     *         states; {@code CONFLICT} to resolve with items left unanswered
     */
    CaseView transition(Caller caller, AuditContext context, CaseId id, TransitionRequest request);

    /**
     * Records (or replaces) the platform's response to one item ({@code case.item.responded}).
     *
     * @throws org.electionpool.hub.api.problem.HubException {@code NOT_FOUND} for the case or
     *         item; {@code FORBIDDEN} for the authority; {@code ILLEGAL_TRANSITION} when the
     *         state takes no responses; {@code VALIDATION_FAILED} for a TCO reason that does not
     *         fit the outcome
     */
    CaseView respond(Caller caller, AuditContext context, CaseId id, int item, ItemResponseRequest request);

    /** Adds a message to the thread ({@code case.message.posted}). */
    MessageView postMessage(Caller caller, AuditContext context, CaseId id, MessageRequest request);

    /** @return the thread, oldest first ({@code case.messages.read}) */
    MessageList messages(Caller caller, AuditContext context, CaseId id);

    /**
     * Adds an evidence attachment ({@code case.attachment.added}), stored encrypted; the same
     * content again is the same attachment.
     *
     * @return the attachment and whether it was new
     * @throws org.electionpool.hub.api.problem.HubException {@code VALIDATION_FAILED} for content
     *         that is not base64, too large, or not of its declared type; {@code CONFLICT} when the
     *         hub has no attachment key
     */
    Attached attach(Caller caller, AuditContext context, CaseId id, AttachmentRequest request);

    /** @return the case's attachments, oldest first (descriptions only; not audited) */
    AttachmentList attachments(Caller caller, CaseId id);

    /**
     * @param sha256 the attachment's address
     * @return its content ({@code case.attachment.read})
     * @throws org.electionpool.hub.api.problem.HubException {@code NOT_FOUND}
     */
    AttachmentContent attachment(Caller caller, AuditContext context, CaseId id, String sha256);

    /**
     * The platform's item responses as statements of reasons in the DSA Transparency Database's
     * format (docs/dsa-statements.md), from the cases addressed to it that changed at or after
     * {@code since} ({@code case.statements.read}).
     *
     * @param since only cases updated at or after this time
     * @return the statements, with the Transparency Database's attribute names in its order, from at most 1,000 cases
     * @throws org.electionpool.hub.api.problem.HubException {@code FORBIDDEN} unless the caller is a platform
     */
    StatementList statements(Caller caller, AuditContext context, java.time.Instant since);

    /**
     * Reads the caller's own inbox stream. Cursors are opaque tokens naming a position in that
     * stream only: the caller's events are numbered without gaps, whatever other organisations do.
     *
     * @param after the cursor of the last event read (an event's {@code cursor} or a page's
     *              {@code next}), or {@code null} for the beginning
     * @param limit page size, 1–500
     * @return the caller's inbox events after the cursor, oldest first; {@code next} is the last
     *         event's cursor, or on an empty page {@code after} itself (the start token if it was null)
     * @throws org.electionpool.hub.api.problem.HubException {@code INVALID_PARAMETER} for a limit out
     *         of range, or an {@code after} the hub did not hand to the caller (not a token of the
     *         current format, or beyond the caller's newest event)
     */
    InboxPage inbox(Caller caller, String after, int limit);
}
