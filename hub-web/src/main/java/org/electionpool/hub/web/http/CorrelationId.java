package org.electionpool.hub.web.http;

import jakarta.servlet.ServletRequest;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id that ties a request's log line, its problem document and the operator's search
 * together. Taken from the caller's {@code X-Request-Id} header when that is a safe token
 * (so a gateway's id carries through), otherwise a fresh random UUID.
 *
 * <p>Invariant: an accepted id matches {@code [A-Za-z0-9._-]{8,64}} — it can be logged and echoed
 * without escaping and cannot forge log lines.
 */
public final class CorrelationId {

    /** Request and response header carrying the id. */
    public static final String HEADER = "X-Request-Id";

    /** Servlet request attribute under which the filter stores the id. */
    public static final String ATTRIBUTE = CorrelationId.class.getName();

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    private CorrelationId() {
    }

    /**
     * @param offered the caller's header value, may be {@code null}
     * @return {@code offered} when it is a safe token, else a new random UUID
     */
    public static String accept(String offered) {
        return offered != null && SAFE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }

    /**
     * @param request the current request, may be {@code null}
     * @return the id the filter gave this request, or {@code null} outside a filtered request
     */
    public static String of(ServletRequest request) {
        if (request == null) {
            return null;
        }
        try {
            Object id = request.getAttribute(ATTRIBUTE);
            return id instanceof String s ? s : null;
        } catch (IllegalStateException e) {
            return null; // injected proxy used outside a request
        }
    }
}
