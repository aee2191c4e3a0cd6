package org.electionpool.hub.api.audit;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * One audit entry as served to auditors: its exact leaf bytes, from which everything else follows.
 *
 * @param index    the entry's index
 * @param leaf     the leaf bytes (RFC 8785 canonical JSON of the entry), standard base64
 * @param leafHash SHA-256(0x00 ‖ leaf), standard base64
 * @param evidence the sender's compact JWS exactly as received (its SHA-256 is the leaf's
 *                 {@code evidence_sha256}), or {@code null} when the entry has none
 */
public record AuditEntryView(long index, String leaf, @JsonbProperty("leaf_hash") String leafHash, String evidence) {
}
