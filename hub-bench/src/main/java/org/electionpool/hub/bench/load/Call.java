package org.electionpool.hub.bench.load;

import java.util.Objects;

/**
 * One request of a workload, before it is sealed.
 *
 * <p>Invariants: {@code target} starts with {@code /}; {@code body} is present exactly for POST and
 * PUT; {@code expectedStatus} is a 2xx status — the only answer that counts as accepted.
 *
 * @param organization   who sends it (a demo organisation)
 * @param operation      a short name for the report, e.g. {@code "POST /cases"}
 * @param method         the HTTP method
 * @param target         path and query
 * @param body           the JSON object for POST/PUT, else {@code null}
 * @param expectedStatus the status of success
 */
public record Call(String organization, String operation, String method, String target, String body, int expectedStatus) {

    /** Checks the invariants. */
    public Call {
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(operation, "operation");
        if (!target.startsWith("/")) {
            throw new IllegalArgumentException("target must start with /: " + target);
        }
        if (("POST".equals(method) || "PUT".equals(method)) != (body != null)) {
            throw new IllegalArgumentException(method + " " + target + ": a body exactly for POST and PUT");
        }
        if (expectedStatus < 200 || expectedStatus > 299) {
            throw new IllegalArgumentException("the expected status must be 2xx: " + expectedStatus);
        }
    }
}
