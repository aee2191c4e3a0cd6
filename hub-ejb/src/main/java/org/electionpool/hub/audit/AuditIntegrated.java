package org.electionpool.hub.audit;

import java.util.List;
import java.util.Objects;

/**
 * A sequencer batch has integrated these entries (ADR 0011): a synchronous CDI event, fired inside
 * the batch's transaction while it holds the log head's lock, so an observer's writes commit or roll
 * back with the batch, and the batches of all nodes reach their observers one at a time, in index
 * order.
 *
 * <p>Other domains use it to number what they wrote beside an entry in the order of the log
 * (the {@code inbox} numbers its events so; ADR 0002). An observer must not call an EJB: the
 * sequencer also runs while the deployment starts, when the server holds EJB invocations back.
 *
 * @param refs  the references of the integrated entries ({@code audit_entry.ref}), by index
 * @param first the index of the first of them
 */
public record AuditIntegrated(List<Long> refs, long first) {

    /** Copies the list. */
    public AuditIntegrated {
        refs = List.copyOf(Objects.requireNonNull(refs, "refs"));
    }
}
