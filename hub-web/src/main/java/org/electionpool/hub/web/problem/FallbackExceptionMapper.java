package org.electionpool.hub.web.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.electionpool.hub.api.problem.HubException;
import org.electionpool.hub.api.problem.ProblemType;
import org.electionpool.hub.web.http.CorrelationId;
import org.jboss.logging.Logger;

/**
 * The last resort: any exception no other mapper claims becomes a 500
 * {@link ProblemType#INTERNAL_ERROR} that carries the correlation id and nothing else. The
 * exception itself goes to the server log under that id, so an operator can find it from what the
 * caller quotes. A {@link HubException} wrapped by the container (e.g. inside an
 * {@code EJBException}) is unwrapped and answered as itself.
 */
@Provider
@ApplicationScoped
public class FallbackExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(FallbackExceptionMapper.class);

    @Inject
    ProblemResponses problems;

    @Inject
    HttpServletRequest request;

    @Override
    public Response toResponse(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof HubException hub) {
                return problems.of(hub.type(), hub.getMessage(), hub.violations());
            }
        }
        if (DatabaseFailures.isOutage(e)) {
            // An outage is no bug: one line, no stack trace, and an answer the caller can act on.
            LOG.warnf("Database unavailable, answered 503 (correlation id %s): %s", CorrelationId.of(request),
                    e.getClass().getName());
            return problems.unavailable("The hub's database is unavailable. Retry after "
                    + DatabaseFailures.RETRY_AFTER_SECONDS + " s (creation is idempotent by clientRef).");
        }
        LOG.errorf(e, "Unhandled exception, correlation id %s", CorrelationId.of(request));
        return problems.of(ProblemType.INTERNAL_ERROR,
                "The hub failed to process the request. Quote the correlation_id to the operator.");
    }
}
