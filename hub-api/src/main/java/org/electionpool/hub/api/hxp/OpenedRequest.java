package org.electionpool.hub.api.hxp;

import java.time.Instant;
import org.electionpool.hub.api.security.Caller;

/**
 * A request whose envelope passed every HXP/1 check.
 *
 * @param caller    the authenticated organisation and principal
 * @param jti       the request's token id (the answer's {@code in_reply_to})
 * @param bodyJson  the {@code body} claim as JSON text, or {@code null} for body-less methods
 * @param evidence  the sender's compact JWS exactly as received (for the audit log)
 * @param issuedAt  the request's {@code iat}
 * @param receivedAt when the hub verified the envelope: the time the sender's key had to be valid at
 * @param replyKey  the sender's newest active encryption key (public JWK JSON) when the envelope was
 *                  opened: the answer is sealed to it without another database read, so an answer
 *                  can be sealed even while the database is unavailable; never {@code null}
 * @param bodySha256 standard base64 of SHA-256 over the RFC 8785 form of {@code bodyJson}, computed
 *                  once when the envelope was opened (the audit entries' {@code body_sha256}), or
 *                  {@code null} without a body
 */
public record OpenedRequest(Caller caller, String jti, String bodyJson, String evidence, Instant issuedAt,
                            Instant receivedAt, String replyKey, String bodySha256) {

    /** Checks that the reply key travels with the request, and that a body comes with its digest. */
    public OpenedRequest {
        java.util.Objects.requireNonNull(replyKey, "replyKey");
        if ((bodyJson == null) != (bodySha256 == null)) {
            throw new IllegalArgumentException("a body and its digest come together");
        }
    }
}
