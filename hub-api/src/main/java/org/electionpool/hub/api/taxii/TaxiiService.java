package org.electionpool.hub.api.taxii;

import jakarta.ejb.Local;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.api.security.Caller;

/**
 * The TAXII 2.1 server (docs/taxii.md): credentials, issued over HXP/1 so that issuing one is a
 * signed, logged act, and the TAXII requests of CTI tools. A collection is a view of the
 * indicators the caller may read ({@code IndicatorService}'s rule): the community feed
 * ({@code CLEAR}/{@code GREEN}), one per sharing group the caller belongs to, what is shared with
 * the caller by name (the only collection that carries {@code RED}) and what the caller published.
 * Every request is one transaction with its audit entry (channel {@code TAXII}, the credential as
 * principal, the filter and the number of objects served).
 */
@Local
public interface TaxiiService {

    /**
     * The id of the community collection, the same for everyone (UUIDv5 in the STIX namespace over
     * {@code taxii-collection:community}); the other collections' ids are per organisation or group.
     */
    String COMMUNITY_COLLECTION = "3f4790a6-7f9f-5db9-a830-c345b9a9aa96";

    /**
     * @param username the Basic user name, or {@code null} for a Bearer token
     * @param token    the token as sent
     * @return the caller (channel {@code TAXII}) of a live credential of an active organisation;
     *         empty otherwise (the same for every reason)
     */
    Optional<Caller> authenticate(String username, String token);

    /**
     * Issues a credential for the caller's organisation ({@code taxii.credential.issued}).
     *
     * @throws org.electionpool.hub.api.problem.HubException {@code FORBIDDEN} for the hub itself, a TAXII
     *         caller, or a person without {@code ORG_ADMIN} (a machine caller over HXP/1 holds every role)
     */
    IssuedTaxiiCredential issue(Caller caller, AuditContext context, TaxiiCredentialRequest request);

    /** @return the caller organisation's credentials ({@code taxii.credential.list.read}) */
    TaxiiCredentialList credentials(Caller caller, AuditContext context);

    /**
     * Revokes one of the caller organisation's credentials at once ({@code taxii.credential.revoked}).
     *
     * @throws org.electionpool.hub.api.problem.HubException {@code NOT_FOUND} for another organisation's
     *         or an unknown user name; {@code CONFLICT} when already revoked
     */
    void revoke(Caller caller, AuditContext context, String username);

    /**
     * Answers a TAXII read ({@code taxii.*.read}).
     *
     * @throws org.electionpool.hub.api.problem.HubException {@code NOT_FOUND} for a collection, object
     *         or status the caller has not; {@code INVALID_PARAMETER} for a bad filter
     */
    TaxiiAnswer read(Caller caller, AuditContext context, TaxiiRequest request);

    /**
     * Adds the objects of an envelope to a writable collection as the caller's own indicators and
     * sightings ({@code taxii.objects.added}); objects the hub cannot represent are failures of
     * the status, the others are imported.
     *
     * @return the status resource (complete)
     * @throws org.electionpool.hub.api.problem.HubException {@code NOT_FOUND}; {@code FORBIDDEN} for
     *         a collection the caller may not write; {@code MALFORMED_REQUEST} for no envelope
     */
    TaxiiAnswer add(Caller caller, AuditContext context, String collection, String envelopeJson);

    /**
     * Deletes an object the caller published from a writable collection: revokes the indicator
     * (a new, revoked version; {@code taxii.object.deleted}).
     *
     * @throws org.electionpool.hub.api.problem.HubException {@code NOT_FOUND}; {@code FORBIDDEN}
     *         unless the caller is its author
     */
    void delete(Caller caller, AuditContext context, String collection, String object, Map<String, List<String>> query);
}
