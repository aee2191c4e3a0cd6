package org.electionpool.hub.audit.domain;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.protocol.json.CanonicalJson;
import org.electionpool.hub.protocol.log.MerkleTree;

/**
 * One audit entry as the log stores and hashes it (docs/audit-log.md, "Entries and leaves"): the
 * leaf is RFC 8785 canonical JSON of {@code index}, {@code timestamp}, {@code action},
 * {@code channel} and — when known — {@code actor_org}, {@code actor_principal},
 * {@code target_type}, {@code target_id}, {@code jti}, {@code body_sha256}, {@code evidence_sha256},
 * {@code received_at}, then a 16-byte {@code nonce} and {@code details} when not empty; absent values
 * are left out, never {@code null}. The evidence of a {@code request.refused} larger than
 * {@link #MAX_REFUSED_EVIDENCE} is committed to by its digest but not kept
 * ({@code evidence_withheld: "size"}). The leaf hash is RFC 9162's {@code SHA-256(0x00 ‖ leaf)}.
 *
 * <p>Plain Java, so the hub's append and the bulk tools of hub-bench build byte-identical leaves.
 *
 * @param index      the entry's index
 * @param recordedAt the recording instant ({@code recorded_at}, and the leaf's {@code timestamp})
 * @param action     the action
 * @param leaf       the canonical JSON bytes
 * @param leafHash   {@code MerkleTree.hashLeaf(leaf)}
 * @param actorOrg   the acting organisation, or {@code null}
 * @param jti        the request's token id, or {@code null}
 * @param targetType the target type, or {@code null}
 * @param targetId   the target id, or {@code null}
 * @param evidence   the evidence to store beside the leaf, or {@code null} (none, or withheld)
 */
public record AuditLeaf(long index, Instant recordedAt, String action, byte[] leaf, byte[] leafHash, String actorOrg,
                        String jti, String targetType, String targetId, String evidence) {

    /** Largest signed message kept as evidence of a refused request (characters); larger ones are withheld. */
    public static final int MAX_REFUSED_EVIDENCE = 64 * 1024;

    /** Bytes of the nonce that makes a leaf unguessable from its public hash. */
    public static final int NONCE_BYTES = 16;

    /**
     * @param index      the entry's index (the log's size before the append)
     * @param recordedAt the clock's instant
     * @param context    who acted, through which signed message
     * @param action     the action, e.g. {@code organization.created}
     * @param targetType what the action is about, or {@code null}
     * @param targetId   the target's id, or {@code null}
     * @param details    action-specific members, or {@code null}
     * @param nonce      {@link #NONCE_BYTES} random bytes (from a {@code SecureRandom})
     * @return the entry
     */
    public static AuditLeaf build(long index, Instant recordedAt, AuditContext context, String action, String targetType,
                                  String targetId, Map<String, Object> details, byte[] nonce) {
        if (nonce.length != NONCE_BYTES) {
            throw new IllegalArgumentException("the nonce has " + NONCE_BYTES + " bytes");
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("index", index);
        entry.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(recordedAt));
        entry.put("action", action);
        entry.put("channel", context.channel().name());
        String actor = context.actorOrg() == null ? null : context.actorOrg().value();
        putIfPresent(entry, "actor_org", actor);
        putIfPresent(entry, "actor_principal", context.actorPrincipal());
        putIfPresent(entry, "target_type", targetType);
        putIfPresent(entry, "target_id", targetId);
        putIfPresent(entry, "jti", context.jti());
        putIfPresent(entry, "body_sha256", context.bodySha256());
        putIfPresent(entry, "evidence_sha256", context.evidence() == null ? null : AuditContext.sha256(context.evidence()));
        putIfPresent(entry, "received_at", context.receivedAt() == null ? null
                : DateTimeFormatter.ISO_INSTANT.format(context.receivedAt()));
        entry.put("nonce", Base64.getEncoder().encodeToString(nonce));
        if (details != null && !details.isEmpty()) {
            entry.put("details", details);
        }
        String evidence = context.evidence();
        if (evidence != null && org.electionpool.hub.api.audit.AuditAction.REQUEST_REFUSED.action().equals(action) && evidence.length() > MAX_REFUSED_EVIDENCE) {
            entry.put("evidence_withheld", "size"); // committed to by its digest, not kept: no free storage for refusals
            evidence = null;
        }
        byte[] leaf = CanonicalJson.write(entry);
        return new AuditLeaf(index, recordedAt, action, leaf, MerkleTree.hashLeaf(leaf), actor, context.jti(), targetType,
                targetId, evidence);
    }

    private static void putIfPresent(Map<String, Object> entry, String name, String value) {
        if (value != null) {
            entry.put(name, value);
        }
    }
}
