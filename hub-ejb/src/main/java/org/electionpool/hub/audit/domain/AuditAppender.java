package org.electionpool.hub.audit.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.protocol.log.MerkleTree;
import org.electionpool.hub.api.audit.ReceiptView;

/**
 * The audit log's append (docs/audit-log.md, "Appending") over an {@link AuditStore}, in the
 * caller's transaction:
 * <ol>
 *   <li>lock the head and read its size {@code i} — appends from every thread and node queue here;</li>
 *   <li>read the frontier — the complete subtrees of the tree of {@code i} entries,
 *       {@code MerkleTree.rootNodes(i)} — in one call;</li>
 *   <li>build the leaf (RFC 8785) with index {@code i} and store the entry;</li>
 *   <li>store the leaf's hash and every subtree it completes (their left halves are in the frontier),
 *       in one call;</li>
 *   <li>move the head to {@code i + 1}; compute the root from the frontier and the new subtrees,
 *       sign the checkpoint and store it.</li>
 * </ol>
 * The frontier is also the inclusion proof of the new leaf in the tree of {@code i + 1} entries,
 * so the append returns the entry's whole receipt without another read.
 *
 * <p>Invariant (RFC 9162 §2.1): after a committed append of entry {@code i}, the store holds the
 * hash of every complete subtree of the tree of {@code i + 1} leaves and a checkpoint of size
 * {@code i + 1} stating its root; the rows are those the hub has always written, byte for byte.
 * Not thread-safe only in the nonce source it is given; one per store or shared, as the caller likes.
 */
public final class AuditAppender {

    private static final Base64.Encoder B64 = Base64.getEncoder();

    private final Clock clock;
    private final Consumer<byte[]> nonces;
    private final CheckpointSigner signer;

    /**
     * @param clock  the clock the entry's timestamp comes from (read after the head lock is granted)
     * @param nonces fills a nonce of {@link AuditLeaf#NONCE_BYTES} bytes ({@code SecureRandom::nextBytes})
     * @param signer signs the checkpoint of the new size
     */
    public AuditAppender(Clock clock, Consumer<byte[]> nonces, CheckpointSigner signer) {
        this.clock = clock;
        this.nonces = nonces;
        this.signer = signer;
    }

    /**
     * What an append produced: the stored entry, the inclusion proof of its leaf in the tree of
     * {@code index + 1} entries and the checkpoint of that tree, as signed and stored.
     *
     * <p>Invariant: the proof leads from {@code entry.leafHash()} to the root the checkpoint states
     * (RFC 9162 §2.1.3); it is the frontier of the tree of {@code index} entries, lowest subtree first.
     *
     * @param entry      the stored entry (leaf bytes, leaf hash, columns)
     * @param proof      the RFC 9162 inclusion proof of the leaf in the tree of {@code index + 1} entries
     * @param checkpoint the signed checkpoint of size {@code index + 1}
     */
    public record Appended(AuditLeaf entry, List<byte[]> proof, String checkpoint) {

        /** @return the entry's index */
        public long index() {
            return entry.index();
        }

        /** @return the entry's receipt, exactly as the {@code receipt} claim of an HXP/1 answer states it */
        public ReceiptView receipt() {
            return new ReceiptView(entry.index(), B64.encodeToString(entry.leaf()), B64.encodeToString(entry.leafHash()),
                    entry.index() + 1, proof.stream().map(B64::encodeToString).toList(), checkpoint);
        }
    }

    /**
     * Appends one entry in the caller's transaction (see the class comment for the steps).
     *
     * @param store      the store, in the caller's transaction
     * @param context    who acted, through which signed message
     * @param action     the action, e.g. {@code organization.created}
     * @param targetType what the action is about, or {@code null}
     * @param targetId   the target's id, or {@code null}
     * @param details    action-specific members, or {@code null}
     * @return the stored entry with its proof and checkpoint
     */
    public Appended append(AuditStore store, AuditContext context, String action, String targetType, String targetId,
                           Map<String, Object> details) {
        long index = store.lockHead();
        List<MerkleTree.NodeId> frontierIds = MerkleTree.rootNodes(index);
        Map<MerkleTree.NodeId, byte[]> frontier = AuditTree.read(store, frontierIds);
        Instant now = clock.instant();
        byte[] nonce = new byte[AuditLeaf.NONCE_BYTES];
        nonces.accept(nonce);
        AuditLeaf entry = AuditLeaf.build(index, now, context, action, targetType, targetId, details, nonce);
        store.insertEntry(entry);
        Map<MerkleTree.NodeId, byte[]> completed = new LinkedHashMap<>();
        byte[] hash = entry.leafHash();
        completed.put(new MerkleTree.NodeId(0, index), hash);
        for (int level = 1; ((index + 1) & ((1L << level) - 1)) == 0; level++) {
            long node = index >> level;
            hash = MerkleTree.hashChildren(frontier.get(new MerkleTree.NodeId(level - 1, 2 * node)), hash);
            completed.put(new MerkleTree.NodeId(level, node), hash);
        }
        store.insertNodes(completed);
        long size = index + 1;
        store.updateHead(size);
        Map<MerkleTree.NodeId, byte[]> known = new HashMap<>(frontier);
        known.putAll(completed);
        String note = signer.sign(size, MerkleTree.rootFrom(known, size));
        store.insertCheckpoint(size, note, now);
        return new Appended(entry, List.copyOf(MerkleTree.inclusionProofFrom(frontier, index, size)), note);
    }
}
