package org.electionpool.hub.api.organizations;

import jakarta.ejb.Local;
import java.util.List;
import java.util.Optional;
import org.electionpool.hub.api.security.Caller;

/**
 * The organisation registry.
 *
 * <p>Implementations are transactional EJBs: each call is one transaction; a refused call
 * ({@link org.electionpool.hub.api.problem.HubException}) changes nothing.
 *
 * <p>Authorisation, decided here for every tier: any caller reads the directory (its entries are
 * public to members); only the hub operator — or the hub itself, {@link Caller#system} — registers
 * organisations.
 */
@Local
public interface OrganizationService {

    /**
     * Registers an organisation in status {@link OrganizationStatus#ACTIVE} and records
     * {@code organization.created} in the audit log, in the same transaction.
     *
     * @param caller  who asks: the hub operator or the hub itself
     * @param context the caller's audit context (the same organisation and channel)
     * @param request a bean-validated request
     * @return the new directory entry
     * @throws org.electionpool.hub.api.problem.HubException {@code FORBIDDEN} for any caller but the
     *         operator or the hub itself (checked first: a refused call writes nothing);
     *         {@code VALIDATION_FAILED} for the id reserved for the hub ({@link Caller#HUB});
     *         {@code ALREADY_EXISTS} if the id is taken
     * @throws IllegalArgumentException if the context is not the caller's
     */
    OrganizationView create(Caller caller, org.electionpool.hub.api.audit.AuditContext context, CreateOrganizationRequest request);

    /**
     * @param caller who asks: anyone
     * @param id     the organisation id
     * @return the directory entry, or empty if there is no such organisation
     */
    Optional<OrganizationView> find(Caller caller, OrganizationId id);

    /**
     * @param caller who asks: anyone
     * @return every organisation, ordered by id
     */
    List<OrganizationView> list(Caller caller);

    /**
     * Suspends an organisation or makes it active again, and records {@code organization.suspended}
     * or {@code organization.reactivated}. While suspended, nothing signed with its keys is accepted,
     * its people and TAXII credentials cannot sign in, it receives no new case, event or webhook,
     * and it is no recipient of indicators; its data and its audit entries stay.
     *
     * @param caller  who asks: the hub operator or the hub itself
     * @param context the caller's audit context
     * @param id      the organisation, or {@code null} for an id that is not one (then {@code NOT_FOUND}, after the caller's check)
     * @param status  the new status
     * @param reason  why (at most 500 characters), recorded in the entry
     * @return the directory entry after the change
     * @throws org.electionpool.hub.api.problem.HubException {@code FORBIDDEN} for any caller but the
     *         operator or the hub; {@code NOT_FOUND} for an unknown organisation; {@code CONFLICT}
     *         when it already has that status, or for the hub operator's own organisation
     */
    OrganizationView setStatus(Caller caller, org.electionpool.hub.api.audit.AuditContext context, OrganizationId id,
                               OrganizationStatus status, String reason);
}
