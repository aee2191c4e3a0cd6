package org.electionpool.hub.api.people;

import jakarta.ejb.Local;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.api.security.Caller;

/**
 * The evidence of a person's act (docs/audit-log.md, Attested entries). A person's browser holds
 * no organisation key, so nothing the person sends is signed by their organisation: instead the
 * hub signs, with its own signing key, a statement that this authenticated session made this
 * request — an <em>attestation by the hub</em>, which the verifier and the audit UI show as such
 * and never as a sender's signature.
 */
@Local
public interface AttestationService {

    /**
     * @param person  a signed-in person (channel {@code UI})
     * @param request what the web tier saw
     * @return the audit context of the request: channel {@code UI}, the person's organisation and
     *         user name, the attestation's id as {@code jti}, the attestation (a compact JWS signed
     *         by the hub, {@code typ} {@code hxp-ui-attestation+jwt}) as evidence
     * @throws org.electionpool.hub.api.problem.HubException {@code FORBIDDEN} for a caller that is no person
     */
    AuditContext attest(Caller person, UiRequest request);
}
