/**
 * Audit-log rules in plain Java, free of container types: the per-address budget of recorded
 * refusals ({@link org.electionpool.hub.audit.domain.RefusalBudget}).
 */
package org.electionpool.hub.audit.domain;
