package org.electionpool.hub.audit.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.electionpool.hub.protocol.log.MerkleTree;

/**
 * The few storage operations the audit log's algorithm ({@link AuditAppender}, {@link AuditTree},
 * {@link LogCheck}) needs, over the tables {@code audit_head}, {@code audit_entry},
 * {@code audit_node} and {@code audit_checkpoint}. The hub implements it with native SQL on its
 * JPA {@code EntityManager}; hub-bench and the unit tests with plain JDBC
 * ({@code org.electionpool.hub.audit.jdbc.JdbcAuditStore}) — one algorithm, two stores.
 *
 * <p>Invariant the algorithm keeps through it (RFC 9162 §2.1): the head states the number of
 * entries {@code n}; entries {@code 0 … n−1} are stored with their leaf hashes; {@code audit_node}
 * holds the hash of every complete subtree of the tree of {@code n} leaves and nothing beyond it;
 * {@code audit_checkpoint} holds one signed checkpoint per size {@code 1 … n}. Stores do no hashing
 * and no checking of their own.
 */
public interface AuditStore {

    /** One stored entry as the read side gets it. */
    record EntryRow(long index, String leaf, String leafHash, String evidence) {
    }

    /** @return the head's size, with the head row locked until the transaction ends ({@code for update}) */
    long lockHead();

    /** @return the head's size, without a lock */
    long size();

    /** Stores an entry (its leaf, leaf hash and the columns beside it). */
    void insertEntry(AuditLeaf entry);

    /** Stores complete-subtree hashes, in the map's order, in as few statements as the store can. */
    void insertNodes(Map<MerkleTree.NodeId, byte[]> nodes);

    /**
     * Reads stored complete-subtree hashes in one call (a store may split a large set into a few
     * statements).
     *
     * @return the hashes found; an id that is not stored is missing from the map
     */
    Map<MerkleTree.NodeId, byte[]> nodes(Collection<MerkleTree.NodeId> ids);

    /** Moves the head to {@code size}. */
    void updateHead(long size);

    /** Stores the signed checkpoint of the tree of {@code size} entries. */
    void insertCheckpoint(long size, String note, Instant createdAt);

    /** @return at most {@code limit} entries with index ≥ {@code from}, in index order */
    List<EntryRow> entriesFrom(long from, int limit);

    /** @return the entries with {@code from} ≤ index &lt; {@code to}, in index order */
    List<EntryRow> entries(long from, long to);

    /** @return the stored hashes of level {@code level} with {@code first} ≤ node index ≤ {@code last}, by node index */
    Map<Long, byte[]> nodesAtLevel(int level, long first, long last);

    /** @return the checkpoints of sizes in ({@code after}, {@code upTo}], by size */
    Map<Long, String> checkpoints(long after, long upTo);

    /** @return the checkpoint of {@code size}, or {@code null} if none is stored */
    String checkpoint(long size);

    /**
     * What lies at or beyond the head: the counts of entries with index ≥ size, of checkpoints of
     * a size &gt; size, of checkpoints of sizes 1 … size, and of level-0 nodes with index ≥ size.
     */
    long[] tail(long size);

    /** @return the sizes of the stored checkpoints in 1 … {@code upTo}, ascending */
    List<Long> checkpointSizes(long upTo);
}
