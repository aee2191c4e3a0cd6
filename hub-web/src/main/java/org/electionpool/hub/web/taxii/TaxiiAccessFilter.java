package org.electionpool.hub.web.taxii;

import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.api.problem.HubException;
import org.electionpool.hub.api.problem.ProblemType;
import org.electionpool.hub.api.security.Caller;
import org.electionpool.hub.api.taxii.TaxiiService;

/**
 * The gate of every {@code /taxii2/} request: the media types (406 for an Accept that excludes
 * TAXII 2.1, 415 for a body that is not {@code application/taxii+json}), then the credential —
 * {@code Authorization: Basic base64(username:token)}, {@code Bearer <token>} or {@code Token <token>}
 * (the OASIS client's TokenAuth), the scheme in any case. Anything else is {@code 401} with a
 * {@code WWW-Authenticate} challenge; the service says nothing about why.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class TaxiiAccessFilter implements ContainerRequestFilter {

    @EJB
    TaxiiService taxii;

    @Inject
    TaxiiCaller callers;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!isTaxii(request)) {
            return;
        }
        if (!TaxiiMedia.acceptable(request.getHeaderString(HttpHeaders.ACCEPT))) {
            throw new HubException(ProblemType.NOT_ACCEPTABLE, "TAXII answers are " + TaxiiMedia.TAXII + "; the Accept"
                    + " header excludes it.");
        }
        if (HttpMethod.POST.equals(request.getMethod()) && !TaxiiMedia.isTaxii(request.getHeaderString(HttpHeaders.CONTENT_TYPE))) {
            throw new HubException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "A TAXII request body is " + TaxiiMedia.TAXII + ".");
        }
        Caller caller = credential(request.getHeaderString(HttpHeaders.AUTHORIZATION))
                .orElseThrow(() -> new HubException(ProblemType.UNAUTHENTICATED, "TAXII needs a credential issued over"
                        + " HXP/1 (POST /api/v1/taxii/credentials): HTTP Basic with its username and token, or the token"
                        + " as a Bearer token."));
        callers.authenticate(caller, new AuditContext(Caller.Channel.TAXII, caller.organization(), caller.principal(),
                null, null, null, null));
    }

    static boolean isTaxii(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.equals(TaxiiMedia.PREFIX) || p.startsWith(TaxiiMedia.PREFIX + "/");
    }

    private Optional<Caller> credential(String header) {
        if (header == null || header.length() > 1024) {
            return Optional.empty();
        }
        String h = header.strip();
        int space = h.indexOf(' ');
        if (space < 0) {
            return Optional.empty();
        }
        String scheme = h.substring(0, space).toLowerCase(Locale.ROOT);
        String value = h.substring(space + 1).strip();
        switch (scheme) {
            case "basic" -> {
                String decoded;
                try {
                    decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
                int colon = decoded.indexOf(':');
                if (colon < 1) {
                    return Optional.empty();
                }
                return taxii.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1));
            }
            case "bearer", "token" -> {
                return taxii.authenticate(null, value);
            }
            default -> {
                return Optional.empty();
            }
        }
    }
}
