package org.electionpool.hub.web.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.electionpool.hub.api.problem.HubException;
import org.electionpool.hub.api.problem.ProblemType;
import org.electionpool.hub.web.http.ApiPaths;

/**
 * Fail-closed gate in front of every protected {@code /api/v1/**} resource method: it runs only
 * if {@link HxpEnvelopeFilter} authenticated the caller. A second line of defence: should the
 * envelope filter ever be bypassed, no API method runs unauthenticated.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class ApiAccessFilter implements ContainerRequestFilter {

    @Inject
    CallerContext callers;

    @Inject
    jakarta.servlet.http.HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        if (ApiPaths.isProtected(servletRequest.getRequestURI()) && callers.current().isEmpty()) {
            throw new HubException(ProblemType.HXP_UNAUTHENTICATED, "This endpoint needs an HXP/1 envelope.");
        }
    }
}
