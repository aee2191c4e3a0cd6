package org.electionpool.hub.web.http;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.electionpool.hub.api.problem.HubException;
import org.electionpool.hub.api.problem.ProblemType;

/**
 * The first check on every request (HXP/1: "size limit" comes before everything else): a body
 * larger than {@code hub.http.max-body-bytes} (default 1 MiB) is refused with 413 — at once when
 * {@code Content-Length} says so, otherwise as soon as the stream passes the limit. Runs after
 * {@link RequestTargetFilter}, so the raw path it looks at is canonical.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 500)
@ApplicationScoped
public class RequestBodyLimitFilter implements ContainerRequestFilter {

    /** Configuration key of the limit, in bytes. */
    public static final String MAX_BODY_BYTES = "hub.http.max-body-bytes";

    @Inject
    @ConfigProperty(name = MAX_BODY_BYTES, defaultValue = "1048576")
    long limit;

    @Inject
    EdgeRefusals refusals;

    @Override
    public void filter(ContainerRequestContext request) {
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            long length;
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                throw refused(request, new HubException(ProblemType.MALFORMED_REQUEST,
                        "The Content-Length header is not a number."));
            }
            if (length > limit) {
                throw refused(request, BoundedInputStream.tooLarge(limit));
            }
        }
        if (request.getEntityStream() != null) {
            request.setEntityStream(new BoundedInputStream(request.getEntityStream(), limit));
        }
    }

    /** API requests refused here never reach the envelope, so their refusal is recorded here. */
    private HubException refused(ContainerRequestContext request, HubException e) {
        return refusals.refuse(e, ApiPaths.isProtected(refusals.rawPath()));
    }
}
