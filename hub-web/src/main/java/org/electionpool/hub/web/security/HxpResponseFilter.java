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
import org.electionpool.hub.api.hxp.EnvelopeService;
import org.electionpool.hub.api.hxp.Hxp;
import org.electionpool.hub.api.hxp.OpenedRequest;
import org.electionpool.hub.api.problem.Problem;
import org.electionpool.hub.web.http.StrictJsonbResolver;
import org.electionpool.hub.web.problem.ProblemBodyWriter;

/**
 * Seals every answer to a request whose envelope was opened — successes and problems alike
 * (400 validation, 404, 409 …): the entity becomes a compact JWE to the caller's encryption key
 * wrapping a JWS by the hub with {@code in_reply_to}, {@code status} and {@code body} or
 * {@code problem}. The HTTP status and headers such as {@code Location} are kept.
 *
 * <p>A problem answer is first recorded as a {@code request.refused} audit entry holding the
 * sender's signed message. Every answer to a request that produced an audit entry carries the
 * {@code receipt} claim of the request's newest entry (docs/audit-log.md §5).
 */
@Provider
@ApplicationScoped
public class HxpResponseFilter implements ContainerResponseFilter {

    private static final MediaType JOSE = MediaType.valueOf(Hxp.MEDIA_TYPE);

    @EJB
    EnvelopeService envelopes;

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
        if (entity instanceof Problem p && response.getStatus() < 500) {
            // Business code refused the request and rolled back: its only trace is this entry. A 5xx
            // is no refusal of the request (and may follow a committed change), so it is not one.
            envelopes.recordRefusal(AuditContext.of(opened), p.type().slug(), response.getStatus(), request.getMethod(),
                    servletRequest.getRequestURI(), servletRequest.getRemoteAddr());
        }
        String receipt = audit.receipt(opened.caller().organization(), opened.jti(), opened.receivedAt())
                .map(StrictJsonbResolver.JSONB::toJson).orElse(null);
        if (response.getStatus() == 204) {
            response.setStatus(200); // a sealed answer always has a body; 204 would drop it
        }
        String sealed = envelopes.seal(opened.caller().organization(), opened.jti(), response.getStatus(), json, problem,
                receipt);
        response.setEntity(sealed, response.getEntityAnnotations(), JOSE);
        response.getHeaders().putSingle("Content-Type", Hxp.MEDIA_TYPE);
    }
}
