package org.electionpool.hub.audit.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.electionpool.hub.protocol.log.MerkleTree;

/**
 * Roots and proofs over an {@link AuditStore}, node ids first: {@link MerkleTree} names the stored
 * complete subtrees a root or proof needs (a pure function of sizes and indices), the store reads
 * them in one call, and {@link MerkleTree} computes the result from them (RFC 9162 §2.1) — never a
 * dry run with placeholder hashes, never one read per hash.
 *
 * <p>Invariant: every result is byte-identical to the recursive RFC 9162 computation over the
 * stored hashes; a subtree the store does not hold fails the call with
 * {@link IllegalStateException}.
 */
public final class AuditTree {

    private AuditTree() {
    }

    /** @return the tree head of the first {@code size} entries */
    public static byte[] root(AuditStore store, long size) {
        return size == 0 ? MerkleTree.emptyRoot() : MerkleTree.rootFrom(read(store, MerkleTree.rootNodes(size)), size);
    }

    /** @return the inclusion proof of entry {@code index} in the tree of {@code size} entries */
    public static List<byte[]> inclusionProof(AuditStore store, long index, long size) {
        return MerkleTree.inclusionProofFrom(read(store, MerkleTree.inclusionNodes(index, size)), index, size);
    }

    /**
     * @return the stored leaf hash of entry {@code index} (first) and its inclusion proof in the tree
     *         of {@code size} entries (the rest), read in one call
     */
    public static List<byte[]> leafHashAndInclusionProof(AuditStore store, long index, long size) {
        List<MerkleTree.NodeId> ids = new ArrayList<>(MerkleTree.inclusionNodes(index, size));
        MerkleTree.NodeId leaf = new MerkleTree.NodeId(0, index);
        ids.add(leaf);
        Map<MerkleTree.NodeId, byte[]> stored = read(store, ids);
        List<byte[]> out = new ArrayList<>();
        out.add(stored.get(leaf));
        out.addAll(MerkleTree.inclusionProofFrom(stored, index, size));
        return out;
    }

    /** @return the consistency proof between the trees of {@code first} and {@code second} entries */
    public static List<byte[]> consistencyProof(AuditStore store, long first, long second) {
        return MerkleTree.consistencyProofFrom(read(store, MerkleTree.consistencyNodes(first, second)), first, second);
    }

    /**
     * @return the stored hashes of {@code ids}, read in one call
     * @throws IllegalStateException if one is not stored (a broken store)
     */
    static Map<MerkleTree.NodeId, byte[]> read(AuditStore store, List<MerkleTree.NodeId> ids) {
        Map<MerkleTree.NodeId, byte[]> stored = ids.isEmpty() ? Map.of() : store.nodes(ids);
        for (MerkleTree.NodeId id : ids) {
            if (!stored.containsKey(id)) {
                throw new IllegalStateException("no stored subtree hash (" + id.level() + ", " + id.index() + ")");
            }
        }
        return stored;
    }
}
