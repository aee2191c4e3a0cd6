package org.electionpool.hub.bench.audit;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.api.audit.CanonicalJson;
import org.electionpool.hub.api.audit.MerkleTree;

/**
 * The leaf of one audit entry, built as {@code AuditLogBean.append} builds it (hub-ejb,
 * {@code org.electionpool.hub.audit.internal}): the same members in the same order, absent values
 * left out, a 16-byte nonce, {@code details} only when not empty, the evidence of an oversized
 * {@code request.refused} withheld, RFC 8785 canonical JSON, RFC 9162 leaf hash.
 *
 * <p>A copy, not a call: {@code append} is an EJB method that reads the head and writes rows in one
 * go. Keep it in step with {@code AuditLogBean} (the H2 test {@code AuditSeederTest} checks the bulk
 * path against {@link JdbcAuditLog}, not against the bean).
 */
public final class AuditLeaves {

    /** {@code AuditLogBean.MAX_REFUSED_EVIDENCE}: largest evidence of a refusal that is kept. */
    static final int MAX_REFUSED_EVIDENCE = 64 * 1024;

    private static final Base64.Encoder B64 = Base64.getEncoder();

    private AuditLeaves() {
    }

    /**
     * One built entry: what {@code append} writes to {@code audit_entry} and hashes into the tree.
     *
     * @param index      the entry's index
     * @param now        the recording instant ({@code recorded_at}, and the leaf's {@code timestamp})
     * @param action     the action
     * @param leaf       the leaf bytes (canonical JSON, UTF-8)
     * @param leafHash   {@code MerkleTree.hashLeaf(leaf)}
     * @param actorOrg   the acting organisation, or {@code null}
     * @param jti        the request's token id, or {@code null}
     * @param targetType the target type, or {@code null}
     * @param targetId   the target id, or {@code null}
     * @param evidence   the evidence stored beside the leaf, or {@code null} (none, or withheld)
     */
    public record Leaf(long index, Instant now, String action, byte[] leaf, byte[] leafHash, String actorOrg,
                       String jti, String targetType, String targetId, String evidence) {
    }

    /**
     * Builds the leaf of entry {@code index} as {@code AuditLogBean.append} does.
     *
     * @param index      the entry's index (the head's size before the append)
     * @param now        the clock's instant
     * @param context    who acted, through which signed message
     * @param action     the action
     * @param targetType the target type, or {@code null}
     * @param targetId   the target id, or {@code null}
     * @param details    action-specific members, or {@code null}
     * @param nonces     the nonce source ({@code SecureRandom} in the hub)
     * @return the built entry
     */
    public static Leaf build(long index, Instant now, AuditContext context, String action, String targetType,
                             String targetId, Map<String, Object> details, Random nonces) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("index", index);
        entry.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(now));
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
        byte[] nonce = new byte[16];
        nonces.nextBytes(nonce);
        entry.put("nonce", B64.encodeToString(nonce));
        if (details != null && !details.isEmpty()) {
            entry.put("details", details);
        }
        String evidence = context.evidence();
        if (evidence != null && "request.refused".equals(action) && evidence.length() > MAX_REFUSED_EVIDENCE) {
            entry.put("evidence_withheld", "size");
            evidence = null;
        }
        byte[] leaf = CanonicalJson.write(entry);
        return new Leaf(index, now, action, leaf, MerkleTree.hashLeaf(leaf), actor, context.jti(), targetType, targetId,
                evidence);
    }

    private static void putIfPresent(Map<String, Object> entry, String name, String value) {
        if (value != null) {
            entry.put(name, value);
        }
    }
}
