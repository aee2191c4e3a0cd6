package org.electionpool.hub.api.audit;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/**
 * The {@code receipt} claim of an audited HXP/1 answer (docs/audit-log.md §5): the entry the
 * request produced and everything needed to check, on the spot, that it is in the log — the leaf
 * bytes, its RFC 9162 inclusion proof in the tree of {@code size} entries, and the signed
 * checkpoint of that tree — and, when the request named the tree size its sender already trusts
 * ({@code Hxp-Log-Size}), the consistency proof from that size to {@code size}, so the sender needs
 * no second request to hold the new checkpoint consistent with its old one.
 *
 * <p>Invariant: {@code index < size}, {@code checkpoint} states {@code size} (the checkpoint of the
 * sequencer batch that integrated the entry, or a later one); the proof leads from
 * {@code SHA-256(0x00 ‖ leaf)} to the checkpoint's root. {@code consistency}, when present, has
 * {@code to == size}.
 *
 * @param index       the entry's index
 * @param leaf        the exact leaf bytes (RFC 8785 canonical JSON), standard base64
 * @param leafHash    SHA-256(0x00 ‖ leaf), standard base64
 * @param size        the tree size of the checkpoint
 * @param proof       the RFC 9162 inclusion proof, standard base64
 * @param checkpoint  the C2SP signed checkpoint of the tree of {@code size} entries
 * @param consistency the RFC 9162 consistency proof from the size the request named to {@code size},
 *                    or {@code null} (omitted) when the request named none, or one not below {@code size}
 */
public record ReceiptView(long index, String leaf, @JsonbProperty("leaf_hash") String leafHash, long size,
                          List<String> proof, String checkpoint, ConsistencyProofView consistency) {

    /** A receipt without a consistency proof. */
    public ReceiptView(long index, String leaf, String leafHash, long size, List<String> proof, String checkpoint) {
        this(index, leaf, leafHash, size, proof, checkpoint, null);
    }

    /** @return this receipt with {@code consistency} as its consistency proof */
    public ReceiptView withConsistency(ConsistencyProofView consistency) {
        return new ReceiptView(index, leaf, leafHash, size, proof, checkpoint, consistency);
    }
}
