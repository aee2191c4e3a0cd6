package org.electionpool.hub.api.audit;

import java.util.List;

/**
 * {@code GET /api/v1/audit/proofs/consistency?from=M&to=N} (docs/audit-log.md): the RFC 9162
 * consistency proof between the trees of sizes {@code from} and {@code to}.
 *
 * @param from  the older tree size
 * @param to    the newer tree size
 * @param proof the proof's hashes, standard base64, in RFC 9162 order
 */
public record ConsistencyProofView(long from, long to, List<String> proof) {
}
