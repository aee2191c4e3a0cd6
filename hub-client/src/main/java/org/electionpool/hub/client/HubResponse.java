package org.electionpool.hub.client;

import java.util.Map;
import java.util.Optional;
import org.electionpool.hub.protocol.hxp.Hxp;
import org.electionpool.hub.protocol.json.StrictJson;

/**
 * An answer from the hub, opened and verified (or, for refusals before the exchange started, the
 * plain problem document).
 *
 * @param status      the HTTP status
 * @param sealed      whether the answer came sealed (signed by the hub, encrypted to the caller)
 *                    — {@code false} only for plain problems of refused envelopes
 * @param body        the {@code body} claim as JSON text, or {@code null}
 * @param problem     the RFC 9457 problem as JSON text, or {@code null}
 * @param receipt     the audit receipt as JSON text, or {@code null} when the hub sent none
 * @param location    the {@code Location} header, or {@code null}
 * @param requestJti  the {@code jti} of the request this answers
 */
public record HubResponse(int status, boolean sealed, String body, String problem, String receipt, String location,
                          String requestJti) {

    /** @return whether the status is 2xx */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** @return the problem's {@code type}, if the answer is a problem document with one */
    public Optional<String> problemType() {
        if (problem == null) {
            return Optional.empty();
        }
        try {
            Object document = StrictJson.parse(problem, Hxp.MAX_JSON_DEPTH);
            return document instanceof Map<?, ?> map && map.get("type") instanceof String type
                    ? Optional.of(type) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
