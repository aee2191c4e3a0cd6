package org.electionpool.hub.api.hxp;

/**
 * A request as it arrived, before any check: what the envelope service needs to open it.
 *
 * @param method        the HTTP method, e.g. {@code POST}
 * @param target        the path and query exactly as sent (compared with {@code htu})
 * @param contentType   the {@code Content-Type} header, or {@code null}
 * @param authorization the {@code Authorization} header, or {@code null}
 * @param body          the body bytes (already within the size limit), empty when none
 */
public record IncomingRequest(String method, String target, String contentType, String authorization, byte[] body) {

    /** @return whether the method carries a body under HXP/1 (POST, PUT, PATCH) */
    public boolean hasBodyMethod() {
        return "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method);
    }
}
