package org.electionpool.hub.hxp.internal;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.electionpool.hub.api.audit.AuditContext;
import java.util.Optional;
import org.electionpool.hub.api.hxp.EnvelopeService;
import org.electionpool.hub.api.hxp.IncomingRequest;
import org.electionpool.hub.api.hxp.OpenedRequest;
import org.electionpool.hub.api.keys.KeyId;
import org.electionpool.hub.api.keys.KeyUse;
import org.electionpool.hub.api.organizations.OrganizationId;
import org.electionpool.hub.api.organizations.OrganizationStatus;
import org.electionpool.hub.api.audit.AuditAction;
import org.electionpool.hub.audit.AuditEvent;
import org.electionpool.hub.audit.AuditLog;
import org.electionpool.hub.audit.RefusalThrottle;
import org.electionpool.hub.crypto.HubKeys;
import org.electionpool.hub.crypto.HxpEnvelope;
import org.electionpool.hub.organizations.domain.Organization;
import org.electionpool.hub.organizations.domain.OrganizationKey;
import org.electionpool.hub.organizations.domain.OrganizationKeyRepository;
import org.electionpool.hub.organizations.domain.OrganizationRepository;
import org.electionpool.hub.system.HubConfiguration;
import org.electionpool.hub.system.JdbcErrors;

/**
 * {@link EnvelopeService} on {@link HxpEnvelope}: binds the envelope to the key registry and to
 * the replay store in the database. Each call is one transaction, so the replay record commits
 * before the business call runs, whatever its outcome; a refused request rolls back (nothing
 * remembered) and is recorded by {@link #recordRefusal} as an audit-log entry, in a transaction
 * of its own.
 */
@Stateless
public class EnvelopeServiceBean implements EnvelopeService {

    @Inject
    HubKeys hubKeys;

    @EJB
    RefusalThrottle refusals;

    @Inject
    HubConfiguration configuration;

    @Inject
    OrganizationRepository organizations;

    @Inject
    OrganizationKeyRepository keys;

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    @Inject
    AuditLog auditLog;

    private HxpEnvelope envelope;

    @PostConstruct
    void init() {
        envelope = new HxpEnvelope(hubKeys, configuration.issuer().toString(), clock);
    }

    private final HxpEnvelope.SenderKeys registry = new HxpEnvelope.SenderKeys() {
        @Override
        public Optional<HxpEnvelope.SenderKey> find(OrganizationId issuer, KeyId kid) {
            Optional<Organization> organization = organizations.find(issuer);
            if (organization.isEmpty()) {
                return Optional.empty();
            }
            return keys.find(issuer, kid).map(k -> new HxpEnvelope.SenderKey(organization.get().kind(),
                    organization.get().status() == OrganizationStatus.ACTIVE, k.isActive(), k.use(), k.algorithm(), k.jwk()));
        }

        @Override
        public Optional<String> encryptionKey(OrganizationId organization) {
            return keys.findActive(organization, KeyUse.ENC).stream().findFirst().map(OrganizationKey::jwk);
        }
    };

    private boolean firstUse(OrganizationId issuer, String jti, Instant until) {
        try {
            em.createNativeQuery("insert into hxp_replay (issuer, jti, expires_at) values (?1, ?2, ?3)")
                    .setParameter(1, issuer.value()).setParameter(2, jti).setParameter(3, until)
                    .executeUpdate();
            return true;
        } catch (PersistenceException e) {
            if (JdbcErrors.isIntegrityViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public OpenedRequest open(IncomingRequest request) {
        return envelope.open(request, registry, this::firstUse);
    }

    @Override
    public String seal(OrganizationId recipient, String inReplyTo, int status, String json, boolean problem,
                       String receipt) {
        String key = registry.encryptionKey(recipient)
                .orElseThrow(() -> new IllegalStateException("no active encryption key for " + recipient));
        return envelope.seal(key, recipient, inReplyTo, status, json, problem, receipt);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public String sealReply(OpenedRequest opened, int status, String json, boolean problem, String receipt) {
        // The reply key came with the request (OpenedRequest never lacks one): no registry read.
        return envelope.seal(opened.replyKey(), opened.caller().organization(), opened.jti(), status, json, problem,
                receipt);
    }

    @Override
    public String sealEvent(OrganizationId recipient, String eventJson) {
        String key = registry.encryptionKey(recipient)
                .orElseThrow(() -> new IllegalStateException("no active encryption key for " + recipient));
        return envelope.sealEvent(key, recipient, eventJson);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordRefusal(AuditContext context, String problemType, int status, String method, String path,
                              String remoteAddress) {
        if (context.actorOrg() == null && !refusals.admit(remoteAddress, problemType)) {
            return; // counted into the address's request.refused.throttled summary instead
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("reason", truncate(problemType, 64));
        fields.put("status", status);
        fields.put("method", truncate(method == null ? "-" : method.toUpperCase(Locale.ROOT), 16));
        fields.put("path", truncate(path == null ? "-" : path, 512));
        fields.put("remote_address", truncate(remoteAddress == null ? "-" : remoteAddress, 64));
        auditLog.append(new AuditEvent(context, AuditAction.REQUEST_REFUSED, null, null, fields));
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
