package org.electionpool.hub.audit.internal;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.Map;
import org.electionpool.hub.api.audit.AuditAction;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.audit.AuditEvent;
import org.electionpool.hub.audit.AuditLog;
import org.electionpool.hub.crypto.HubKeys;

/**
 * At start-up, records each of the hub's own signing keys that the log does not hold yet as a
 * {@code hub.key.published} entry (kid, RFC 7638 thumbprint): the log then proves which key signed
 * the hub's attestations of persons' UI requests, as {@code key.added} entries prove organisations'
 * keys (docs/audit-log.md, Attested entries). Two nodes starting at once may both record a key;
 * the verifier takes the first entry. It also starts this node's audit sequencer (ADR 0011).
 */
@Singleton
@Startup
@DependsOn({"SchemaMigrator", "HubKeyStoreLoader"})
public class HubKeyRecorder {

    @Inject
    HubKeys hubKeys;

    @Inject
    AuditLog auditLog;

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    @Inject
    AuditSequencer sequencer;

    @PostConstruct
    void record() {
        // This node's sequencer integrates pending entries from now on, also those other nodes left.
        sequencer.start(hubKeys.auditLogKey());
        for (HubKeys.PublishedKey key : hubKeys.publishedSigningKeys()) {
            boolean known = !em.createNativeQuery("select idx from audit_entry where action = 'hub.key.published'"
                    + " and target_id = ?1").setParameter(1, key.kid()).setMaxResults(1).getResultList().isEmpty();
            if (!known) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("kid", key.kid());
                details.put("thumbprint", key.thumbprint());
                details.put("use", "sig");
                auditLog.append(new AuditEvent(AuditContext.system("hub-key-recorder"), AuditAction.HUB_KEY_PUBLISHED,
                        "hub_key", key.kid(), details));
            }
        }
    }
}
