package org.electionpool.hub.bench.audit;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.protocol.log.MerkleTree;
import org.electionpool.hub.audit.domain.AuditLeaf;

/**
 * {@code AuditLogBean.append} over plain JDBC, statement for statement, in the caller's
 * transaction (the bean is {@code MANDATORY}; the caller commits):
 * <ol>
 *   <li>{@code select size from audit_head where id = 1 for update} — the head lock, held to commit;</li>
 *   <li>{@code insert into audit_entry} (10 columns) with the leaf built by {@link AuditLeaves};</li>
 *   <li>{@code insert into audit_node} for the leaf hash (level 0);</li>
 *   <li>for each subtree the entry completes: {@code select hash from audit_node} (its left half) and
 *       {@code insert into audit_node};</li>
 *   <li>{@code update audit_head set size = ?};</li>
 *   <li>{@code sign(size)}: {@code MerkleTree.root} through {@link JdbcAuditNodes#withStoredNodes} — one
 *       query for the popcount(size) subtree hashes it needs (at most 64, so always one) — and an
 *       Ed25519 signature of the checkpoint;</li>
 *   <li>{@code insert into audit_checkpoint}.</li>
 * </ol>
 * The bean issues these as native JPA queries; no entity is involved, so Hibernate sends each of
 * them as one JDBC statement, as here. Counts statements (round trips, without the commit).
 * Kept in step with {@code AuditLogBean} as of e572793.
 * Not thread-safe: one per connection.
 */
public final class JdbcAuditLog {

    private static final Base64.Encoder B64 = Base64.getEncoder();

    private final Connection connection;
    private final JdbcAuditNodes nodes;
    private final LogKey key;
    private final Clock clock;
    private final Random nonces;
    private long statements;

    /**
     * @param connection the connection, with auto-commit off
     * @param key        the log key that signs checkpoints
     * @param clock      the clock ({@code Clock.tick(Clock.systemUTC(), 1 µs)} in the hub)
     * @param nonces     the nonce source ({@code SecureRandom} in the hub)
     */
    public JdbcAuditLog(Connection connection, LogKey key, Clock clock, Random nonces) {
        this.connection = connection;
        this.nodes = new JdbcAuditNodes(connection);
        this.key = key;
        this.clock = clock;
        this.nonces = nonces;
    }

    /**
     * Appends one entry, in the caller's transaction.
     *
     * @param context    who acted
     * @param action     the action
     * @param targetType the target type, or {@code null}
     * @param targetId   the target id, or {@code null}
     * @param details    action-specific members, or {@code null}
     * @return the new entry's index
     */
    public long append(AuditContext context, String action, String targetType, String targetId,
                       Map<String, Object> details) throws SQLException {
        long index;
        try (PreparedStatement s = connection.prepareStatement("select size from audit_head where id = 1 for update");
             ResultSet r = s.executeQuery()) {
            statements++;
            r.next();
            index = r.getLong(1);
        }
        Instant now = clock.instant();
        AuditLeaf leaf = AuditLeaves.build(index, now, context, action, targetType, targetId, details, nonces);
        try (PreparedStatement s = connection.prepareStatement("insert into audit_entry (idx, recorded_at, action, leaf,"
                + " leaf_hash, actor_org, jti, target_type, target_id, evidence) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, index);
            s.setObject(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            s.setString(3, action);
            s.setString(4, new String(leaf.leaf(), StandardCharsets.UTF_8));
            s.setString(5, B64.encodeToString(leaf.leafHash()));
            s.setString(6, leaf.actorOrg());
            s.setString(7, leaf.jti());
            s.setString(8, targetType);
            s.setString(9, targetId);
            s.setString(10, leaf.evidence());
            s.executeUpdate();
            statements++;
        }
        storeNode(0, index, leaf.leafHash());
        byte[] hash = leaf.leafHash();
        for (int level = 1; ((index + 1) & ((1L << level) - 1)) == 0; level++) {
            long node = index >> level;
            hash = MerkleTree.hashChildren(nodes.node(level - 1, 2 * node), hash);
            storeNode(level, node, hash);
        }
        long size = index + 1;
        try (PreparedStatement s = connection.prepareStatement("update audit_head set size = ? where id = 1")) {
            s.setLong(1, size);
            s.executeUpdate();
            statements++;
        }
        String note = key.sign(size, nodes.root(size));
        try (PreparedStatement s = connection.prepareStatement(
                "insert into audit_checkpoint (size, note, created_at) values (?, ?, ?)")) {
            s.setLong(1, size);
            s.setString(2, note);
            s.setObject(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            s.executeUpdate();
            statements++;
        }
        return index;
    }

    private void storeNode(int level, long index, byte[] hash) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "insert into audit_node (level, node_index, hash) values (?, ?, ?)")) {
            s.setInt(1, level);
            s.setLong(2, index);
            s.setString(3, B64.encodeToString(hash));
            s.executeUpdate();
            statements++;
        }
    }

    /** @return statements sent so far, subtree-hash queries included, commits not */
    public long statements() {
        return statements + nodes.queries();
    }
}
