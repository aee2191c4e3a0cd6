package org.electionpool.hub.protocol.log;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * RFC 9162 §2.1 Merkle trees over SHA-256: leaf and node hashing, the tree head of any size,
 * inclusion and consistency proofs — generation and verification. Stateless and thread-safe.
 *
 * <p>Generation reads only hashes of complete subtrees through {@link Nodes}: a proof touches
 * O(log n) of them, so a store that keeps those hashes (as the hub's database does) never
 * recomputes anything from all leaves.
 */
public final class MerkleTree {

    /** Hash length in bytes (SHA-256). */
    public static final int HASH_SIZE = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    /** Source of complete-subtree hashes. */
    @FunctionalInterface
    public interface Nodes {
        /**
         * @param level the subtree height: 0 for a leaf hash
         * @param index which subtree at that level: it covers leaves [index·2^level, (index+1)·2^level)
         * @return its hash; only asked for subtrees that lie completely inside the tree
         */
        byte[] node(int level, long index);
    }

    private MerkleTree() {
    }

    /** @return SHA-256 of the empty string: the root of the empty tree (RFC 9162 §2.1.1) */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** @return {@code SHA-256(0x00 || leaf)} */
    public static byte[] hashLeaf(byte[] leaf) {
        MessageDigest d = sha256();
        d.update(LEAF_PREFIX);
        d.update(leaf);
        return d.digest();
    }

    /** @return {@code SHA-256(0x01 || left || right)} */
    public static byte[] hashChildren(byte[] left, byte[] right) {
        MessageDigest d = sha256();
        d.update(NODE_PREFIX);
        d.update(left);
        d.update(right);
        return d.digest();
    }

    /**
     * @param nodes complete-subtree hashes of a tree of at least {@code size} leaves
     * @param size  the tree size
     * @return MTH(D[0:size]), the tree head
     */
    public static byte[] root(Nodes nodes, long size) {
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
        return mth(nodes, 0, size);
    }

    /** MTH(D[start:end]) (RFC 9162 §2.1.1). */
    private static byte[] mth(Nodes nodes, long start, long end) {
        long n = end - start;
        if (n == 0) {
            return emptyRoot();
        }
        if (Long.bitCount(n) == 1 && start % n == 0) {
            return nodes.node(Long.numberOfTrailingZeros(n), start / n);
        }
        long k = Long.highestOneBit(n - 1);
        return hashChildren(mth(nodes, start, start + k), mth(nodes, start + k, end));
    }

    /**
     * The audit path of leaf {@code index} in the tree of {@code size} leaves (RFC 9162 §2.1.3.1).
     *
     * @throws IllegalArgumentException unless 0 ≤ index &lt; size
     */
    public static List<byte[]> inclusionProof(Nodes nodes, long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("index must be in [0, size)");
        }
        List<byte[]> proof = new ArrayList<>();
        path(nodes, index, 0, size, proof);
        return proof;
    }

    private static void path(Nodes nodes, long m, long start, long end, List<byte[]> proof) {
        long n = end - start;
        if (n == 1) {
            return;
        }
        long k = Long.highestOneBit(n - 1);
        if (m - start < k) {
            path(nodes, m, start, start + k, proof);
            proof.add(mth(nodes, start + k, end));
        } else {
            path(nodes, m, start + k, end, proof);
            proof.add(mth(nodes, start, start + k));
        }
    }

    /**
     * The consistency proof between the trees of {@code first} and {@code second} leaves
     * (RFC 9162 §2.1.4.1). Empty when {@code first} is 0 or equals {@code second}.
     *
     * @throws IllegalArgumentException unless 0 ≤ first ≤ second
     */
    public static List<byte[]> consistencyProof(Nodes nodes, long first, long second) {
        if (first < 0 || first > second) {
            throw new IllegalArgumentException("need 0 <= first <= second");
        }
        List<byte[]> proof = new ArrayList<>();
        if (first > 0 && first < second) {
            subproof(nodes, first, 0, second, true, proof);
        }
        return proof;
    }

    private static void subproof(Nodes nodes, long m, long start, long end, boolean b, List<byte[]> proof) {
        long n = end - start;
        if (m == n) {
            if (!b) {
                proof.add(mth(nodes, start, end));
            }
            return;
        }
        long k = Long.highestOneBit(n - 1);
        if (m <= k) {
            subproof(nodes, m, start, start + k, b, proof);
            proof.add(mth(nodes, start + k, end));
        } else {
            subproof(nodes, m - k, start + k, end, false, proof);
            proof.add(mth(nodes, start, start + k));
        }
    }

    /**
     * Verifies an inclusion proof (RFC 9162 §2.1.3.2).
     *
     * @param index    the leaf's index
     * @param size     the tree size the proof is for
     * @param leafHash the leaf's hash
     * @param proof    the audit path
     * @param root     the tree head of that size
     * @throws ProofException naming the failure; for a wrong root, with both roots
     */
    public static void verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root)
            throws ProofException {
        if (index < 0 || index >= size) {
            throw new ProofException("index " + index + " is outside the tree of size " + size);
        }
        checkLength(leafHash);
        checkLength(root);
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            checkLength(p);
            if (sn == 0) {
                throw new ProofException("inclusion proof is longer than the tree is high");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = hashChildren(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = hashChildren(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new ProofException("inclusion proof is shorter than the tree is high");
        }
        if (!MessageDigest.isEqual(r, root)) {
            throw new ProofException("root", root, r);
        }
    }

    /**
     * Verifies a consistency proof (RFC 9162 §2.1.4.2): the tree of {@code second} leaves extends
     * the tree of {@code first} leaves.
     *
     * @throws ProofException naming the failure; for a wrong root, with both roots
     */
    public static void verifyConsistency(long first, long second, List<byte[]> proof, byte[] firstRoot,
                                         byte[] secondRoot) throws ProofException {
        if (first < 0 || first > second) {
            throw new ProofException("need 0 <= first <= second, got " + first + " and " + second);
        }
        if (first == second) {
            if (!proof.isEmpty()) {
                throw new ProofException("a proof between equal sizes must be empty");
            }
            if (!MessageDigest.isEqual(firstRoot, secondRoot)) {
                throw new ProofException("second root", firstRoot, secondRoot);
            }
            return;
        }
        if (first == 0) {
            if (!proof.isEmpty()) {
                throw new ProofException("a proof from the empty tree must be empty");
            }
            return;
        }
        if (proof.isEmpty()) {
            throw new ProofException("consistency proof is empty");
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.add(0, firstRoot);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        checkLength(fr);
        for (byte[] c : path.subList(1, path.size())) {
            checkLength(c);
            if (sn == 0) {
                throw new ProofException("consistency proof is longer than needed");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = hashChildren(c, fr);
                sr = hashChildren(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = hashChildren(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new ProofException("consistency proof is shorter than needed");
        }
        if (!MessageDigest.isEqual(fr, firstRoot)) {
            throw new ProofException("first root", firstRoot, fr);
        }
        if (!MessageDigest.isEqual(sr, secondRoot)) {
            throw new ProofException("second root", secondRoot, sr);
        }
    }

    /**
     * One stored complete subtree: the subtree of height {@code level} covering leaves
     * [index·2^level, (index+1)·2^level) (RFC 9162 §2.1). A store that keeps these hashes answers
     * roots and proofs without recomputing anything from the leaves.
     *
     * <p>Invariant: 0 ≤ level ≤ 63 and index ≥ 0.
     *
     * @param level the subtree height: 0 for a leaf hash
     * @param index which subtree at that level
     */
    public record NodeId(int level, long index) {

        /** Checks the ranges. */
        public NodeId {
            if (level < 0 || level > 63 || index < 0) {
                throw new IllegalArgumentException("no subtree (" + level + ", " + index + ")");
            }
        }
    }

    /**
     * The stored complete subtrees {@link #root(Nodes, long)} reads for a tree of {@code size} leaves:
     * the binary decomposition of [0, size), largest subtree first — a pure function of the size,
     * so a store reads them all in one call before anything is hashed (node ids first, then one
     * read, then rehash, as transparency-dev's {@code compact} / {@code proof} packages do).
     *
     * @throws IllegalArgumentException if size is negative
     */
    public static List<NodeId> rootNodes(long size) {
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
        Set<NodeId> ids = new LinkedHashSet<>();
        rangeNodes(0, size, ids);
        return List.copyOf(ids);
    }

    /**
     * The stored complete subtrees {@link #inclusionProof(Nodes, long, long)} reads for leaf
     * {@code index} in the tree of {@code size} leaves, in the order it first asks for them.
     *
     * @throws IllegalArgumentException unless 0 ≤ index &lt; size
     */
    public static List<NodeId> inclusionNodes(long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("index must be in [0, size)");
        }
        Set<NodeId> ids = new LinkedHashSet<>();
        long start = 0;
        long end = size;
        List<long[]> siblings = new ArrayList<>();
        while (end - start > 1) {
            long k = Long.highestOneBit(end - start - 1);
            if (index - start < k) {
                siblings.add(new long[] {start + k, end});
                end = start + k;
            } else {
                siblings.add(new long[] {start, start + k});
                start = start + k;
            }
        }
        for (int i = siblings.size() - 1; i >= 0; i--) { // the proof lists the lowest sibling first
            rangeNodes(siblings.get(i)[0], siblings.get(i)[1], ids);
        }
        return List.copyOf(ids);
    }

    /**
     * The stored complete subtrees {@link #consistencyProof(Nodes, long, long)} reads between the
     * trees of {@code first} and {@code second} leaves, in the order it first asks for them; none
     * when {@code first} is 0 or equals {@code second}.
     *
     * @throws IllegalArgumentException unless 0 ≤ first ≤ second
     */
    public static List<NodeId> consistencyNodes(long first, long second) {
        if (first < 0 || first > second) {
            throw new IllegalArgumentException("need 0 <= first <= second");
        }
        Set<NodeId> ids = new LinkedHashSet<>();
        if (first == 0 || first == second) {
            return List.of();
        }
        long m = first;
        long start = 0;
        long end = second;
        boolean b = true;
        List<long[]> parts = new ArrayList<>();
        while (m != end - start) {
            long k = Long.highestOneBit(end - start - 1);
            if (m <= k) {
                parts.add(new long[] {start + k, end});
                end = start + k;
            } else {
                parts.add(new long[] {start, start + k});
                m -= k;
                start = start + k;
                b = false;
            }
        }
        if (!b) {
            rangeNodes(start, end, ids);
        }
        for (int i = parts.size() - 1; i >= 0; i--) {
            rangeNodes(parts.get(i)[0], parts.get(i)[1], ids);
        }
        return List.copyOf(ids);
    }

    /** The complete subtrees MTH(D[start:end]) is made of, left to right (as {@code mth} reads them). */
    private static void rangeNodes(long start, long end, Set<NodeId> ids) {
        long n = end - start;
        while (n > 0) {
            if (Long.bitCount(n) == 1 && start % n == 0) {
                ids.add(new NodeId(Long.numberOfTrailingZeros(n), start / n));
                return;
            }
            long k = Long.highestOneBit(n - 1);
            ids.add(new NodeId(Long.numberOfTrailingZeros(k), start / k)); // start is a multiple of 2k here
            start += k;
            n -= k;
        }
    }

    /**
     * {@link #root(Nodes, long)} from the hashes {@link #rootNodes} names.
     *
     * @param stored at least the hashes of {@code rootNodes(size)}
     * @throws IllegalArgumentException if one of them is missing
     */
    public static byte[] rootFrom(Map<NodeId, byte[]> stored, long size) {
        return root(lookup(stored), size);
    }

    /**
     * {@link #inclusionProof(Nodes, long, long)} from the hashes {@link #inclusionNodes} names.
     *
     * @param stored at least the hashes of {@code inclusionNodes(index, size)}
     * @throws IllegalArgumentException if one of them is missing, or unless 0 ≤ index &lt; size
     */
    public static List<byte[]> inclusionProofFrom(Map<NodeId, byte[]> stored, long index, long size) {
        return inclusionProof(lookup(stored), index, size);
    }

    /**
     * {@link #consistencyProof(Nodes, long, long)} from the hashes {@link #consistencyNodes} names.
     *
     * @param stored at least the hashes of {@code consistencyNodes(first, second)}
     * @throws IllegalArgumentException if one of them is missing, or unless 0 ≤ first ≤ second
     */
    public static List<byte[]> consistencyProofFrom(Map<NodeId, byte[]> stored, long first, long second) {
        return consistencyProof(lookup(stored), first, second);
    }

    private static Nodes lookup(Map<NodeId, byte[]> stored) {
        return (level, index) -> {
            byte[] hash = stored.get(new NodeId(level, index));
            if (hash == null) {
                throw new IllegalArgumentException("subtree (" + level + ", " + index + ") was not read");
            }
            return hash;
        };
    }

    private static void checkLength(byte[] hash) throws ProofException {
        if (hash == null || hash.length != HASH_SIZE) {
            throw new ProofException("hashes (leaf hash, root, proof elements) must be " + HASH_SIZE + " bytes");
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@link Nodes} over leaf hashes held in memory, for verifiers and tests; it computes and keeps
     * every complete subtree once. Not thread-safe.
     */
    public static final class InMemory implements Nodes {

        private final List<List<byte[]>> levels = new ArrayList<>();

        /** @param leafHashes the leaf hashes, in order */
        public InMemory(List<byte[]> leafHashes) {
            levels.add(new ArrayList<>(leafHashes));
            List<byte[]> below = levels.get(0);
            while (below.size() > 1) {
                List<byte[]> level = new ArrayList<>();
                for (int i = 0; i + 1 < below.size(); i += 2) {
                    level.add(hashChildren(below.get(i), below.get(i + 1)));
                }
                levels.add(level);
                below = level;
            }
        }

        @Override
        public byte[] node(int level, long index) {
            return Arrays.copyOf(levels.get(level).get(Math.toIntExact(index)), HASH_SIZE);
        }

        /** @return the number of leaves */
        public long size() {
            return levels.get(0).size();
        }
    }
}
