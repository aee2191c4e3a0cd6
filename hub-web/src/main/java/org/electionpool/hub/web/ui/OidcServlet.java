package org.electionpool.hub.web.ui;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.electionpool.hub.api.people.OidcRequest;
import org.electionpool.hub.api.people.OidcService;
import org.electionpool.hub.api.people.SignIn;
import org.electionpool.hub.api.system.HubMode;
import org.electionpool.hub.api.system.HubStatusService;

/**
 * The web UI's two OpenID Connect endpoints (docs/ui.md, "OIDC"). {@code /ui/oidc/login} starts a
 * sign-in and sends the browser to the provider; {@code /ui/oidc/callback} takes the browser back.
 *
 * <p>The session cookie is {@code SameSite=Strict}, so a browser coming back from the provider's
 * site does not send it. The sign-in in flight is therefore held here, keyed by its {@code state},
 * for {@value #PENDING_MINUTES} minutes, and bound to the browser by its own cookie
 * {@value #COOKIE} ({@code HttpOnly}, {@code SameSite=Lax}, path {@code /ui/oidc/}): the callback
 * is accepted only when the cookie, the {@code state} parameter and a pending request agree, and a
 * pending request is used once. After the sign-in the callback answers with a page that moves on
 * to the home page by itself, so the new Strict session cookie travels on a same-site request.
 */
@WebServlet(urlPatterns = {"/ui/oidc/login", "/ui/oidc/callback"})
public class OidcServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The cookie that binds a sign-in in flight to its browser. */
    static final String COOKIE = "HUBOIDC";

    /** How long a sign-in may stay at the provider. */
    static final int PENDING_MINUTES = 10;

    /** At most this many sign-ins in flight per node; beyond, new ones are refused until some end. */
    static final int MAX_PENDING = 10_000;

    private static final Map<String, Pending> PENDING = new ConcurrentHashMap<>();

    private record Pending(OidcRequest request, Instant until) {
    }

    @EJB
    transient OidcService oidc;

    @EJB
    transient HubStatusService status;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!oidc.enabled()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (request.getRequestURI().endsWith("/login")) {
            login(request, response);
        } else {
            callback(request, response);
        }
    }

    private void login(HttpServletRequest request, HttpServletResponse response) throws IOException {
        expire();
        Optional<OidcRequest> started = PENDING.size() >= MAX_PENDING ? Optional.empty() : oidc.start();
        if (started.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", request.getContextPath() + UiFilter.LOGIN + "?oidc=unavailable");
            return;
        }
        OidcRequest r = started.get();
        PENDING.put(r.state(), new Pending(r, Instant.now().plus(Duration.ofMinutes(PENDING_MINUTES))));
        response.addHeader("Set-Cookie", COOKIE + "=" + r.state() + "; Path=" + request.getContextPath() + "/ui/oidc/"
                + "; Max-Age=" + PENDING_MINUTES * 60 + "; HttpOnly; SameSite=Lax" + (secure() ? "; Secure" : ""));
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", r.authorization().toString());
    }

    private void callback(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String state = request.getParameter("state");
        String bound = null;
        if (request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if (COOKIE.equals(c.getName())) {
                    bound = c.getValue();
                }
            }
        }
        response.addHeader("Set-Cookie", COOKIE + "=; Path=" + request.getContextPath() + "/ui/oidc/"
                + "; Max-Age=0; HttpOnly; SameSite=Lax" + (secure() ? "; Secure" : ""));
        Pending pending = state == null || !state.equals(bound) ? null : PENDING.remove(state);
        OidcRequest expected = pending == null || pending.until().isBefore(Instant.now()) ? null : pending.request();
        SignIn result = oidc.finish(expected, state, request.getParameter("code"), request.getRemoteAddr());
        if (result.outcome() != SignIn.Outcome.SIGNED_IN || result.session().isEmpty()) {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", request.getContextPath() + UiFilter.LOGIN + "?oidc=failed");
            return;
        }
        UiSignIn.establish(request, result.session().get());
        String home = request.getContextPath() + UiFilter.HOME;
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        byte[] page = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"0;url="
                + home + "\"><title>Election Pool Hub</title></head><body><main><p><a id=\"continue\" href=\"" + home
                + "\">Election Pool Hub</a></p></main></body></html>").getBytes(StandardCharsets.UTF_8);
        response.getOutputStream().write(page);
    }

    private boolean secure() {
        return status.mode() == HubMode.PROD;
    }

    private static void expire() {
        Instant now = Instant.now();
        for (Iterator<Pending> i = PENDING.values().iterator(); i.hasNext(); ) {
            if (i.next().until().isBefore(now)) {
                i.remove();
            }
        }
    }
}
