package org.electionpool.hub.web.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.electionpool.hub.api.problem.ProblemType;
import org.jboss.logging.Logger;

/**
 * Maps the exceptions Jakarta REST raises itself — unknown path (404), wrong method (405, with the
 * {@code Allow} header kept), unacceptable {@code Accept} (406), unsupported {@code Content-Type}
 * (415), unreadable parameters (400) — to problem documents. The container's own message is not
 * passed on: it can echo what the caller sent.
 */
@Provider
@ApplicationScoped
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    private static final Logger LOG = Logger.getLogger(WebApplicationExceptionMapper.class);

    @Inject
    ProblemResponses problems;

    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse() != null ? e.getResponse().getStatus() : 500;
        ProblemType type = typeFor(status);
        if (type == ProblemType.INTERNAL_ERROR) {
            LOG.errorf(e, "Unexpected %d from the REST runtime", status);
        }
        Response response = problems.of(type, detailFor(type));
        if (status == 405 && e.getResponse().getHeaderString(HttpHeaders.ALLOW) != null) {
            return Response.fromResponse(response)
                    .header(HttpHeaders.ALLOW, e.getResponse().getHeaderString(HttpHeaders.ALLOW))
                    .build();
        }
        return response;
    }

    static ProblemType typeFor(int status) {
        return switch (status) {
            case 400 -> ProblemType.MALFORMED_REQUEST;
            case 401 -> ProblemType.UNAUTHENTICATED;
            case 403 -> ProblemType.FORBIDDEN;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 406 -> ProblemType.NOT_ACCEPTABLE;
            case 409 -> ProblemType.CONFLICT;
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            case 431 -> ProblemType.HEADERS_TOO_LARGE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ProblemType.SERVICE_UNAVAILABLE;
            default -> ProblemType.INTERNAL_ERROR;
        };
    }

    private static String detailFor(ProblemType type) {
        return switch (type) {
            case MALFORMED_REQUEST -> "The request could not be read.";
            case NOT_FOUND -> "There is no resource at this path.";
            case METHOD_NOT_ALLOWED -> "This resource does not support the request's method; see the Allow header.";
            case NOT_ACCEPTABLE -> "None of the media types in the Accept header can be produced here.";
            case UNSUPPORTED_MEDIA_TYPE -> "This resource does not accept the request's Content-Type.";
            default -> null;
        };
    }
}
