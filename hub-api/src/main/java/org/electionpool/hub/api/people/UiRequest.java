package org.electionpool.hub.api.people;

import java.util.Objects;

/**
 * What the web tier saw of one request of a signed-in person, for the hub to attest
 * ({@link AttestationService}).
 *
 * @param sessionSha256 standard base64 of SHA-256 over the session id (the id itself is never stored)
 * @param method        the HTTP method
 * @param view          the page (Faces view id)
 * @param action        what the person did, e.g. {@code case.create}, or {@code read}
 * @param formSha256    standard base64 of SHA-256 over the submitted values (RFC 8785 JSON of
 *                      field name to value), or {@code null} for a read
 * @param remoteAddress the client's address
 */
public record UiRequest(String sessionSha256, String method, String view, String action, String formSha256,
                        String remoteAddress) {

    /** Checks that the session, method, view and action are set. */
    public UiRequest {
        Objects.requireNonNull(sessionSha256, "sessionSha256");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(action, "action");
    }
}
