package org.electionpool.hub.api.hxp;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * The discovery document at {@code /.well-known/hxp-configuration}: what a client needs to talk
 * HXP/1 to this hub. Member names are fixed by the protocol.
 *
 * @param issuer                     the hub identifier: every request's {@code aud}, every answer's {@code iss}
 * @param jwksUri                    where the hub's public keys are
 * @param apiBase                    the base URL of the API
 * @param protocol                   {@code HXP/1}
 * @param mediaType                  the media type of sealed bodies, {@code application/jose}
 * @param requestTyp                 the {@code typ} of a request's JWS
 * @param responseTyp                the {@code typ} of an answer's JWS
 * @param signingAlgorithms          accepted JWS {@code alg} values
 * @param encryptionAlgorithms       accepted JWE {@code alg} values
 * @param encryptionMethods          accepted JWE {@code enc} values
 * @param maxLifetimeSeconds         largest {@code exp - iat}
 * @param clockSkewSeconds           tolerated clock difference
 * @param maxBodyBytes               largest request body
 * @param auditLog                   how to verify the audit log: origin, C2SP verifier key, checkpoint URL
 */
@JsonbPropertyOrder({"issuer", "jwksUri", "apiBase", "protocol", "mediaType", "requestTyp", "responseTyp",
        "signingAlgorithms", "encryptionAlgorithms", "encryptionMethods", "maxLifetimeSeconds", "clockSkewSeconds",
        "maxBodyBytes", "auditLog"})
public record HxpConfiguration(
        String issuer,
        @JsonbProperty("jwks_uri") String jwksUri,
        @JsonbProperty("api_base") String apiBase,
        String protocol,
        @JsonbProperty("media_type") String mediaType,
        @JsonbProperty("request_typ") String requestTyp,
        @JsonbProperty("response_typ") String responseTyp,
        @JsonbProperty("signing_alg_values_supported") List<String> signingAlgorithms,
        @JsonbProperty("encryption_alg_values_supported") List<String> encryptionAlgorithms,
        @JsonbProperty("encryption_enc_values_supported") List<String> encryptionMethods,
        @JsonbProperty("max_lifetime_seconds") int maxLifetimeSeconds,
        @JsonbProperty("clock_skew_seconds") int clockSkewSeconds,
        @JsonbProperty("max_body_bytes") int maxBodyBytes,
        @JsonbProperty("audit_log") AuditLog auditLog) {

    /**
     * The audit log's identity (see docs/audit-log.md).
     *
     * @param origin        the log's origin: the first line of its C2SP checkpoints
     * @param verifierKey   the C2SP signed-note verifier key of the log's Ed25519 key
     * @param checkpointUri where the latest signed checkpoint is published
     */
    @JsonbPropertyOrder({"origin", "verifierKey", "checkpointUri"})
    public record AuditLog(String origin, @JsonbProperty("verifier_key") String verifierKey,
                           @JsonbProperty("checkpoint_uri") String checkpointUri) {
    }
}
