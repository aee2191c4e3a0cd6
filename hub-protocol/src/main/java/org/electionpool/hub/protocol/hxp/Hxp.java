package org.electionpool.hub.protocol.hxp;

import java.util.List;

/**
 * The names and limits HXP/1 fixes. Outside clients and auditors' tools rely on them: none may
 * change without a new protocol version.
 *
 * <p>Standards: RFC 7515 (JWS), 7516 (JWE), 7517 (JWK), 7519 (JWT), 8725 (JWT BCP), 9457
 * (problem details). See {@code docs/protocol.md}.
 */
public final class Hxp {

    /** Media type of a sealed request or answer body: a compact JWE (RFC 7516 §9). */
    public static final String MEDIA_TYPE = "application/jose";
    /** {@code typ} of a request's inner JWS. */
    public static final String REQUEST_TYP = "hxp+jwt";
    /** {@code typ} of an answer's inner JWS. */
    public static final String RESPONSE_TYP = "hxp-response+jwt";
    /** {@code cty} of every HXP JWE: the plaintext is a JWT (a JWS). */
    public static final String NESTED_CTY = "JWT";
    /** Authorization scheme of body-less requests: {@code Authorization: HXP <compact JWS>}. */
    public static final String AUTH_SCHEME = "HXP";

    /**
     * Optional request header: the audit log tree size the sender already trusts; the answer's
     * receipt then carries the consistency proof from it (docs/protocol.md §4).
     */
    public static final String LOG_SIZE_HEADER = "Hxp-Log-Size";

    /** Discovery: the hub's public keys. */
    public static final String JWKS_PATH = "/.well-known/jwks.json";
    /** Discovery: the hub's configuration document. */
    public static final String CONFIGURATION_PATH = "/.well-known/hxp-configuration";
    /** Base path of the API. */
    public static final String API_BASE_PATH = "/api/v1";

    /** Claim: the HTTP method of the request. */
    public static final String CLAIM_HTM = "htm";
    /** Claim: the request's path and query, exactly as sent. */
    public static final String CLAIM_HTU = "htu";
    /** Claim: the JSON payload of a request or answer. */
    public static final String CLAIM_BODY = "body";
    /** Claim: the {@code jti} of the request an answer replies to. */
    public static final String CLAIM_IN_REPLY_TO = "in_reply_to";
    /** Claim: the HTTP status of an answer. */
    public static final String CLAIM_STATUS = "status";
    /** Claim: the RFC 9457 problem of an answer that failed. */
    public static final String CLAIM_PROBLEM = "problem";
    /** Claim: the inbox event a webhook delivery carries (instead of {@code in_reply_to}). */
    public static final String CLAIM_EVENT = "event";

    /** Claim: the audit receipt of an answer (audit log). */
    public static final String CLAIM_RECEIPT = "receipt";

    /** JWS algorithms a sender may sign with. */
    public static final List<String> JWS_ALGORITHMS = List.of("ES256", "ES384", "PS256");
    /** JWE key management algorithms. */
    public static final List<String> JWE_ALGORITHMS = List.of("ECDH-ES+A256KW", "RSA-OAEP-256");
    /** JWE content encryption algorithms. */
    public static final List<String> JWE_ENCRYPTION = List.of("A256GCM");

    /** Largest {@code exp - iat}, in seconds. */
    public static final int MAX_LIFETIME_SECONDS = 300;
    /** Tolerated clock difference, in seconds, for {@code iat} and {@code exp}. */
    public static final int CLOCK_SKEW_SECONDS = 60;
    /** Deepest nesting of JSON objects and arrays accepted in a header or payload. */
    public static final int MAX_JSON_DEPTH = 32;
    /** Largest {@code Authorization: HXP} header of a body-less request, in characters. */
    public static final int MAX_TOKEN_CHARS = 8 * 1024;
    /** Largest request body, in bytes (attachment uploads have their own limit). */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    private Hxp() {
    }
}
