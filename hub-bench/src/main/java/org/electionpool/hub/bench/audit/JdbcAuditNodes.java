package org.electionpool.hub.bench.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import org.electionpool.hub.api.audit.MerkleTree;

/**
 * The hub's source of stored subtree hashes, over plain JDBC: a faithful re-implementation of
 * {@code AuditLogBean.node(level, index)}, which runs
 * {@code select hash from audit_node where level = ?1 and node_index = ?2} as a native JPA query
 * (one statement, one round trip, per hash) and decodes the base64 column. Proofs and roots are
 * then computed by hub-api's {@link MerkleTree} itself — the same code the hub calls.
 *
 * <p>Like the bean, it prepares the statement on every read (pgjdbc turns a repeated statement
 * into a server-side prepared one after a few uses, as it does for Hibernate's). It counts its
 * reads. Not thread-safe: one per connection.
 */
public final class JdbcAuditNodes implements MerkleTree.Nodes {

    static final String SELECT_NODE = "select hash from audit_node where level = ? and node_index = ?";

    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final Connection connection;
    private long reads;

    /** @param connection the connection to read through (in the caller's transaction, if any) */
    public JdbcAuditNodes(Connection connection) {
        this.connection = connection;
    }

    @Override
    public byte[] node(int level, long index) {
        reads++;
        try (PreparedStatement s = connection.prepareStatement(SELECT_NODE)) {
            s.setInt(1, level);
            s.setLong(2, index);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    // getSingleResult() throws NoResultException: a missing subtree is a broken store.
                    throw new IllegalStateException("no stored subtree hash (" + level + ", " + index + ")");
                }
                return B64D.decode(r.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return how many hashes were read so far */
    public long reads() {
        return reads;
    }
}
