/**
 * Audit-log benchmarks (docs/performance.md, "Audit log"): {@link org.electionpool.hub.bench.audit.AuditSeeder}
 * bulk-loads a PostgreSQL (or H2) database with the rows the hub's append writes,
 * {@link org.electionpool.hub.bench.audit.AuditProofBenchmark} (JMH) measures proof generation and
 * verification on it, and {@link org.electionpool.hub.bench.audit.AuditLoad} measures durable appends per
 * second with concurrent writers, and {@link org.electionpool.hub.bench.audit.AuditFsck} times the
 * consistency check.
 *
 * <p>None of them re-implements the log: appends, roots, proofs and the check are hub-ejb's own
 * plain-Java algorithm ({@code org.electionpool.hub.audit.domain}: {@code AuditBatcher},
 * {@code AuditTree}, {@code LogCheck}) run over hub-ejb's JDBC store
 * ({@code org.electionpool.hub.audit.jdbc.JdbcAuditStore}), the same statements the hub sends through
 * its JPA store. The leaf is built by hub-ejb's {@code AuditLeaf.build} ({@link
 * org.electionpool.hub.bench.audit.AuditLeaves} only supplies the nonce). Only the seeder's bulk path
 * (COPY, batched inserts) is its own, and {@code AuditSeederTest} holds its rows to the algorithm's.
 */
package org.electionpool.hub.bench.audit;
