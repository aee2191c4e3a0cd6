/**
 * The audit log's {@link org.electionpool.hub.audit.domain.AuditStore} over plain JDBC: the hub's
 * algorithm outside the container (hub-bench, unit tests on H2).
 */
package org.electionpool.hub.audit.jdbc;
