package org.electionpool.hub.audit.domain;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.api.audit.ReceiptView;
import org.electionpool.hub.protocol.log.MerkleTree;

/**
 * The audit log's sequencer step (docs/audit-log.md, "Appending"; ADR 0011) over an
 * {@link AuditStore}, in the caller's transaction:
 * <ol>
 *   <li>lock the head and read its size {@code a} — sequencers on every node queue here;</li>
 *   <li>take up to {@code limit} committed pending entries, in reference order;</li>
 *   <li>read the frontier of the tree of {@code a} entries ({@code MerkleTree.rootNodes(a)}) in one call;</li>
 *   <li>give the entries the indexes {@code a, a+1, …, b−1}, build their leaves (RFC 8785), and compute the
 *       leaf hashes and every complete subtree they finish, from the frontier and each other;</li>
 *   <li>store the entries, the subtree hashes and the head {@code b} in a few statements, sign one
 *       checkpoint of size {@code b} and store it, and delete the entries from the pending table.</li>
 * </ol>
 * The frontier and the new subtrees hold every hash an inclusion proof of a new leaf in the tree of
 * {@code b} entries needs, so the batch hands out every entry's receipt without another read.
 *
 * <p>Invariant (RFC 9162 §2.1): after the caller commits, the store holds entries {@code 0 … b−1},
 * the hash of every complete subtree of the tree of {@code b} leaves and the signed checkpoint of
 * size {@code b}; each pending entry integrated is gone from {@code audit_pending}; an entry is
 * integrated at most once (the head lock serialises batches, and a batch only sees committed
 * pending rows). Not thread-safe only in the nonce source it is given.
 */
public final class AuditBatcher {

    private static final Base64.Encoder B64 = Base64.getEncoder();

    private final Clock clock;
    private final Consumer<byte[]> nonces;
    private final CheckpointSigner signer;

    /**
     * @param clock  the clock of the checkpoints' {@code created_at}
     * @param nonces fills a nonce of {@link AuditLeaf#NONCE_BYTES} bytes ({@code SecureRandom::nextBytes})
     * @param signer signs the checkpoint of a batch's size
     */
    public AuditBatcher(Clock clock, Consumer<byte[]> nonces, CheckpointSigner signer) {
        this.clock = clock;
        this.nonces = nonces;
        this.signer = signer;
    }

    /** One integrated entry: its reference and the stored entry. */
    public record Integrated(long ref, AuditLeaf entry) {
    }

    /**
     * What a batch integrated: entries {@code first … size−1}, the checkpoint of {@code size}, and the
     * hashes the receipts are computed from.
     *
     * <p>Invariant: {@code entries.get(i).entry().index() == first + i}; every receipt's proof leads
     * from its leaf to the root {@code checkpoint} states (RFC 9162 §2.1.3).
     *
     * @param first      the first new index (the head before the batch)
     * @param size       the head after the batch
     * @param checkpoint the signed checkpoint of {@code size}, or {@code null} for an empty batch
     * @param entries    the integrated entries, by index
     * @param known      the frontier of {@code first} and every subtree the batch completed
     */
    public record Batch(long first, long size, String checkpoint, List<Integrated> entries,
                        Map<MerkleTree.NodeId, byte[]> known) {

        /** @return whether the batch integrated nothing */
        public boolean isEmpty() {
            return entries.isEmpty();
        }

        /** @return the receipt of the batch's {@code i}-th entry: its inclusion proof in the tree of {@link #size} */
        public ReceiptView receipt(int i) {
            AuditLeaf entry = entries.get(i).entry();
            List<byte[]> proof = MerkleTree.inclusionProofFrom(known, entry.index(), size);
            return new ReceiptView(entry.index(), B64.encodeToString(entry.leaf()), B64.encodeToString(entry.leafHash()),
                    size, proof.stream().map(B64::encodeToString).toList(), checkpoint);
        }

        /** @return reference → receipt of every entry of the batch */
        public Map<Long, ReceiptView> receipts() {
            Map<Long, ReceiptView> receipts = new HashMap<>();
            for (int i = 0; i < entries.size(); i++) {
                receipts.put(entries.get(i).ref(), receipt(i));
            }
            return receipts;
        }
    }

    /**
     * Integrates up to {@code limit} pending entries in the caller's transaction (see the class
     * comment for the steps).
     *
     * @param store the store, in the caller's transaction
     * @param limit the most entries to integrate, ≥ 1
     * @return the batch (empty if nothing was pending)
     */
    public Batch integrate(AuditStore store, int limit) {
        long first = store.lockHead();
        List<PendingEntry> pending = store.pending(limit);
        if (pending.isEmpty()) {
            return new Batch(first, first, null, List.of(), Map.of());
        }
        Map<MerkleTree.NodeId, byte[]> known = new HashMap<>(AuditTree.read(store, MerkleTree.rootNodes(first)));
        Map<MerkleTree.NodeId, byte[]> completed = new LinkedHashMap<>();
        List<Integrated> entries = new ArrayList<>(pending.size());
        List<AuditLeaf> leaves = new ArrayList<>(pending.size());
        List<Long> refs = new ArrayList<>(pending.size());
        long index = first;
        for (PendingEntry p : pending) {
            byte[] nonce = new byte[AuditLeaf.NONCE_BYTES];
            nonces.accept(nonce);
            AuditLeaf entry = AuditLeaf.build(index, p.recordedAt(), p.context(), p.action(), p.targetType(), p.targetId(),
                    p.details(), nonce);
            byte[] hash = entry.leafHash();
            put(known, completed, new MerkleTree.NodeId(0, index), hash);
            for (int level = 1; ((index + 1) & ((1L << level) - 1)) == 0; level++) {
                long node = index >> level;
                hash = MerkleTree.hashChildren(known.get(new MerkleTree.NodeId(level - 1, 2 * node)), hash);
                put(known, completed, new MerkleTree.NodeId(level, node), hash);
            }
            entries.add(new Integrated(p.ref(), entry));
            leaves.add(entry);
            refs.add(p.ref());
            index++;
        }
        long size = index;
        store.insertEntries(leaves, refs);
        store.insertNodes(completed);
        store.updateHead(size);
        String note = signer.sign(size, MerkleTree.rootFrom(known, size));
        store.insertCheckpoint(size, note, clock.instant());
        store.deletePending(refs);
        return new Batch(first, size, note, List.copyOf(entries), known);
    }

    /**
     * Writes one entry and integrates it at once, in the caller's transaction — a batch of one, as
     * every append was before the sequencer. For hub-bench's tools and the tests; the hub itself
     * lets its sequencer batch ({@link #integrate}). Other committed pending entries with a smaller
     * reference would be integrated first, so use it only where nothing else writes.
     *
     * @return the batch holding the entry
     */
    public Batch append(AuditStore store, AuditContext context, String action, String targetType, String targetId,
                        Map<String, Object> details) {
        store.insertPending(new PendingEntry(store.nextRef(), clock.instant(), action, context, targetType, targetId,
                details));
        return integrate(store, 1);
    }

    private static void put(Map<MerkleTree.NodeId, byte[]> known, Map<MerkleTree.NodeId, byte[]> completed,
                            MerkleTree.NodeId id, byte[] hash) {
        known.put(id, hash);
        completed.put(id, hash);
    }

    /**
     * The receipt of an entry integrated earlier (by any node): its leaf, and its inclusion proof in
     * the tree of the current head with the head's checkpoint.
     *
     * @param store the store (no lock needed: everything below the head is immutable)
     * @param index the entry's index
     * @return the receipt, or {@code null} if the entry or the head's checkpoint is not stored
     */
    public static ReceiptView receipt(AuditStore store, long index) {
        long size = store.size();
        if (index >= size) {
            return null;
        }
        String checkpoint = store.checkpoint(size);
        List<AuditStore.EntryRow> rows = store.entries(index, index + 1);
        if (checkpoint == null || rows.isEmpty()) {
            return null;
        }
        AuditStore.EntryRow row = rows.get(0);
        List<byte[]> proof = AuditTree.inclusionProof(store, index, size);
        return new ReceiptView(index, B64.encodeToString(row.leaf().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                row.leafHash(), size, proof.stream().map(B64::encodeToString).toList(), checkpoint);
    }
}
