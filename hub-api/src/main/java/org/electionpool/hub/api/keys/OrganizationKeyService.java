package org.electionpool.hub.api.keys;

import jakarta.ejb.Local;
import java.util.List;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.api.organizations.OrganizationId;
import org.electionpool.hub.api.security.Caller;

/**
 * The key registry. Keys reach the hub only through here: never from a message header.
 *
 * <p>Every change is recorded in the audit log in the same transaction ({@code key.added},
 * {@code key.retired}, {@code key.revoked}; target type {@code organization}, target id the
 * organisation, {@code details.kid} the key), with the sender's signed message as evidence.
 *
 * <p>Authorisation, decided here for every tier: any caller reads an organisation's keys (they
 * are public); the organisation itself (rotation without the operator), the hub operator and the
 * hub itself ({@link Caller#system}) add, retire and revoke them. Anybody else gets
 * {@code FORBIDDEN} — checked before the organisation is looked up, so a refused caller learns
 * nothing about it. A change also needs an audit context naming the caller
 * ({@link IllegalArgumentException} otherwise).
 */
@Local
public interface OrganizationKeyService {

    /**
     * Registers an active public key.
     *
     * @param caller the organisation itself or the operator
     * @throws org.electionpool.hub.api.problem.HubException {@code FORBIDDEN} for anybody else; {@code NOT_FOUND} for an unknown
     *         organisation, {@code VALIDATION_FAILED} for an unacceptable key, {@code ALREADY_EXISTS}
     *         if the kid is taken in the organisation or the key material is registered anywhere
     */
    OrganizationKeyView add(Caller caller, AuditContext context, OrganizationId organization, AddKeyRequest request);

    /**
     * Retires an active key: from now on no new message signed with it is accepted.
     *
     * @param caller the organisation itself or the operator
     * @throws org.electionpool.hub.api.problem.HubException {@code FORBIDDEN} for anybody else; {@code NOT_FOUND}, or {@code CONFLICT}
     *         if the key is not active
     */
    OrganizationKeyView retire(Caller caller, AuditContext context, OrganizationId organization, KeyId kid);

    /**
     * Revokes a key (active or retired): from now on nothing signed with it is accepted.
     *
     * @param caller the organisation itself or the operator
     * @throws org.electionpool.hub.api.problem.HubException {@code FORBIDDEN} for anybody else; {@code NOT_FOUND}, or {@code CONFLICT}
     *         if it is already revoked
     */
    OrganizationKeyView revoke(Caller caller, AuditContext context, OrganizationId organization, KeyId kid);

    /**
     * @param caller who asks: anyone
     * @return every key of the organisation, newest first, with its history
     * @throws org.electionpool.hub.api.problem.HubException {@code NOT_FOUND} for an unknown organisation
     */
    List<OrganizationKeyView> list(Caller caller, OrganizationId organization);
}
