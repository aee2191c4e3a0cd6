package org.electionpool.hub.organizations.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.api.audit.AuditAction;
import org.electionpool.hub.audit.AuditEvent;
import org.electionpool.hub.audit.AuditLog;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.electionpool.hub.api.keys.AddKeyRequest;
import org.electionpool.hub.api.keys.KeyId;
import org.electionpool.hub.api.keys.OrganizationKeyService;
import org.electionpool.hub.api.keys.OrganizationKeyView;
import org.electionpool.hub.api.organizations.OrganizationId;
import org.electionpool.hub.api.problem.HubException;
import org.electionpool.hub.api.problem.ProblemType;
import org.electionpool.hub.api.security.Authorization;
import org.electionpool.hub.api.security.Caller;
import org.electionpool.hub.api.security.Role;
import org.electionpool.hub.crypto.CertificateAuthority;
import org.electionpool.hub.crypto.HubKeys;
import org.electionpool.hub.crypto.ParsedPublicKey;
import org.electionpool.hub.crypto.PublicKeys;
import org.electionpool.hub.crypto.UnacceptableKeyException;
import org.electionpool.hub.organizations.domain.DuplicateKeyException;
import org.electionpool.hub.organizations.domain.OrganizationKey;
import org.electionpool.hub.organizations.domain.OrganizationKeyRepository;
import org.electionpool.hub.organizations.domain.OrganizationRepository;

/**
 * The key registry as a transactional EJB. Authorises every change itself
 * ({@link OrganizationKeyService}): the organisation itself or the operator, checked before the
 * organisation or key is looked up.
 */
@Stateless
public class OrganizationKeyServiceBean implements OrganizationKeyService {

    @Inject
    OrganizationRepository organizations;

    @Inject
    OrganizationKeyRepository keys;

    @Inject
    Clock clock;

    @Inject
    HubKeys hubKeys;

    @Inject
    AuditLog auditLog;

    @Override
    public OrganizationKeyView add(Caller caller, AuditContext context, OrganizationId organization, AddKeyRequest request) {
        Authorization.requireRole(caller, Role.ORG_ADMIN, Role.OPERATOR);
        authorizeChange(caller, context, organization);
        requireOrganization(organization);
        ParsedPublicKey parsed;
        int given = (request.jwk() != null ? 1 : 0) + (request.pem() != null ? 1 : 0) + (request.csr() != null ? 1 : 0);
        String field = request.jwk() != null ? "jwk" : request.pem() != null ? "pem" : "csr";
        try {
            if (given != 1) {
                throw new UnacceptableKeyException("give exactly one of jwk, pem and csr");
            }
            if (request.csr() != null) {
                CertificateAuthority ca = hubKeys.certificateAuthority().orElseThrow(() -> new HubException(
                        ProblemType.CONFLICT, "This hub has no certificate authority; register a JWK or PEM key instead."));
                parsed = PublicKeys.fromCsr(request.csr(), request.use(), request.kid(), organization.value(), ca,
                        clock.instant());
            } else {
                parsed = PublicKeys.parse(request.jwk(), request.pem(), request.use(), request.kid());
            }
        } catch (UnacceptableKeyException e) {
            throw HubException.invalidField(field, e.getMessage());
        }
        OrganizationKey key = new OrganizationKey(organization, new KeyId(parsed.kid()), parsed.use(),
                parsed.keyType(), parsed.algorithm(), parsed.jwkJson(), parsed.thumbprint(), clock.instant());
        try {
            keys.add(key);
        } catch (DuplicateKeyException e) {
            throw new HubException(ProblemType.ALREADY_EXISTS, "The key id is taken in this organisation, or the key is registered already.");
        }
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("kid", key.kid().value());
        details.put("use", key.use().name());
        details.put("thumbprint", parsed.thumbprint());
        details.put("certified", request.csr() != null);
        record(context, AuditAction.KEY_ADDED, organization, details);
        return toView(key);
    }

    @Override
    public OrganizationKeyView retire(Caller caller, AuditContext context, OrganizationId organization, KeyId kid) {
        Authorization.requireRole(caller, Role.ORG_ADMIN, Role.OPERATOR);
        authorizeChange(caller, context, organization);
        OrganizationKey key = require(organization, kid);
        try {
            key.retire(clock.instant());
        } catch (IllegalStateException e) {
            throw new HubException(ProblemType.CONFLICT, "Only an active key can be retired; this key is " + key.status() + ".");
        }
        record(context, AuditAction.KEY_RETIRED, organization, Map.of("kid", kid.value()));
        return toView(key);
    }

    @Override
    public OrganizationKeyView revoke(Caller caller, AuditContext context, OrganizationId organization, KeyId kid) {
        Authorization.requireRole(caller, Role.ORG_ADMIN, Role.OPERATOR);
        authorizeChange(caller, context, organization);
        OrganizationKey key = require(organization, kid);
        try {
            key.revoke(clock.instant());
        } catch (IllegalStateException e) {
            throw new HubException(ProblemType.CONFLICT, "The key is already revoked.");
        }
        record(context, AuditAction.KEY_REVOKED, organization, Map.of("kid", kid.value()));
        return toView(key);
    }

    @Override
    public List<OrganizationKeyView> list(Caller caller, OrganizationId organization) {
        java.util.Objects.requireNonNull(caller, "caller"); // keys are public: anyone may read them
        requireOrganization(organization);
        return keys.findAll(organization).stream().map(OrganizationKeyServiceBean::toView).toList();
    }

    private static void authorizeChange(Caller caller, AuditContext context, OrganizationId organization) {
        Authorization.requireSameActor(caller, context);
        Authorization.requireSelfOrOperator(caller, organization);
    }

    private void record(AuditContext context, AuditAction action, OrganizationId organization, Map<String, Object> details) {
        auditLog.append(new AuditEvent(context, action, OrganizationServiceBean.TARGET_TYPE, organization.value(), details));
    }

    private void requireOrganization(OrganizationId organization) {
        if (organizations.find(organization).isEmpty()) {
            throw HubException.notFound("Organisation");
        }
    }

    private OrganizationKey require(OrganizationId organization, KeyId kid) {
        return keys.find(organization, kid).orElseThrow(() -> HubException.notFound("Key"));
    }

    static OrganizationKeyView toView(OrganizationKey key) {
        Map<String, Object> jwk = PublicKeys.toMap(key.jwk());
        return new OrganizationKeyView(key.organization().value(), key.kid().value(), key.use(), key.status(), jwk,
                key.createdAt(), key.retiredAt(), key.revokedAt());
    }
}
