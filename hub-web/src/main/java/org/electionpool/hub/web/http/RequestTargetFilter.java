package org.electionpool.hub.web.http;

import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.api.hxp.EnvelopeService;
import org.electionpool.hub.api.problem.HubException;
import org.electionpool.hub.api.problem.ProblemType;

/**
 * The very first check on every request, before the size limit and the envelope: the raw request
 * path must be canonical ({@link ApiPaths#whyNotCanonical}), so that every later decision — is this
 * the protected API, which resource — is taken on the one form of the path that every component
 * reads alike. A path that some reading could take to {@code /api} is refused as
 * {@code 400 hxp-malformed} and recorded as a {@code request.refused} audit entry, like any other
 * refused API request; any other non-canonical path is {@code 400 malformed-request}.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 600)
@ApplicationScoped
public class RequestTargetFilter implements ContainerRequestFilter {

    @EJB
    EnvelopeService envelopes;

    @Inject
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        String raw = servletRequest.getRequestURI();
        Optional<String> why = ApiPaths.whyNotCanonical(raw);
        if (why.isEmpty()) {
            return;
        }
        if (ApiPaths.mayReachApi(raw)) {
            HubException e = new HubException(ProblemType.HXP_MALFORMED, why.get());
            envelopes.recordRefusal(AuditContext.unauthenticated(), e.type().slug(), e.type().status(),
                    request.getMethod(), raw, servletRequest.getRemoteAddr());
            throw e;
        }
        throw new HubException(ProblemType.MALFORMED_REQUEST, why.get());
    }
}
