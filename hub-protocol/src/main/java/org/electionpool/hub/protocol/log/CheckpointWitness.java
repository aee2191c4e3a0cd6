package org.electionpool.hub.protocol.log;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;

/**
 * A client's memory of the audit log: the largest checkpoint it has verified, and the rule that
 * every checkpoint it sees later must be consistent with it (RFC 9162 §2.1.4). This is what turns
 * single receipts into a guarantee about history: a hub that rewrote or forked its log after the
 * client's last look — showing one history to this client and another to auditors (a split view)
 * — cannot produce the consistency proof, and the client refuses it.
 *
 * <p>Invariant: {@link #trustedNote()} only ever moves to a larger checkpoint that was proved to
 * extend the previous one; a checkpoint smaller than it must be proved to be its prefix, and one of
 * the same size must have the same root. Each checkpoint is first opened as a C2SP signed note with
 * the log's key and must name the log's origin.
 *
 * <p>Persist {@link #trustedNote()} between runs and pass it back to the constructor: the guarantee
 * then spans restarts. Thread-safe.
 */
public final class CheckpointWitness {

    /** Where consistency proofs come from: the hub's public {@code GET /api/v1/audit/proofs/consistency}. */
    @FunctionalInterface
    public interface ProofSource {
        /**
         * @return the RFC 9162 consistency proof between the trees of sizes {@code from} ≤ {@code to}
         * @throws IOException    if the hub cannot be reached
         * @throws ProofException if the hub's answer is not a proof
         */
        List<byte[]> consistency(long from, long to) throws IOException, ProofException;
    }

    private record Trusted(Checkpoint checkpoint, String note) {
    }

    private final SignedNote.VerifierKey key;
    private final ProofSource proofs;
    private Trusted trusted; // guarded by this

    /**
     * @param key         the log's verifier key
     * @param proofs      where consistency proofs come from
     * @param trustedNote a checkpoint verified earlier (persisted), or {@code null} to trust the first one seen
     * @throws ProofException if {@code trustedNote} does not verify with {@code key}
     */
    public CheckpointWitness(SignedNote.VerifierKey key, ProofSource proofs, String trustedNote) throws ProofException {
        this.key = Objects.requireNonNull(key, "key");
        this.proofs = Objects.requireNonNull(proofs, "proofs");
        this.trusted = trustedNote == null ? null : new Trusted(open(trustedNote), trustedNote);
    }

    /** @return the largest checkpoint verified so far (a signed note), or {@code null} before the first */
    public synchronized String trustedNote() {
        return trusted == null ? null : trusted.note();
    }

    /** @return the tree size of {@link #trustedNote()}, or -1 before the first */
    public synchronized long trustedSize() {
        return trusted == null ? -1 : trusted.checkpoint().size();
    }

    /**
     * Verifies a signed checkpoint against what this witness trusts and, if it is larger, trusts it
     * from now on.
     *
     * @param note a C2SP signed checkpoint note (from a receipt or {@code GET /api/v1/audit/checkpoint})
     * @return the checkpoint
     * @throws ProofException if it does not verify, or is not consistent with the trusted checkpoint
     * @throws IOException    if the consistency proof cannot be fetched
     */
    public Checkpoint witness(String note) throws ProofException, IOException {
        return witness(note, open(note), proofs);
    }

    /**
     * As {@link #witness(String)}, with a consistency proof that came with the checkpoint (a
     * receipt's {@code consistency} member, docs/audit-log.md §5): it is used when it proves
     * exactly the step this witness needs — from the trusted size {@code from} to the checkpoint's
     * size — and verified like a fetched one; any other step is fetched from the proof source as
     * before. A wrong proof is refused exactly as a wrong fetched proof would be.
     *
     * @param note  a C2SP signed checkpoint note
     * @param from  the tree size the proof starts from
     * @param proof the RFC 9162 consistency proof from {@code from} to the checkpoint's size
     * @return the checkpoint
     * @throws ProofException if it does not verify, or is not consistent with the trusted checkpoint
     * @throws IOException    if a consistency proof that did not come with it cannot be fetched
     */
    public Checkpoint witness(String note, long from, List<byte[]> proof) throws ProofException, IOException {
        Objects.requireNonNull(proof, "proof");
        List<byte[]> given = List.copyOf(proof);
        Checkpoint seen = open(note);
        long to = seen.size();
        return witness(note, seen, (f, t) -> f == from && t == to ? given : proofs.consistency(f, t));
    }

    private Checkpoint witness(String note, Checkpoint seen, ProofSource source) throws ProofException, IOException {
        for (int attempt = 0; attempt < 16; attempt++) {
            Trusted before;
            synchronized (this) {
                before = trusted;
                if (before == null) {
                    trusted = new Trusted(seen, note);
                    return seen;
                }
            }
            check(before.checkpoint(), seen, source);
            synchronized (this) {
                if (trusted == before) { // nobody moved it while the proof was checked
                    if (seen.size() > before.checkpoint().size()) {
                        trusted = new Trusted(seen, note);
                    }
                    return seen;
                }
            }
            // Another thread advanced the trusted checkpoint meanwhile: prove consistency with that one too,
            // because two checkpoints that each extend an older one may still be two forks.
        }
        throw new ProofException("the trusted checkpoint kept moving; try again");
    }

    private void check(Checkpoint known, Checkpoint seen, ProofSource source) throws ProofException, IOException {
        if (seen.size() == known.size()) {
            if (!MessageDigest.isEqual(seen.rootHash(), known.rootHash())) {
                throw new ProofException("split view: two signed checkpoints of size " + seen.size()
                        + " with different roots");
            }
            return;
        }
        Checkpoint first = seen.size() < known.size() ? seen : known;
        Checkpoint second = first == seen ? known : seen;
        if (first.size() == 0) {
            if (!MessageDigest.isEqual(first.rootHash(), MerkleTree.emptyRoot())) {
                throw new ProofException("a checkpoint of size 0 must have the empty tree's root");
            }
            return; // every tree extends the empty one
        }
        List<byte[]> proof = source.consistency(first.size(), second.size());
        try {
            MerkleTree.verifyConsistency(first.size(), second.size(), proof, first.rootHash(), second.rootHash());
        } catch (ProofException e) {
            throw new ProofException("the checkpoint of size " + seen.size() + " is not consistent with the trusted one of"
                    + " size " + known.size() + " (" + e.getMessage() + "): the log was rewritten or forked");
        }
    }

    private Checkpoint open(String note) throws ProofException {
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.parse(SignedNote.open(note, key));
        } catch (IllegalArgumentException e) {
            throw new ProofException("checkpoint does not verify with the log key: " + e.getMessage());
        }
        if (!checkpoint.origin().equals(key.name())) {
            throw new ProofException("checkpoint names another log: " + checkpoint.origin());
        }
        return checkpoint;
    }
}
