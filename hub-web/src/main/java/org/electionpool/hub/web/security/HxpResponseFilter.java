package org.electionpool.hub.web.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.api.audit.AuditService;
import org.electionpool.hub.api.audit.ReceiptView;
import org.electionpool.hub.api.audit.RequestReceipts;
import org.electionpool.hub.api.hxp.EnvelopeService;
import org.electionpool.hub.protocol.hxp.Hxp;
import org.electionpool.hub.api.hxp.OpenedRequest;
import org.electionpool.hub.api.problem.Problem;
import org.electionpool.hub.web.http.StrictJsonbResolver;
import org.electionpool.hub.api.problem.ProblemType;
import org.electionpool.hub.web.http.CorrelationId;
import org.electionpool.hub.web.problem.DatabaseFailures;
import org.electionpool.hub.web.problem.ProblemBodyWriter;
import org.electionpool.hub.web.problem.ProblemResponses;
import org.jboss.logging.Logger;

/**
 * Seals every answer to a request whose envelope was opened — successes and problems alike
 * (400 validation, 404, 409 …): the entity becomes a compact JWE to the caller's encryption key
 * wrapping a JWS by the hub with {@code in_reply_to}, {@code status} and {@code body} or
 * {@code problem}. The HTTP status and headers such as {@code Location} are kept.
 *
 * <p>A problem answer is first recorded as a {@code request.refused} audit entry holding the
 * sender's signed message. Every answer to a request that produced an audit entry carries the
 * {@code receipt} claim of the request's newest committed entry (docs/audit-log.md §5), as the
 * append handed it to {@link RequestReceipts} when its transaction committed: no second look-up of
 * the entry, and no read of the caller's encryption key (it came with the opened request).
 */
@Provider
@ApplicationScoped
public class HxpResponseFilter implements ContainerResponseFilter {

    private static final MediaType JOSE = MediaType.valueOf(Hxp.MEDIA_TYPE);

    private static final Logger LOG = Logger.getLogger(HxpResponseFilter.class);

    @EJB
    EnvelopeService envelopes;

    @Inject
    ProblemResponses problems;

    @Inject
    RequestReceipts receipts;

    @EJB
    AuditService audit;

    @Inject
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(HxpEnvelopeFilter.OPENED) instanceof OpenedRequest opened)) {
            return;
        }
        Object entity = response.getEntity();
        boolean problem = entity instanceof Problem;
        String json;
        if (entity == null) {
            json = null;
        } else if (entity instanceof Problem p) {
            json = ProblemBodyWriter.toJson(p).build().toString();
        } else if (entity instanceof String s) {
            json = s;
        } else {
            json = StrictJsonbResolver.JSONB.toJson(entity);
        }
        String receipt;
        try {
            if (entity instanceof Problem p && response.getStatus() < 500) {
                // Business code refused the request and rolled back: its only trace is this entry. A 5xx
                // is no refusal of the request (and may follow a committed change), so it is not one.
                envelopes.recordRefusal(AuditContext.of(opened), p.type().slug(), response.getStatus(),
                        request.getMethod(), servletRequest.getRequestURI(), servletRequest.getRemoteAddr());
            }
            receipt = response.getStatus() >= 500 ? null
                    : receipts.newest(opened.caller().organization(), opened.jti())
                            .map(r -> withConsistency(r, request.getProperty(HxpEnvelopeFilter.LOG_SIZE)))
                            .map(StrictJsonbResolver.JSONB::toJson).orElse(null);
        } catch (RuntimeException e) {
            // Recording the refusal failed (the receipt of a committed change comes from memory and
            // cannot fail here): the answer becomes a sealed problem, never Undertow's HTML page.
            ProblemType type = DatabaseFailures.isOutage(e) ? ProblemType.SERVICE_UNAVAILABLE : ProblemType.INTERNAL_ERROR;
            if (type == ProblemType.INTERNAL_ERROR) {
                LOG.errorf(e, "Answer could not be completed, correlation id %s", CorrelationId.of(servletRequest));
            } else {
                LOG.warnf("Database unavailable after the business call, answered 503 (correlation id %s): %s",
                        CorrelationId.of(servletRequest), e.getClass().getName());
            }
            String detail = "The hub's database became unavailable while answering. Retry after "
                    + DatabaseFailures.RETRY_AFTER_SECONDS + " s.";
            Problem p = problems.problem(type, detail, java.util.List.of());
            response.setStatus(type.status());
            json = ProblemBodyWriter.toJson(p).build().toString();
            problem = true;
            receipt = null;
        }
        if (response.getStatus() == 204) {
            response.setStatus(200); // a sealed answer always has a body; 204 would drop it
        }
        if (response.getStatus() == 503) {
            response.getHeaders().putSingle("Retry-After", String.valueOf(DatabaseFailures.RETRY_AFTER_SECONDS));
        }
        String sealed;
        try {
            sealed = envelopes.sealReply(opened, response.getStatus(), json, problem, receipt);
        } catch (RuntimeException e) {
            // Sealing needs no database (the reply key came with the request); this is a real fault.
            LOG.errorf(e, "Answer could not be sealed, correlation id %s", CorrelationId.of(servletRequest));
            response.setStatus(500);
            response.setEntity(problems.problem(ProblemType.INTERNAL_ERROR,
                    "The hub failed to process the request. Quote the correlation_id to the operator.",
                    java.util.List.of()), response.getEntityAnnotations(), ProblemBodyWriter.PROBLEM_JSON_TYPE);
            response.getHeaders().putSingle("Content-Type", ProblemBodyWriter.PROBLEM_JSON);
            return;
        }
        response.setEntity(sealed, response.getEntityAnnotations(), JOSE);
        response.getHeaders().putSingle("Content-Type", Hxp.MEDIA_TYPE);
    }

    /**
     * @return the receipt with the consistency proof from the size the caller trusts
     *         ({@code Hxp-Log-Size}) to the receipt's size, when that size is below it and above 0
     *         (equal sizes need no proof, the empty tree is a prefix of every tree, and a larger one
     *         the caller proves with the public endpoint); otherwise, or when the proof cannot be
     *         read, the receipt as it is
     */
    private ReceiptView withConsistency(ReceiptView receipt, Object trustedSize) {
        if (!(trustedSize instanceof Long from) || from <= 0 || from >= receipt.size()) {
            return receipt;
        }
        try {
            return receipt.withConsistency(audit.consistency(from, receipt.size()));
        } catch (RuntimeException e) {
            // The change committed and its receipt stands; the caller fetches the proof itself.
            LOG.debugf("No consistency proof in the receipt (%s)", e.getClass().getName());
            return receipt;
        }
    }
}
