package org.electionpool.hub.audit.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.protocol.json.CanonicalJson;
import org.electionpool.hub.protocol.log.Checkpoint;
import org.electionpool.hub.protocol.log.MerkleTree;
import org.electionpool.hub.protocol.log.SignedNote;
import org.electionpool.hub.protocol.json.StrictJson;

/**
 * The consistency check of a stored log, one entry at a time in index order (the operator's fsck,
 * docs/audit-log.md): each leaf must be canonical JSON stating its own index, its stored leaf hash
 * and level-0 subtree hash must be RFC 9162's hash of it, its stored evidence must match its
 * {@code evidence_sha256}, every stored subtree hash it completes must equal the one recomputed
 * from the leaves, and the stored checkpoint of each size must verify with the log key and state
 * the root the leaves give.
 *
 * <p>Keeps only the compact range (the complete subtrees left to right, at most 64), so a whole
 * log is checked in constant memory. Plain Java: the hub's {@code fsck} and hub-bench's replica
 * feed it rows from the database. Not thread-safe.
 */
public final class LogScan {

    /** The stored subtree hashes a scan is given: (level, index) → hash, or {@code null} if not stored. */
    @FunctionalInterface
    public interface StoredNodes {
        /** @return the stored hash, or {@code null} */
        byte[] node(int level, long index);
    }

    private final SignedNote.VerifierKey key;
    private final ArrayDeque<byte[]> range = new ArrayDeque<>();
    private final ArrayDeque<Integer> levels = new ArrayDeque<>();
    private long next;
    private long checkpoints;

    /** @param key the log's verifier key */
    public LogScan(SignedNote.VerifierKey key) {
        this.key = key;
    }

    /** @return the index the next entry must have: the number of entries checked so far */
    public long next() {
        return next;
    }

    /** @return how many stored checkpoints were verified */
    public long checkpointsChecked() {
        return checkpoints;
    }

    /**
     * Checks entry {@link #next()}.
     *
     * @param leaf           its leaf bytes
     * @param storedLeafHash {@code audit_entry.leaf_hash} (standard base64)
     * @param evidence       {@code audit_entry.evidence}, or {@code null}
     * @param nodes          the stored subtree hashes (at least those this entry completes)
     * @param checkpoint     the stored checkpoint note of size {@code next() + 1}, or {@code null} if none
     * @return the problem, or {@code null} if the entry checks; after a problem the scan is undefined
     */
    public String accept(byte[] leaf, String storedLeafHash, String evidence, StoredNodes nodes, String checkpoint) {
        long index = next;
        String problem = leafProblem(index, leaf, storedLeafHash, evidence, nodes.node(0, index));
        if (problem != null) {
            return problem;
        }
        byte[] hash = MerkleTree.hashLeaf(leaf);
        int level = 0;
        while (!levels.isEmpty() && levels.peekLast() == level) {
            levels.removeLast();
            hash = MerkleTree.hashChildren(range.removeLast(), hash);
            level++;
            byte[] stored = nodes.node(level, index >> level);
            if (stored == null || !MessageDigest.isEqual(hash, stored)) {
                return "stored subtree hash (" + level + ", " + (index >> level) + ") differs from the recomputed one";
            }
        }
        range.addLast(hash);
        levels.addLast(level);
        if (checkpoint != null) {
            checkpoints++;
            problem = checkpointProblem(checkpoint, index + 1, root());
            if (problem != null) {
                return problem;
            }
        }
        next++;
        return null;
    }

    /**
     * The subtrees whose last leaf lies in [from, to) at one level, for reading them in one range:
     * node {@code n} at level {@code L} covers leaves [n·2^L, (n+1)·2^L).
     *
     * @return {first, last} node index (inclusive), or {@code null} if the level completes none there
     */
    public static long[] nodesCompletedIn(int level, long from, long to) {
        long first = ((from + (1L << level)) >> level) - 1; // the first node whose last leaf is >= from
        long last = (to >> level) - 1;                       // the last node whose last leaf is < to
        return last < first ? null : new long[] {first, last};
    }

    /**
     * The check of what lies beyond a log of {@code size} entries once every entry checked: a
     * truncated log (entries removed from the end and the head lowered) or a head moved back on its
     * own leaves rows behind.
     *
     * @param entriesBeyond     entries with an index ≥ size
     * @param leafNodesBeyond   level-0 subtree hashes with an index ≥ size
     * @param checkpointsBeyond checkpoints of a size > size
     * @return the problem, or {@code null}
     */
    public static String tailProblem(long size, long entriesBeyond, long leafNodesBeyond, long checkpointsBeyond) {
        if (entriesBeyond > 0 || leafNodesBeyond > 0) {
            return "entries beyond the log head (size " + size + "): the head was moved back";
        }
        if (checkpointsBeyond > 0) {
            return "checkpoints beyond the log head (size " + size + "): entries were removed from the end";
        }
        return null;
    }

    private byte[] root() {
        Iterator<byte[]> fromRight = range.descendingIterator();
        byte[] root = fromRight.next();
        while (fromRight.hasNext()) {
            root = MerkleTree.hashChildren(fromRight.next(), root);
        }
        return root;
    }

    private static String leafProblem(long index, byte[] leaf, String storedHash, String evidence, byte[] storedNode) {
        Object parsed;
        try {
            parsed = StrictJson.parse(new String(leaf, StandardCharsets.UTF_8), CanonicalJson.MAX_DEPTH);
        } catch (IllegalArgumentException e) {
            return "leaf is not JSON";
        }
        if (!Arrays.equals(CanonicalJson.write(parsed), leaf)) {
            return "leaf is not canonical JSON";
        }
        if (!(parsed instanceof Map<?, ?> entry) || !(entry.get("index") instanceof Number n) || n.longValue() != index) {
            return "leaf does not state its own index";
        }
        Object evidenceHash = entry.get("evidence_sha256");
        boolean withheld = entry.get("evidence_withheld") != null;
        if (evidenceHash == null ? evidence != null
                : evidence == null ? !withheld : withheld || !AuditContext.sha256(evidence).equals(evidenceHash)) {
            return "stored evidence differs from the leaf's evidence_sha256";
        }
        byte[] hash = MerkleTree.hashLeaf(leaf);
        if (!Base64.getEncoder().encodeToString(hash).equals(storedHash)) {
            return "stored leaf hash differs from the hash of the leaf";
        }
        if (storedNode == null || !MessageDigest.isEqual(hash, storedNode)) {
            return "stored subtree hash (0, " + index + ") differs from the leaf hash";
        }
        return null;
    }

    private String checkpointProblem(String note, long size, byte[] root) {
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.parse(SignedNote.open(note, key));
        } catch (IllegalArgumentException e) {
            return "checkpoint of size " + size + " does not verify: " + e.getMessage();
        }
        if (checkpoint.size() != size || !key.name().equals(checkpoint.origin())) {
            return "checkpoint of size " + size + " states another size or origin";
        }
        if (!MessageDigest.isEqual(checkpoint.rootHash(), root)) {
            return "checkpoint of size " + size + " states another root than the entries give";
        }
        return null;
    }
}
