package org.electionpool.hub.audit;

/**
 * The audit log as every other domain writes to it: the one port through which an audited act
 * becomes an entry (docs/audit-log.md). Domains depend on this interface, never on its
 * implementation.
 *
 * <p>Invariant: {@link #append} writes in the caller's transaction, so an act and its entry
 * commit or roll back together; {@link #appendNow} commits on its own before it returns, for
 * records that must outlive the caller's work (refusals, reads). Each returns the entry's
 * {@link AuditHandle} with its receipt, and once the entry's transaction commits the receipt of an
 * entry made for a signed request is the request's newest in
 * {@link org.electionpool.hub.api.audit.RequestReceipts}.
 */
public interface AuditLog {

    /**
     * Appends an entry in the caller's transaction (which must exist).
     *
     * @return the handle of the new entry
     */
    AuditHandle append(AuditEvent event);

    /**
     * Appends an entry in a transaction of its own, committed when this returns.
     *
     * @return the handle of the new entry
     */
    AuditHandle appendNow(AuditEvent event);
}
