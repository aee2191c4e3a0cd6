package org.electionpool.hub.audit.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.electionpool.hub.protocol.log.MerkleTree;

/**
 * How every {@link AuditStore} reads a set of stored subtree hashes: at most
 * {@value #NODES_PER_QUERY} (level, node index) pairs per statement, each a primary-key lookup,
 * joined with UNION ALL — H2 answers an OR of the pairs with a table scan, PostgreSQL and H2 both
 * answer each UNION ALL branch from the primary key.
 *
 * <p>Invariant: the statement for {@code n} pairs binds level then node index for each pair in
 * order, parameters 1 … 2n, and returns (level, node_index, hash) rows of RFC 9162 §2.1
 * complete-subtree hashes.
 */
public final class NodeReads {

    /** Most (level, index) pairs one statement asks for. */
    public static final int NODES_PER_QUERY = 64;

    private NodeReads() {
    }

    /** @return the ids in statements of at most {@value #NODES_PER_QUERY} */
    public static List<List<MerkleTree.NodeId>> chunks(Collection<MerkleTree.NodeId> ids) {
        List<MerkleTree.NodeId> all = new ArrayList<>(ids);
        List<List<MerkleTree.NodeId>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += NODES_PER_QUERY) {
            chunks.add(all.subList(from, Math.min(all.size(), from + NODES_PER_QUERY)));
        }
        return chunks;
    }

    /**
     * @param pairs    how many (level, node index) pairs
     * @param numbered JPA's numbered parameters ({@code ?1}, {@code ?2} …) rather than JDBC's {@code ?}
     * @return the UNION ALL statement
     */
    public static String unionAll(int pairs, boolean numbered) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < pairs; i++) {
            sql.append(i == 0 ? "" : " union all ").append("select level, node_index, hash from audit_node where level = ?")
                    .append(numbered ? String.valueOf(2 * i + 1) : "").append(" and node_index = ?")
                    .append(numbered ? String.valueOf(2 * i + 2) : "");
        }
        return sql.toString();
    }
}
