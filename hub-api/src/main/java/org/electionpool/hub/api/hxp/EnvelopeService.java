package org.electionpool.hub.api.hxp;

import jakarta.ejb.Local;
import org.electionpool.hub.api.organizations.OrganizationId;

/**
 * Opens HXP/1 requests and seals answers (see {@code docs/protocol.md}).
 */
@Local
public interface EnvelopeService {

    /**
     * Runs every envelope check, in the documented order, and records the {@code jti} against
     * replay (committed before this call returns, whatever the business outcome later).
     *
     * @param request the request as it arrived
     * @return the authenticated request
     * @throws org.electionpool.hub.api.problem.HubException with an {@code hxp-*} problem type (or
     *         {@code unsupported-media-type}) naming the first check that failed
     */
    OpenedRequest open(IncomingRequest request);

    /**
     * Seals an answer: a JWS by the hub ({@code typ} {@code hxp-response+jwt}) inside a JWE to the
     * recipient's newest active encryption key.
     *
     * @param recipient the caller's organisation
     * @param inReplyTo the request's {@code jti}
     * @param status    the HTTP status of the answer
     * @param json      the answer body (or problem) as JSON text, or {@code null} for none
     * @param problem   whether {@code json} is an RFC 9457 problem (claim {@code problem}) or a body (claim {@code body})
     * @return the compact JWE
     */
    String seal(OrganizationId recipient, String inReplyTo, int status, String json, boolean problem);

    /**
     * Records a refused request in its own transaction: problem type, method, path without query,
     * remote address; never the payload.
     */
    void recordRefusal(String problemType, String method, String path, String remoteAddress);
}
