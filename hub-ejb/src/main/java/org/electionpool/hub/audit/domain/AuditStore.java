package org.electionpool.hub.audit.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.electionpool.hub.protocol.log.MerkleTree;

/**
 * The few storage operations the audit log's algorithm ({@link AuditTree},
 * {@link LogCheck}, {@link AuditBatcher}) needs, over the tables {@code audit_head}, {@code audit_entry},
 * {@code audit_node}, {@code audit_checkpoint} and {@code audit_pending}. The hub implements it with native SQL on its
 * JPA {@code EntityManager}; hub-bench and the unit tests with plain JDBC
 * ({@code org.electionpool.hub.audit.jdbc.JdbcAuditStore}) — one algorithm, two stores.
 *
 * <p>Invariant the algorithm keeps through it (RFC 9162 §2.1): the head states the number of
 * entries {@code n}; entries {@code 0 … n−1} are stored with their leaf hashes; {@code audit_node}
 * holds the hash of every complete subtree of the tree of {@code n} leaves and nothing beyond it;
 * {@code audit_checkpoint} holds the signed checkpoint of size {@code n} (and of every earlier batch's
 * end, ADR 0011); {@code audit_pending} holds entries not yet integrated. Stores do no hashing and no
 * checking of their own.
 */
public interface AuditStore {

    /** One stored entry as the read side gets it. */
    record EntryRow(long index, String leaf, String leafHash, String evidence) {
    }

    /** @return the head's size, with the head row locked until the transaction ends ({@code for update}) */
    long lockHead();

    /** @return the head's size, without a lock */
    long size();

    /**
     * Stores an entry under its own index as reference — how entries were stored before the
     * sequencer (V17), and how hub-bench's bulk tools and the tests still write them.
     */
    default void insertEntry(AuditLeaf entry) {
        insertEntries(List.of(entry), List.of(entry.index()));
    }

    /**
     * Stores integrated entries (leaf, leaf hash, the columns beside it) with their references, in
     * as few statements as the store can.
     *
     * @param entries the entries, by index
     * @param refs    their references, in the same order
     */
    void insertEntries(List<AuditLeaf> entries, List<Long> refs);

    /** @return a new, never used entry reference (from a block of {@code audit_ref_seq}, {@link RefBlocks}) */
    long nextRef();

    /** Stores an entry that waits for the sequencer ({@code audit_pending}). */
    void insertPending(PendingEntry entry);

    /** @return at most {@code limit} committed pending entries, in reference order */
    List<PendingEntry> pending(int limit);

    /** Removes integrated entries from {@code audit_pending}. */
    void deletePending(Collection<Long> refs);

    /** @return reference → index of those of {@code refs} that are integrated */
    Map<Long, Long> indexesOf(Collection<Long> refs);

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
