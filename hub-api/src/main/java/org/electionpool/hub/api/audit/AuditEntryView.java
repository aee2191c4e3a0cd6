package org.electionpool.hub.api.audit;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * One audit entry as served to auditors: its exact leaf bytes, from which everything else follows,
 * and — for reading, never for verifying — a few of the leaf's members.
 *
 * @param index      the entry's index
 * @param leaf       the leaf bytes (RFC 8785 canonical JSON of the entry), standard base64
 * @param leafHash   SHA-256(0x00 ‖ leaf), standard base64
 * @param action     the leaf's {@code action}
 * @param timestamp  the leaf's {@code timestamp}
 * @param actorOrg   the leaf's {@code actor_org}, or {@code null}
 * @param targetType the leaf's {@code target_type}, or {@code null}
 * @param targetId   the leaf's {@code target_id}, or {@code null}
 * @param evidence   the sender's compact JWS exactly as received (its SHA-256 is the leaf's
 *                   {@code evidence_sha256}), or {@code null} when the entry has none
 */
@JsonbPropertyOrder({"index", "leaf", "leafHash", "action", "timestamp", "actorOrg", "targetType", "targetId", "evidence"})
public record AuditEntryView(long index, String leaf, @JsonbProperty("leaf_hash") String leafHash, String action,
                             String timestamp, @JsonbProperty("actor_org") String actorOrg,
                             @JsonbProperty("target_type") String targetType,
                             @JsonbProperty("target_id") String targetId, String evidence) {

    /**
     * @param index    the index
     * @param leafText the leaf (canonical JSON text)
     * @param leaf     the leaf parsed (its members), from which the readable members are copied
     * @param leafHash its hash, standard base64
     * @param evidence the evidence, or {@code null}
     * @return the view, with the readable members copied from the leaf
     */
    public static AuditEntryView of(long index, String leafText, Map<?, ?> leaf, String leafHash, String evidence) {
        return new AuditEntryView(index, Base64.getEncoder().encodeToString(leafText.getBytes(StandardCharsets.UTF_8)),
                leafHash, string(leaf, "action"), string(leaf, "timestamp"), string(leaf, "actor_org"),
                string(leaf, "target_type"), string(leaf, "target_id"), evidence);
    }

    private static String string(Map<?, ?> leaf, String name) {
        return leaf.get(name) instanceof String s ? s : null;
    }
}
