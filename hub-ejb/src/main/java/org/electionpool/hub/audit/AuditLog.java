package org.electionpool.hub.audit;

/**
 * The audit log as every other domain writes to it: the one port through which an audited act
 * becomes an entry (docs/audit-log.md). Domains depend on this interface, never on its
 * implementation.
 *
 * <p>Invariant: {@link #append} writes the entry, still without an index, in the caller's
 * transaction, so an act and its entry commit or roll back together (ADR 0011); the log's sequencer
 * integrates committed entries in batches, and the caller's thread returns from the commit only
 * once its entries are integrated (bounded by {@code hub.audit.integration-timeout}), so an answer
 * never goes out before the entry and its checkpoint are durable. {@link #appendNow} commits on its
 * own before it returns, for records that must outlive the caller's work (refusals, reads). Once
 * integrated, the receipt of an entry made for a signed request is the request's newest in
 * {@link org.electionpool.hub.api.audit.RequestReceipts}.
 */
public interface AuditLog {

    /**
     * Appends an entry in the caller's transaction (which must exist).
     *
     * @return the handle of the new entry; its receipt is set once the transaction committed and the entry is integrated
     */
    AuditHandle append(AuditEvent event);

    /**
     * Appends an entry in a transaction of its own, committed and integrated when this returns.
     *
     * @return the handle of the new entry, with its receipt (absent only if integration timed out)
     */
    AuditHandle appendNow(AuditEvent event);
}
