package org.electionpool.hub.client;

import java.time.Instant;
import java.util.Objects;

/**
 * One HXP/1 request, sealed ahead of sending by {@link HubClient#seal(String, String, String)}: the
 * signed request token and, for a method with a body, the JWE that carries it to the hub
 * (docs/protocol.md §3). Sealing is all of the client's crypto on the way out, so a caller can seal
 * first and send later — a load generator keeps the signing and encryption out of what it measures.
 *
 * <p>Invariants: {@code target} starts with {@code /}; {@code jwe} is present exactly when the request
 * has a body (POST, PUT and PATCH as {@link HubClient} sends them); {@code expiresAt} is after
 * {@code issuedAt}. The hub accepts the request once
 * ({@code jti} is recorded, a second copy is {@code 401 hxp-replayed}) and only until
 * {@code expiresAt} (plus its 60 s clock-skew allowance). Only a {@link HubClient} of the same
 * {@code organization} can open the answer. Immutable and thread-safe.
 *
 * @param organization the sender ({@code iss})
 * @param method       the HTTP method ({@code htm})
 * @param target       path and query exactly as sent ({@code htu})
 * @param jti          the token id, which the answer's {@code in_reply_to} must name
 * @param token        the signed request token (compact JWS), the evidence the audit log stores
 * @param jwe          the token encrypted to the hub (compact JWE), the body to POST/PUT/PATCH; {@code null} for
 *                     a request without a body (GET, DELETE), which sends {@code token} as {@code Authorization: HXP <token>}
 * @param issuedAt     the token's {@code iat}
 * @param expiresAt    the token's {@code exp}
 */
public record SealedRequest(String organization, String method, String target, String jti, String token, String jwe,
                            Instant issuedAt, Instant expiresAt) {

    /** Checks the invariants. */
    public SealedRequest {
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(jti, "jti");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!target.startsWith("/")) {
            throw new IllegalArgumentException("target must start with /");
        }
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("expiresAt must be after issuedAt");
        }
    }

    /** @return whether the method carries a body (the {@link #jwe()}) */
    public boolean hasBody() {
        return jwe != null;
    }

    /**
     * @param now the current time
     * @return whether the hub would still accept the token at {@code now} by its {@code exp} alone,
     *         leaving its clock-skew allowance aside
     */
    public boolean usableAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
