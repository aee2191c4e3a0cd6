package org.electionpool.hub.web.http;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.api.hxp.EnvelopeService;
import org.electionpool.hub.api.problem.HubException;

/**
 * Records what the HTTP-edge filters ({@link RequestTargetFilter}, {@link RequestHeaderLimitFilter},
 * {@link RequestBodyLimitFilter}) refuse before the envelope is opened: a refusal of an API request
 * is a {@code request.refused} audit entry like any envelope refusal (method, raw path without
 * query, remote address; never headers or payload). Thread-safe (the request is a CDI proxy).
 */
@ApplicationScoped
public class EdgeRefusals {

    @EJB
    EnvelopeService envelopes;

    @Inject
    HttpServletRequest servletRequest;

    /**
     * @param refusal the problem the filter answers with
     * @param api     whether the request is an API request, whose refusal is recorded
     * @return {@code refusal}, to throw
     */
    public HubException refuse(HubException refusal, boolean api) {
        if (api) {
            envelopes.recordRefusal(AuditContext.unauthenticated(), refusal.type().slug(), refusal.type().status(),
                    servletRequest.getMethod(), servletRequest.getRequestURI(), servletRequest.getRemoteAddr());
        }
        return refusal;
    }

    /** @return the raw request path as received (no query), on which every edge decision is taken */
    public String rawPath() {
        return servletRequest.getRequestURI();
    }
}
