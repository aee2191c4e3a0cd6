package org.electionpool.hub.audit.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.electionpool.hub.api.audit.AuditContext;

/**
 * An audit entry written by its business transaction and not yet given an index (table
 * {@code audit_pending}, ADR 0011): everything {@link AuditLeaf#build} needs but the index and the
 * nonce, which the sequencer ({@link AuditBatcher}) adds when it integrates the entry.
 *
 * <p>Invariant: {@code ref} is unique across the log's whole life (drawn from {@code audit_ref_seq},
 * never reused), and the entry becomes {@code audit_entry} row with the same {@code ref} exactly
 * once; {@code recordedAt} is when the business transaction recorded the act, which becomes the
 * leaf's {@code timestamp}.
 *
 * @param ref        the entry's reference
 * @param recordedAt when the act was recorded
 * @param action     the action, e.g. {@code case.created}
 * @param context    who acted, through which signed message
 * @param targetType what the action is about, or {@code null}
 * @param targetId   the target's id, or {@code null}
 * @param details    action-specific members (JSON values), or {@code null}
 */
public record PendingEntry(long ref, Instant recordedAt, String action, AuditContext context, String targetType,
                           String targetId, Map<String, Object> details) {

    /** Checks the required members. */
    public PendingEntry {
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(context, "context");
    }
}
