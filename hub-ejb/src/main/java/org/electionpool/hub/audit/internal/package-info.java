/**
 * The audit log in the hub: the {@code AuditLog} port ({@code AuditLogBean}: appends serialised
 * through a row lock on the log head, in the caller's transaction, with signed checkpoints and the
 * receipt handed to the request on commit), the read side ({@code AuditServiceBean}: entries,
 * proofs, bundles, exports, fsck) and the native-SQL store both run the domain's algorithm over.
 */
package org.electionpool.hub.audit.internal;
