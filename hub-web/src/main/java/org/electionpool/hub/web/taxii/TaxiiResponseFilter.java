package org.electionpool.hub.web.taxii;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.api.hxp.EnvelopeService;
import org.electionpool.hub.api.problem.Problem;
import org.electionpool.hub.api.security.Caller;
import org.electionpool.hub.web.problem.ProblemBodyWriter;
import org.jboss.logging.Logger;

/**
 * Every {@code /taxii2/} answer is {@code application/taxii+json;version=2.1}, problems too: a
 * problem becomes a TAXII error message (§3.6.1: {@code title}, {@code description},
 * {@code error_code}, {@code http_status}) that keeps its RFC 9457 members ({@code type},
 * {@code status}, {@code detail}, {@code errors}) beside them. A refusal below 500 is first
 * recorded as a {@code request.refused} entry (channel TAXII, the credential when there is one).
 */
@Provider
@ApplicationScoped
public class TaxiiResponseFilter implements ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger(TaxiiResponseFilter.class);

    private static final MediaType TAXII = MediaType.valueOf(TaxiiMedia.TAXII);

    @EJB
    EnvelopeService envelopes;

    @Inject
    TaxiiCaller callers;

    @Inject
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!TaxiiAccessFilter.isTaxii(request)) {
            return;
        }
        if (response.getEntity() instanceof Problem p) {
            if (response.getStatus() < 500) {
                AuditContext context = callers.current().isPresent() ? callers.audit()
                        : new AuditContext(Caller.Channel.TAXII, null, null, null, null, null, null);
                try {
                    envelopes.recordRefusal(context, p.type().slug(), response.getStatus(), request.getMethod(),
                            servletRequest.getRequestURI(), servletRequest.getRemoteAddr());
                } catch (RuntimeException e) {
                    LOG.warnf("TAXII refusal could not be recorded: %s", e.getClass().getName());
                }
            }
            JsonObjectBuilder json = ProblemBodyWriter.toJson(p)
                    .add("description", p.detail() == null ? p.title() : p.detail())
                    .add("error_code", p.type().slug())
                    .add("http_status", String.valueOf(response.getStatus()));
            response.setEntity(json.build().toString(), response.getEntityAnnotations(), TAXII);
            if (response.getStatus() == 401) {
                response.getHeaders().putSingle("WWW-Authenticate", "Basic realm=\"taxii\", Bearer realm=\"taxii\"");
            }
        }
        if (response.hasEntity()) {
            response.getHeaders().putSingle("Content-Type", TaxiiMedia.TAXII);
        }
    }
}
