package org.electionpool.hub.api.keys;

import java.time.Instant;
import java.util.Map;

/**
 * A registered public key and its history.
 *
 * @param organization the owning organisation's id
 * @param kid          the key id, unique within the organisation
 * @param use          signing or encryption
 * @param status       current status
 * @param jwk          the public JWK (RFC 7517) with {@code kid}, {@code use} and {@code alg}; never a private member
 * @param createdAt    when it was registered
 * @param retiredAt    when it was retired, or {@code null}
 * @param revokedAt    when it was revoked, or {@code null}
 */
public record OrganizationKeyView(String organization, String kid, KeyUse use, KeyStatus status,
                                  Map<String, Object> jwk, Instant createdAt, Instant retiredAt, Instant revokedAt) {
}
