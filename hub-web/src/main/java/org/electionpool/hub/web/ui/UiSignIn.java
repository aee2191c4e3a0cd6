package org.electionpool.hub.web.ui;

import java.io.Serializable;
import java.time.Instant;

/**
 * What the HTTP session holds of a signed-in person: only who, under which session epoch, and
 * since when. Everything else — roles, organisation, status — is re-read at every request.
 *
 * @param username   the person
 * @param epoch      the account's session epoch at sign-in
 * @param signedInAt when, for the absolute timeout
 */
public record UiSignIn(String username, int epoch, Instant signedInAt) implements Serializable {

    /** The session attribute that holds it. */
    public static final String ATTRIBUTE = "hub.ui.sign-in";

    /**
     * Signs the person in on this browser, whichever way they proved who they are (password and
     * code, or an OIDC provider): the session gets a new id first (no fixation), then the sign-in.
     */
    public static void establish(jakarta.servlet.http.HttpServletRequest request,
                                 org.electionpool.hub.api.people.PersonSession person) {
        request.getSession(true);
        request.changeSessionId();
        request.getSession().setAttribute(ATTRIBUTE, new UiSignIn(person.caller().principal(), person.epoch(),
                Instant.now()));
    }
}
