package org.electionpool.hub.web.ui;

import jakarta.ejb.EJB;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.electionpool.hub.api.people.PeopleService;
import org.electionpool.hub.api.people.PersonSession;
import org.electionpool.hub.api.people.Username;
import org.electionpool.hub.api.system.HubMode;
import org.electionpool.hub.api.system.HubStatusService;

/**
 * The web UI's edge: {@code /} and {@code /ui} redirect to the UI's home; every {@code /ui/}
 * response carries the security headers (CSP without inline script or style, no framing, no
 * sniffing, no referrer, no caching of pages); every page but the sign-in page needs a signed-in
 * person, re-read at each request ({@link PeopleService#resume}) and held to the idle timeout
 * (the session's, {@value #IDLE_MINUTES} min) and the absolute timeout ({@link #ABSOLUTE}).
 */
@WebFilter(urlPatterns = {"", "/", "/ui", "/ui/*"})
public class UiFilter extends HttpFilter {

    /** Minutes without a request before a session ends (web.xml's session-timeout says the same). */
    public static final int IDLE_MINUTES = 15;

    /** The longest a session lasts, however active. */
    public static final Duration ABSOLUTE = Duration.ofHours(8);

    /** The request attribute that holds the person of the request. */
    public static final String PERSON = "hub.ui.person";

    /** The UI's home page. */
    public static final String HOME = "/ui/index.xhtml";

    /** The sign-in page. */
    public static final String LOGIN = "/ui/login.xhtml";

    /** The page where an expired password is changed. */
    public static final String ACCOUNT = "/ui/account.xhtml";

    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private static final Set<String> PUBLIC = Set.of("/login.xhtml", "/expired.xhtml", "/error.xhtml", "/oidc/login",
            "/oidc/callback");

    @EJB
    PeopleService people;

    @EJB
    HubStatusService status;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.isEmpty() || path.equals("/") || path.equals("/ui") || path.equals("/ui/")) {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", request.getContextPath() + HOME);
            return;
        }
        if (!path.startsWith("/ui/")) {
            chain.doFilter(request, response);
            return;
        }
        headers(response, path);
        String view = path.substring("/ui".length());
        if (view.startsWith("/jakarta.faces.resource/") || view.startsWith("/static/") || PUBLIC.contains(view)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<PersonSession> person = person(request);
        if (person.isEmpty()) {
            if ("GET".equals(request.getMethod())) {
                response.setStatus(HttpServletResponse.SC_SEE_OTHER);
                response.setHeader("Location", request.getContextPath() + LOGIN);
            } else {
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
            }
            return;
        }
        if (person.get().passwordExpired() && !view.equals("/account.xhtml")) {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", request.getContextPath() + ACCOUNT);
            return;
        }
        request.setAttribute(PERSON, person.get());
        chain.doFilter(request, response);
    }

    private Optional<PersonSession> person(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(UiSignIn.ATTRIBUTE) instanceof UiSignIn signIn)) {
            return Optional.empty();
        }
        Optional<PersonSession> person = Instant.now().isAfter(signIn.signedInAt().plus(ABSOLUTE)) ? Optional.empty()
                : Username.parse(signIn.username()).flatMap(u -> people.resume(u, signIn.epoch()));
        if (person.isEmpty()) {
            session.invalidate();
        }
        return person;
    }

    private void headers(HttpServletResponse response, String path) {
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
        if (!path.startsWith("/ui/jakarta.faces.resource/") && !path.startsWith("/ui/static/")) {
            response.setHeader("Cache-Control", "no-store");
        }
        if (status.mode() == HubMode.PROD) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
    }
}
