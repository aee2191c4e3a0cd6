package org.electionpool.hub.bench.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Random;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.audit.domain.AuditLeaf;

/**
 * Leaves for the bench tools, built by the hub's own {@link AuditLeaf#build} (hub-ejb,
 * {@code org.electionpool.hub.audit.domain}) — the code {@code AuditLogBean.append} calls — with
 * the nonce from the tool's random source.
 */
public final class AuditLeaves {

    private AuditLeaves() {
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
    public static AuditLeaf build(long index, Instant now, AuditContext context, String action, String targetType,
                                  String targetId, Map<String, Object> details, Random nonces) {
        byte[] nonce = new byte[AuditLeaf.NONCE_BYTES];
        nonces.nextBytes(nonce);
        return AuditLeaf.build(index, now, context, action, targetType, targetId, details, nonce);
    }
}
