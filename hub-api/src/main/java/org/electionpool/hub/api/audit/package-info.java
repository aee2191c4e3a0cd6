/**
 * The audit log's contract: {@link org.electionpool.hub.api.audit.AuditService} (entries, proofs,
 * checkpoints, bundles, exports, fsck — each authorising its caller), the views it returns, the
 * {@link org.electionpool.hub.api.audit.AuditContext} every audited act carries, and
 * {@link org.electionpool.hub.api.audit.AuditAction}, the one vocabulary of leaf actions and inbox
 * event types. The verifiable structures themselves (Merkle tree, signed notes, canonical JSON)
 * are hub-protocol's ({@code org.electionpool.hub.protocol.log}, {@code …protocol.json}).
 */
package org.electionpool.hub.api.audit;
