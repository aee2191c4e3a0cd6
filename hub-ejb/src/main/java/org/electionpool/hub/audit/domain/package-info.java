/**
 * Audit-log rules in plain Java, free of container types: the log's algorithm over the
 * {@link org.electionpool.hub.audit.domain.AuditStore} interface — the sequencer's batch
 * ({@link org.electionpool.hub.audit.domain.AuditBatcher}, over {@link org.electionpool.hub.audit.domain.PendingEntry}s), roots and proofs node ids first
 * ({@link org.electionpool.hub.audit.domain.AuditTree}), the consistency check
 * ({@link org.electionpool.hub.audit.domain.LogCheck}, {@link org.electionpool.hub.audit.domain.LogScan}),
 * the leaf ({@link org.electionpool.hub.audit.domain.AuditLeaf}) — and the per-address budget of
 * recorded refusals ({@link org.electionpool.hub.audit.domain.RefusalBudget}).
 */
package org.electionpool.hub.audit.domain;
