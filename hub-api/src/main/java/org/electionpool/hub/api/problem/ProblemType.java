package org.electionpool.hub.api.problem;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;

/**
 * The catalogue of problem types the hub answers with (RFC 9457 §3.1.1 {@code type}).
 *
 * <p>Invariant: every constant's {@link #uri()} is stable forever; clients branch on it. A type is
 * never renamed or reused for another meaning; new failure classes get new constants. Every
 * constant is documented in {@code docs/problems.md} (a test keeps the two in step).
 *
 * <p>The URIs are URNs ({@value #URN_PREFIX}&lt;slug&gt;): they identify, they are not meant to be
 * dereferenced, and they do not change with the host name a hub is deployed under.
 */
public enum ProblemType {

    /** The request body is not well-formed (syntax), so it could not be read at all. */
    MALFORMED_REQUEST("malformed-request", 400, "Malformed request"),
    /** The request was well-formed but one or more fields are invalid; see {@code errors}. */
    VALIDATION_FAILED("validation-failed", 400, "Validation failed"),
    /** A query or path parameter has a value the endpoint cannot accept. */
    INVALID_PARAMETER("invalid-parameter", 400, "Invalid parameter"),
    /** The caller is not authenticated. */
    UNAUTHENTICATED("unauthenticated", 401, "Authentication required"),
    /** The caller is authenticated but its organisation may not perform this action. */
    FORBIDDEN("forbidden", 403, "Forbidden"),
    /** No such resource, or none the caller may see (the hub never confirms foreign objects). */
    NOT_FOUND("not-found", 404, "Not found"),
    /** The resource exists but does not support the HTTP method; see the {@code Allow} header. */
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    /** None of the media types in {@code Accept} can be produced. */
    NOT_ACCEPTABLE("not-acceptable", 406, "Not acceptable"),
    /** The object to be created already exists (same id). */
    ALREADY_EXISTS("already-exists", 409, "Already exists"),
    /** The request conflicts with the current state of the resource. */
    CONFLICT("conflict", 409, "Conflict"),
    /** A case action is not allowed in the case's current state; the detail names both. */
    ILLEGAL_TRANSITION("illegal-transition", 409, "Illegal transition"),
    /** The request body exceeds the size limit of the endpoint. */
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "Payload too large"),
    /** More header fields or a larger header block than the hub accepts (RFC 6585 §5). */
    HEADERS_TOO_LARGE("headers-too-large", 431, "Request header fields too large"),
    /** The request's {@code Content-Type} is not accepted by the endpoint. */
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
    /** HXP/1: the body or Authorization token is not a well-formed compact JWE/JWS with strict JSON inside. */
    HXP_MALFORMED("hxp-malformed", 400, "Malformed envelope"),
    /** HXP/1: a JOSE header is outside the allow-list (algorithm, zip, crit, key references, typ, cty). */
    HXP_HEADER_REFUSED("hxp-header-refused", 400, "JOSE header refused"),
    /** HXP/1: the JWE cannot be decrypted with the hub key it names; every cause looks the same. */
    HXP_UNDECRYPTABLE("hxp-undecryptable", 400, "Envelope cannot be decrypted"),
    /** HXP/1: the sender's organisation has no active encryption key the answer could be sealed to. */
    HXP_NO_ENCRYPTION_KEY("hxp-no-encryption-key", 400, "No encryption key to answer to"),
    /** HXP/1: no envelope, or the signature does not verify with an active registered key of {@code iss}. */
    HXP_UNAUTHENTICATED("hxp-unauthenticated", 401, "Sender not authenticated"),
    /** HXP/1: a required claim is missing or malformed, or {@code aud} is not this hub. */
    HXP_CLAIMS_INVALID("hxp-claims-invalid", 401, "Invalid claims"),
    /** HXP/1: {@code iat}/{@code exp} outside the time window (±60 s skew, at most 300 s lifetime). */
    HXP_EXPIRED("hxp-expired", 401, "Outside the time window"),
    /** HXP/1: {@code htm} or {@code htu} does not match the request's method, path and query. */
    HXP_REQUEST_MISMATCH("hxp-request-mismatch", 401, "Request does not match its claims"),
    /** HXP/1: this {@code jti} of this issuer was seen before. */
    HXP_REPLAYED("hxp-replayed", 401, "Replayed request"),
    /**
     * A marking or distribution that TLP 2.0 or the indicator's source does not allow: a looser
     * marking or a wider audience than the source of a derived indicator or sighting, recipients
     * where the marking names none, a sharing group under {@code AMBER+STRICT} or {@code RED}.
     */
    DISTRIBUTION_REFUSED("distribution-refused", 400, "Distribution refused"),
    /** The indicator is revoked: a revocation is its last version (STIX 2.1 §3.6). */
    INDICATOR_REVOKED("indicator-revoked", 409, "Indicator revoked"),
    /** A STIX bundle holds objects the hub cannot represent; {@code errors} names each by JSON pointer. */
    STIX_UNREPRESENTABLE("stix-unrepresentable", 422, "STIX content not representable"),
    /** An unexpected failure inside the hub; quote {@code correlation_id} to the operator. */
    INTERNAL_ERROR("internal-error", 500, "Internal error"),
    /** The hub cannot serve the request right now (for example the database is down). */
    SERVICE_UNAVAILABLE("service-unavailable", 503, "Service unavailable");

    /** Prefix shared by every problem type URI. */
    public static final String URN_PREFIX = "urn:electionpool:problem:";

    private final String slug;
    private final int status;
    private final String title;
    private final URI uri;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
        this.uri = URI.create(URN_PREFIX + slug);
    }

    /** @return the short, stable name, e.g. {@code not-found} */
    public String slug() {
        return slug;
    }

    /** @return the HTTP status this problem type is always answered with */
    public int status() {
        return status;
    }

    /** @return the short, human-readable summary (RFC 9457 {@code title}); constant per type */
    public String title() {
        return title;
    }

    /** @return the stable type URI (RFC 9457 {@code type}) */
    public URI uri() {
        return uri;
    }

    /**
     * Finds the catalogue entry for a type URI, as a client does when it reads a problem.
     *
     * @param uri a problem type URI, may be {@code null}
     * @return the matching type, or empty for {@code null} and unknown URIs
     */
    public static Optional<ProblemType> fromUri(String uri) {
        if (uri == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(t -> t.uri.toString().equals(uri)).findFirst();
    }
}
