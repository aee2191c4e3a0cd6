/**
 * The audit domain's port: {@link org.electionpool.hub.audit.AuditLog} and the
 * {@link org.electionpool.hub.audit.AuditEvent} other domains hand it. The implementation lives in
 * {@code audit.internal}, which no other domain imports.
 */
package org.electionpool.hub.audit;
