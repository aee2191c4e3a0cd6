/**
 * Audit-log benchmarks (docs/performance.md, "Audit log"): {@link org.electionpool.hub.bench.audit.AuditSeeder}
 * bulk-loads a PostgreSQL (or H2) database with the rows the hub's {@code AuditLogBean} writes,
 * {@link org.electionpool.hub.bench.audit.AuditProofBenchmark} (JMH) measures proof generation and
 * verification on it, and {@link org.electionpool.hub.bench.audit.AuditLoad} measures durable appends per
 * second with concurrent writers, and {@link org.electionpool.hub.bench.audit.AuditFsck} times {@code fsck()}.
 *
 * <p>{@code AuditLogBean} is an EJB over a JPA {@code EntityManager}, so it cannot run here without a
 * container. Everything in it that is plain Java is reused from hub-api ({@code MerkleTree},
 * {@code CanonicalJson}, {@code Checkpoint}, {@code SignedNote}, {@code AuditContext}); its SQL is
 * re-implemented statement for statement over JDBC in {@link org.electionpool.hub.bench.audit.JdbcAuditNodes}
 * (the subtree-hash reads: {@code node} and, since e572793, the batched {@code withStoredNodes}),
 * {@link org.electionpool.hub.bench.audit.JdbcAuditLog} (the append) and
 * {@link org.electionpool.hub.bench.audit.AuditFsck} (the check). The leaf
 * map is built by {@link org.electionpool.hub.bench.audit.AuditLeaves} exactly as {@code append} builds it.
 * When {@code AuditLogBean} changes, these copies must follow.
 */
package org.electionpool.hub.bench.audit;
