package org.electionpool.hub.web.security;

import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.api.hxp.EnvelopeService;
import org.electionpool.hub.api.hxp.IncomingRequest;
import org.electionpool.hub.api.hxp.OpenedRequest;
import org.electionpool.hub.api.problem.HubException;
import org.electionpool.hub.api.problem.ProblemType;
import org.electionpool.hub.protocol.hxp.Hxp;
import org.electionpool.hub.web.http.ApiPaths;
import org.electionpool.hub.web.problem.DatabaseFailures;
import org.jboss.logging.Logger;

/**
 * Opens the HXP/1 envelope of every {@code /api/v1/**} request before it is matched to a
 * resource: nothing of the API runs for a request whose envelope fails a check.
 *
 * <p>On success the caller is authenticated, the verified {@code body} claim replaces the entity
 * (as {@code application/json}, so resources and bean validation see plain JSON) and the opened
 * request is kept for {@link HxpResponseFilter}, which seals the answer. On failure the refusal is
 * recorded (reason class, method, path, remote address; never the payload) and the request ends
 * with a plain problem document.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 400)
@ApplicationScoped
public class HxpEnvelopeFilter implements ContainerRequestFilter {

    /** Request property holding the {@link OpenedRequest}. */
    public static final String OPENED = HxpEnvelopeFilter.class.getName() + ".opened";

    /** Request property holding the {@link Hxp#LOG_SIZE_HEADER}'s value as a {@code Long}, when sent. */
    public static final String LOG_SIZE = HxpEnvelopeFilter.class.getName() + ".log-size";

    /** A tree size in decimal without leading zeros, at most 18 digits (so it fits a long). */
    private static final java.util.regex.Pattern SIZE = java.util.regex.Pattern.compile("0|[1-9][0-9]{0,17}");

    @EJB
    EnvelopeService envelopes;

    @Inject
    CallerContext callers;

    @Inject
    HttpServletRequest servletRequest;

    private static final Logger LOG = Logger.getLogger(HxpEnvelopeFilter.class);

    /** @return the hub's own refusal in the cause chain (the container may wrap it), or {@code null} */
    private static HubException hubException(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof HubException hub) {
                return hub;
            }
        }
        return null;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        // The raw path, canonical by now (RequestTargetFilter): the same text the container matches.
        if (!ApiPaths.isProtected(servletRequest.getRequestURI())) {
            return;
        }
        String method = request.getMethod();
        String query = servletRequest.getQueryString();
        String target = servletRequest.getRequestURI() + (query == null ? "" : "?" + query);
        OpenedRequest opened;
        try {
            byte[] body;
            try {
                // Always read: hasEntity() is false for a GET even when it carries a body, which HXP/1 refuses.
                body = request.getEntityStream() == null ? new byte[0] : request.getEntityStream().readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            opened = envelopes.open(new IncomingRequest(method, target, request.getHeaderString(HttpHeaders.CONTENT_TYPE),
                    request.getHeaderString(HttpHeaders.AUTHORIZATION), body));
        } catch (RuntimeException failure) {
            HubException e = hubException(failure);
            if (e == null && DatabaseFailures.isOutage(failure)) {
                throw failure; // the database is down: 503, and nothing to record the refusal in
            }
            if (e == null) {
                // A parser threw something the envelope did not expect: the input is at fault, not the
                // hub. Refused like any malformed envelope; logged without the payload.
                LOG.warnf("Envelope check failed unexpectedly (%s); refused as hxp-malformed",
                        failure.getClass().getName());
                e = new HubException(ProblemType.HXP_MALFORMED, "The HXP/1 envelope cannot be read.");
            }
            envelopes.recordRefusal(AuditContext.unauthenticated(), e.type().slug(), e.type().status(), method,
                    servletRequest.getRequestURI(), servletRequest.getRemoteAddr());
            throw e;
        }
        callers.authenticate(opened);
        request.setProperty(OPENED, opened);
        java.util.List<String> sizes = request.getHeaders().get(Hxp.LOG_SIZE_HEADER);
        if (sizes != null && !sizes.isEmpty()) {
            if (sizes.size() != 1 || !SIZE.matcher(sizes.get(0)).matches()) {
                throw new HubException(ProblemType.INVALID_PARAMETER, Hxp.LOG_SIZE_HEADER
                        + " must be one decimal tree size (0 to 999999999999999999, no sign or leading zero).");
            }
            request.setProperty(LOG_SIZE, Long.parseLong(sizes.get(0)));
        }
        if (opened.bodyJson() != null) {
            request.setEntityStream(new ByteArrayInputStream(opened.bodyJson().getBytes(StandardCharsets.UTF_8)));
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }
}
