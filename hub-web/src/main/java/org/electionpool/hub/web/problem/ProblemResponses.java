package org.electionpool.hub.web.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.electionpool.hub.api.problem.FieldViolation;
import org.electionpool.hub.api.problem.Problem;
import org.electionpool.hub.api.problem.ProblemType;
import org.electionpool.hub.web.http.CorrelationId;

/**
 * Builds problem responses for the current request: status and title from the catalogue,
 * {@code instance} = the request path (never the query), {@code correlation_id} from the request
 * log filter. Thread-safe (the injected request is a CDI proxy for the current request).
 */
@ApplicationScoped
public class ProblemResponses {

    @Inject
    HttpServletRequest request;

    /** @return a response for {@code type} with the given detail */
    public Response of(ProblemType type, String detail) {
        return of(type, detail, List.of());
    }

    /** @return a response for {@code type} with detail and field violations */
    public Response of(ProblemType type, String detail, List<FieldViolation> violations) {
        return Response.status(type.status())
                .type(ProblemBodyWriter.PROBLEM_JSON_TYPE)
                .entity(problem(type, detail, violations))
                .build();
    }

    /**
     * @return a {@code 503 service-unavailable} answer with {@code Retry-After}
     *         ({@link DatabaseFailures#RETRY_AFTER_SECONDS}), for a database outage
     */
    public Response unavailable(String detail) {
        return Response.fromResponse(of(ProblemType.SERVICE_UNAVAILABLE, detail))
                .header("Retry-After", String.valueOf(DatabaseFailures.RETRY_AFTER_SECONDS)).build();
    }

    /** @return the problem document for the current request */
    public Problem problem(ProblemType type, String detail, List<FieldViolation> violations) {
        String path = request != null ? request.getRequestURI() : null;
        return new Problem(type, detail, path, CorrelationId.of(request), violations);
    }
}
