package org.electionpool.hub.bench.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.electionpool.hub.audit.domain.NodeKey;
import org.electionpool.hub.protocol.log.MerkleTree;

/**
 * The hub's two ways of reading stored subtree hashes, over plain JDBC, as {@code AuditLogBean}
 * (hub-ejb) has them since 691359d:
 * <ul>
 *   <li>{@link #node} is {@code AuditLogBean.node(level, index)}:
 *       {@code select hash from audit_node where level = ?1 and node_index = ?2}, one statement per
 *       hash. The bean still uses it for the left half of each subtree an append completes and for
 *       the leaf hash of an inclusion proof or receipt.</li>
 *   <li>{@link #withStoredNodes} is {@code AuditLogBean.withStoredNodes(computation)}: the
 *       computation (root, inclusion or consistency proof, run by hub-api's {@link MerkleTree}, the
 *       code the hub calls) first runs with a placeholder hash to collect the (level, node_index)
 *       pairs it asks for, in order of first request; they are read with one
 *       {@code select level, node_index, hash from audit_node where level = ? and node_index = ?
 *       union all select …} (one primary-key lookup per pair) per {@value #NODES_PER_QUERY} pairs
 *       (before 691359d an OR of the pairs, which H2 2.2.224 answered with a table scan); the
 *       computation then reruns on the fetched hashes, and a pair the dry run did not name is read on
 *       its own with {@link #node} (so a pair that is not stored fails there). Pairs are range-checked
 *       (level 0–63, index 0–2<sup>56</sup>−1) as the bean's {@code nodeKey} checks them.</li>
 * </ul>
 * Like the bean, it prepares each statement on every use (pgjdbc turns a repeated statement text
 * into a server-side prepared one after a few uses, as it does for Hibernate's). It counts the
 * statements it sends ({@link #queries}) and the hashes those return ({@link #hashes}). Not
 * thread-safe: one per connection.
 */
public final class JdbcAuditNodes {

    static final String SELECT_NODE = "select hash from audit_node where level = ? and node_index = ?";

    /** One branch of {@link #withStoredNodes}' batched read: one primary-key lookup. */
    static final String SELECT_NODE_ROW = "select level, node_index, hash from audit_node where level = ? and node_index = ?";

    /** {@code AuditLogBean.NODES_PER_QUERY}: most (level, index) pairs one query asks for. */
    static final int NODES_PER_QUERY = 64;

    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final Connection connection;
    private long queries;
    private long hashes;

    /** @param connection the connection to read through (in the caller's transaction, if any) */
    public JdbcAuditNodes(Connection connection) {
        this.connection = connection;
    }

    /**
     * {@code AuditLogBean.node(level, index)}: one statement for one stored subtree hash.
     *
     * @throws IllegalStateException if it is not stored (the bean's {@code NoResultException})
     */
    public byte[] node(int level, long index) {
        queries++;
        try (PreparedStatement s = connection.prepareStatement(SELECT_NODE)) {
            s.setInt(1, level);
            s.setLong(2, index);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    // getSingleResult() throws NoResultException: a missing subtree is a broken store.
                    throw new IllegalStateException("no stored subtree hash (" + level + ", " + index + ")");
                }
                hashes++;
                return B64D.decode(r.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code AuditLogBean.withStoredNodes(computation)}: a dry run names the subtree hashes the
     * computation needs, one query per {@value #NODES_PER_QUERY} of them reads them, and the
     * computation reruns on them.
     *
     * @throws IllegalStateException if a needed hash is not stored (the bean's {@code NoResultException})
     */
    public <T> T withStoredNodes(Function<MerkleTree.Nodes, T> computation) {
        Set<Long> wanted = new LinkedHashSet<>();
        byte[] placeholder = new byte[MerkleTree.HASH_SIZE];
        computation.apply((level, index) -> {
            wanted.add(NodeKey.of(level, index));
            return placeholder;
        });
        Map<Long, byte[]> stored = new HashMap<>();
        List<Long> keys = new ArrayList<>(wanted);
        for (int from = 0; from < keys.size(); from += NODES_PER_QUERY) {
            List<Long> chunk = keys.subList(from, Math.min(keys.size(), from + NODES_PER_QUERY));
            // UNION ALL of primary-key lookups: H2 answers an OR of (level, node_index) pairs with a
            // table scan, PostgreSQL and H2 both answer each branch from the primary key.
            StringBuilder sql = new StringBuilder();
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : " union all ").append(SELECT_NODE_ROW);
            }
            queries++;
            try (PreparedStatement s = connection.prepareStatement(sql.toString())) {
                for (int i = 0; i < chunk.size(); i++) {
                    s.setInt(2 * i + 1, NodeKey.level(chunk.get(i)));
                    s.setLong(2 * i + 2, NodeKey.index(chunk.get(i)));
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        hashes++;
                        stored.put(NodeKey.of(r.getInt(1), r.getLong(2)), B64D.decode(r.getString(3)));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        // A hash the dry run did not name (it cannot today) is read on its own rather than trusted
        // to the assumption; a hash that is not stored fails that read.
        return computation.apply((level, index) -> {
            byte[] hash = stored.get(NodeKey.of(level, index));
            return hash != null ? hash : node(level, index);
        });
    }

    /** @return {@code MerkleTree.root(nodes, size)} as {@code AuditLogBean.sign(size)} computes it */
    public byte[] root(long size) {
        return withStoredNodes(nodes -> MerkleTree.root(nodes, size));
    }

    /** @return {@code MerkleTree.inclusionProof} as {@code AuditLogBean.inclusion} / {@code receipt} / {@code bundle} compute it */
    public List<byte[]> inclusionProof(long index, long size) {
        return withStoredNodes(nodes -> MerkleTree.inclusionProof(nodes, index, size));
    }

    /** @return {@code MerkleTree.consistencyProof} as {@code AuditLogBean.consistency} computes it */
    public List<byte[]> consistencyProof(long from, long to) {
        return withStoredNodes(nodes -> MerkleTree.consistencyProof(nodes, from, to));
    }

    /** @return statements sent so far (single reads and batched reads) */
    public long queries() {
        return queries;
    }

    /** @return subtree hashes (rows) read so far */
    public long hashes() {
        return hashes;
    }
}
