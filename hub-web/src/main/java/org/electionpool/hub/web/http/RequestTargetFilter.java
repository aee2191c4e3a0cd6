package org.electionpool.hub.web.http;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
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

    @Inject
    EdgeRefusals refusals;

    @Override
    public void filter(ContainerRequestContext request) {
        String raw = refusals.rawPath();
        Optional<String> why = ApiPaths.whyNotCanonical(raw);
        if (why.isEmpty()) {
            return;
        }
        boolean api = ApiPaths.mayReachApi(raw);
        throw refusals.refuse(new HubException(api ? ProblemType.HXP_MALFORMED : ProblemType.MALFORMED_REQUEST,
                why.get()), api);
    }
}
