package org.electionpool.hub.audit;

import java.util.Map;
import java.util.Objects;
import org.electionpool.hub.api.audit.AuditAction;
import org.electionpool.hub.api.audit.AuditContext;

/**
 * One audited act, as a domain hands it to the {@link AuditLog}: who acted through which signed
 * message, what was done, to what, and the act's own details (never the request payload, which the
 * evidence already holds).
 *
 * @param context    who acted; never {@code null}
 * @param action     what was done; never {@code null}
 * @param targetType what the act is about ({@code organization}, {@code case}, {@code audit_log} …), or {@code null}
 * @param targetId   the target's id, or {@code null}
 * @param details    action-specific members (strings, numbers, booleans, nested maps and lists); never {@code null}
 */
public record AuditEvent(AuditContext context, AuditAction action, String targetType, String targetId,
                         Map<String, Object> details) {

    /** Checks the required components; copies nothing (details are serialised at append). */
    public AuditEvent {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(details, "details");
    }

    /** @return an event without target or details */
    public static AuditEvent of(AuditContext context, AuditAction action) {
        return new AuditEvent(context, action, null, null, Map.of());
    }
}
