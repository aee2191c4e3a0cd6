package org.electionpool.hub.web.http;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.Collections;
import java.util.Optional;
import org.electionpool.hub.api.problem.HubException;
import org.electionpool.hub.api.problem.ProblemType;

/**
 * The hub's own header limits (docs/protocol.md §3.4, step 0): at most {@value #MAX_HEADER_FIELDS}
 * header fields and at most {@value #MAX_HEADER_BYTES} bytes of header block (each field counted as
 * {@code name: value} plus CRLF), else {@code 431 headers-too-large} — a problem document, recorded
 * as a {@code request.refused} entry for API paths. The HTTP parser's own, larger limits
 * (1,000 fields, 1 MiB; configure-server.cli) only catch what never looked like HTTP from a client
 * of the hub; the parser answers those with a bare {@code 400} and closes the connection.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 550)
@ApplicationScoped
public class RequestHeaderLimitFilter implements ContainerRequestFilter {

    /** Most header fields a request may carry. */
    public static final int MAX_HEADER_FIELDS = 100;

    /** Largest header block, in bytes. */
    public static final int MAX_HEADER_BYTES = 16 * 1024;

    @Inject
    EdgeRefusals refusals;

    @Inject
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<String> why = check(servletRequest);
        if (why.isEmpty()) {
            return;
        }
        throw refusals.refuse(new HubException(ProblemType.HEADERS_TOO_LARGE, why.get()),
                ApiPaths.isProtected(refusals.rawPath()));
    }

    /** @return why the request's header block is over a limit, or empty */
    static Optional<String> check(HttpServletRequest request) {
        int fields = 0;
        long bytes = 0;
        for (String name : Collections.list(request.getHeaderNames())) {
            for (String value : Collections.list(request.getHeaders(name))) {
                fields++;
                bytes += name.length() + 2 + (value == null ? 0 : value.length()) + 2;
            }
        }
        if (fields > MAX_HEADER_FIELDS) {
            return Optional.of("The request has more than " + MAX_HEADER_FIELDS + " header fields.");
        }
        if (bytes > MAX_HEADER_BYTES) {
            return Optional.of("The request's header block is larger than " + MAX_HEADER_BYTES + " bytes.");
        }
        return Optional.empty();
    }
}
