package org.electionpool.hub.organizations.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Map;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.api.audit.AuditAction;
import org.electionpool.hub.audit.AuditEvent;
import org.electionpool.hub.audit.AuditLog;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.electionpool.hub.api.organizations.CreateOrganizationRequest;
import org.electionpool.hub.api.organizations.OrganizationId;
import org.electionpool.hub.api.organizations.OrganizationKind;
import org.electionpool.hub.api.organizations.OrganizationStatus;
import org.electionpool.hub.api.organizations.OrganizationService;
import org.electionpool.hub.api.organizations.OrganizationView;
import org.electionpool.hub.api.problem.HubException;
import org.electionpool.hub.api.problem.ProblemType;
import org.electionpool.hub.api.security.Authorization;
import org.electionpool.hub.api.security.Caller;
import org.electionpool.hub.api.security.Role;
import org.electionpool.hub.organizations.domain.DuplicateOrganizationException;
import org.electionpool.hub.organizations.domain.Organization;
import org.electionpool.hub.organizations.domain.OrganizationRepository;

/**
 * The organisation registry as a transactional EJB (one transaction per call). Authorises every
 * call itself ({@link OrganizationService}): registration is the operator's (or the hub's own),
 * checked before anything is read or written.
 */
@Stateless
public class OrganizationServiceBean implements OrganizationService {

    /** The audit-log target type of organisations and their keys. */
    static final String TARGET_TYPE = "organization";

    @Inject
    OrganizationRepository repository;

    @Inject
    Clock clock;

    @Inject
    AuditLog auditLog;

    @Override
    public OrganizationView create(Caller caller, AuditContext context, CreateOrganizationRequest request) {
        Authorization.requireRole(caller, Role.OPERATOR);
        Authorization.requireSameActor(caller, context);
        Authorization.requireOperator(caller);
        OrganizationId id = OrganizationId.parse(request.id())
                .orElseThrow(() -> HubException.invalidField("id", "must be a valid organisation id"));
        if (id.equals(Caller.HUB)) {
            throw HubException.invalidField("id", "is reserved for the hub itself");
        }
        Organization organization = new Organization(id, request.name(), request.kind(), request.country(),
                request.contactPoint(), clock.instant());
        try {
            repository.add(organization);
        } catch (DuplicateOrganizationException e) {
            throw new HubException(ProblemType.ALREADY_EXISTS, "An organisation with this id already exists.");
        }
        auditLog.append(new AuditEvent(context, AuditAction.ORGANIZATION_CREATED, TARGET_TYPE, id.value(),
                Map.of("kind", request.kind().name(), "country", request.country())));
        return OrganizationAssembler.toView(organization);
    }

    @Override
    public OrganizationView setStatus(Caller caller, AuditContext context, OrganizationId id, OrganizationStatus status,
                                      String reason) {
        Authorization.requireRole(caller, Role.OPERATOR);
        Authorization.requireSameActor(caller, context);
        Authorization.requireOperator(caller);
        java.util.Objects.requireNonNull(status, "status");
        Organization organization = (id == null ? Optional.<Organization>empty() : repository.find(id))
                .orElseThrow(() -> HubException.notFound("Organisation"));
        if (organization.kind() == OrganizationKind.OPERATOR) {
            throw new HubException(ProblemType.CONFLICT, "The hub operator's own organisation cannot be suspended.");
        }
        if (organization.status() == status) {
            throw new HubException(ProblemType.CONFLICT, "The organisation already has this status.");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.length() > 500) {
            throw HubException.invalidField("reason", "must be at most 500 characters");
        }
        organization.changeStatus(status, clock.instant());
        auditLog.append(new AuditEvent(context, status == OrganizationStatus.SUSPENDED ? AuditAction.ORGANIZATION_SUSPENDED
                : AuditAction.ORGANIZATION_REACTIVATED, TARGET_TYPE, organization.id().value(), Map.of("reason", why)));
        return OrganizationAssembler.toView(organization);
    }

    @Override
    public Optional<OrganizationView> find(Caller caller, OrganizationId id) {
        java.util.Objects.requireNonNull(caller, "caller"); // anyone may read the directory
        return repository.find(id).map(OrganizationAssembler::toView);
    }

    @Override
    public List<OrganizationView> list(Caller caller) {
        java.util.Objects.requireNonNull(caller, "caller"); // anyone may read the directory
        return repository.findAll().stream().map(OrganizationAssembler::toView).toList();
    }
}
