package org.electionpool.hub.web.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.electionpool.hub.api.problem.HubException;

/**
 * Maps the hub's application exception to the problem it names.
 */
@Provider
@ApplicationScoped
public class HubExceptionMapper implements ExceptionMapper<HubException> {

    @Inject
    ProblemResponses problems;

    @Override
    public Response toResponse(HubException e) {
        return problems.of(e.type(), e.getMessage(), e.violations());
    }
}
