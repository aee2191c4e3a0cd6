package org.electionpool.hub.api.audit;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/**
 * The {@code receipt} claim of an audited HXP/1 answer (docs/audit-log.md §5): the entry the
 * request produced and everything needed to check, on the spot, that it is in the log — the leaf
 * bytes, its RFC 9162 inclusion proof in the tree of {@code size} entries, and the signed
 * checkpoint of that tree.
 *
 * <p>Invariant: {@code size} is {@code index + 1} and {@code checkpoint} states {@code size}; the
 * proof leads from {@code SHA-256(0x00 ‖ leaf)} to the checkpoint's root.
 *
 * @param index      the entry's index
 * @param leaf       the exact leaf bytes (RFC 8785 canonical JSON), standard base64
 * @param leafHash   SHA-256(0x00 ‖ leaf), standard base64
 * @param size       the tree size of the checkpoint
 * @param proof      the RFC 9162 inclusion proof, standard base64
 * @param checkpoint the C2SP signed checkpoint of the tree of {@code size} entries
 */
public record ReceiptView(long index, String leaf, @JsonbProperty("leaf_hash") String leafHash, long size,
                          List<String> proof, String checkpoint) {
}
