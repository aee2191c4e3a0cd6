package org.electionpool.hub.api.hxp;

import jakarta.ejb.Local;
import org.electionpool.hub.api.organizations.OrganizationId;

/**
 * Opens HXP/1 requests and seals answers (see {@code docs/protocol.md}).
 *
 * <p>Exempt from the rule that services take the acting {@link org.electionpool.hub.api.security.Caller}:
 * this service is the authentication step itself. {@link #open} turns an unauthenticated request
 * into the caller every other service receives, so there is no caller yet to pass; sealing and
 * recording refusals are the hub's own steps around a request (the recipient is the request's
 * authenticated sender, or nobody), not actions a caller asks for. Only the web tier's HXP/1
 * filters and the hub's own dispatcher call it.
 */
@Local
public interface EnvelopeService {

    /**
     * Runs every envelope check, in the documented order, and records the {@code jti} against
     * replay (committed before this call returns, whatever the business outcome later).
     *
     * @param request the request as it arrived
     * @return the authenticated request
     * @throws org.electionpool.hub.api.problem.HubException with an {@code hxp-*} problem type (or
     *         {@code unsupported-media-type}) naming the first check that failed
     */
    OpenedRequest open(IncomingRequest request);

    /**
     * Seals an answer: a JWS by the hub ({@code typ} {@code hxp-response+jwt}) inside a JWE to the
     * recipient's newest active encryption key.
     *
     * @param recipient the caller's organisation
     * @param inReplyTo the request's {@code jti}
     * @param status    the HTTP status of the answer
     * @param json      the answer body (or problem) as JSON text, or {@code null} for none
     * @param problem   whether {@code json} is an RFC 9457 problem (claim {@code problem}) or a body (claim {@code body})
     * @param receipt   the audit receipt (claim {@code receipt}) as JSON text, or {@code null} for an unaudited answer
     * @return the compact JWE
     */
    String seal(OrganizationId recipient, String inReplyTo, int status, String json, boolean problem, String receipt);

    /**
     * Seals the answer to an opened request to the encryption key the sender had when the envelope
     * was opened ({@link OpenedRequest#replyKey()}): no database read, so a {@code 503} can be
     * sealed while the database is down.
     *
     * @see #seal(OrganizationId, String, int, String, boolean, String)
     */
    String sealReply(OpenedRequest opened, int status, String json, boolean problem, String receipt);

    /**
     * Seals a webhook delivery like an answer (docs/api.md, Webhooks): a JWS by the hub
     * ({@code typ} {@code hxp-response+jwt}, {@code status} 200, an {@code event} claim and no
     * {@code in_reply_to}) inside a JWE to the recipient's newest active encryption key.
     *
     * @param recipient the organisation the event is for
     * @param eventJson the event as a JSON object
     * @return the compact JWE
     */
    String sealEvent(OrganizationId recipient, String eventJson);

    /**
     * Records a refused request as an audit entry ({@code request.refused}) in a transaction of its
     * own: problem type, status, method, path without query, remote address; never the payload.
     * For an authenticated sender whose request business code refused, the entry also names the
     * sender and holds its signed message as evidence. Unauthenticated refusals beyond
     * {@code hub.audit.refusals-per-address-per-minute} from one remote address are counted into a
     * {@code request.refused.throttled} summary entry instead (docs/audit-log.md). The refusal of an
     * authenticated sender commits before this returns, and its receipt is then the request's
     * newest in {@link org.electionpool.hub.api.audit.RequestReceipts}.
     *
     * @param context the sender's context ({@link org.electionpool.hub.api.audit.AuditContext#unauthenticated()}
     *                when the envelope itself was refused)
     */
    void recordRefusal(org.electionpool.hub.api.audit.AuditContext context, String problemType, int status, String method,
                       String path, String remoteAddress);
}
