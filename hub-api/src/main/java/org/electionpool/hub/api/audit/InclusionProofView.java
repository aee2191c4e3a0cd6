package org.electionpool.hub.api.audit;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/**
 * {@code GET /api/v1/audit/proofs/inclusion?index=I&size=N} (docs/audit-log.md).
 *
 * @param index    the entry's index
 * @param size     the tree size the proof is for
 * @param leafHash the entry's leaf hash, standard base64
 * @param proof    the RFC 9162 audit path, standard base64
 */
public record InclusionProofView(long index, long size, @JsonbProperty("leaf_hash") String leafHash, List<String> proof) {
}
