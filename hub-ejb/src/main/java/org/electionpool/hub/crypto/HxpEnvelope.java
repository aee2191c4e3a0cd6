package org.electionpool.hub.crypto;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEEncrypter;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.electionpool.hub.protocol.hxp.Hxp;
import org.electionpool.hub.protocol.jca.CryptoProviders;
import org.electionpool.hub.api.hxp.IncomingRequest;
import org.electionpool.hub.api.hxp.OpenedRequest;
import org.electionpool.hub.protocol.json.StrictJson;
import org.electionpool.hub.api.keys.KeyId;
import org.electionpool.hub.api.keys.KeyUse;
import org.electionpool.hub.api.organizations.OrganizationId;
import org.electionpool.hub.api.organizations.OrganizationKind;
import org.electionpool.hub.api.problem.HubException;
import org.electionpool.hub.api.problem.ProblemType;
import org.electionpool.hub.api.security.Caller;

/**
 * HXP/1 envelope, without container or database: opens requests (RFC 7516 JWE around an RFC 7515
 * JWS whose payload is an RFC 7519 claims set) and seals answers, following RFC 8725.
 *
 * <p>Checks, in this order (the first failure throws; see docs/protocol.md §3.4): media type and
 * compact form → strict JSON of every header (depth, duplicates) → JWE header allow-list →
 * decryption with the hub key the JWE names → the plaintext must be a signed JWS (a JWE without an
 * inner signature is refused here: Nimbus verifies nested signatures only when asked) → JWS header
 * allow-list and {@code typ} → strict JSON of the claims → {@code iss} and the named, registered,
 * active signing key of that organisation, whose algorithm must be the header's → signature →
 * claims ({@code aud}, time window, {@code htm}/{@code htu}) → {@code jti} replay → {@code body} →
 * an encryption key to answer to.
 *
 * <p>The sender registry and the replay store are ports ({@link SenderKeys}, {@link ReplayGuard}),
 * so the same code runs in the hub (database) and in unit tests and benchmarks (memory).
 * Thread-safe: immutable.
 */
public final class HxpEnvelope {

    private static final Set<String> JWE_HEADER_ALLOWED = Set.of("alg", "enc", "kid", "cty", "typ", "epk", "apu", "apv");
    private static final Set<String> JWS_HEADER_ALLOWED = Set.of("alg", "kid", "typ");
    private static final Set<String> CLAIMS_KNOWN = Set.of("iss", "sub", "aud", "iat", "exp", "jti", "nbf",
            Hxp.CLAIM_HTM, Hxp.CLAIM_HTU, Hxp.CLAIM_BODY);
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]*");
    private static final Pattern JTI = Pattern.compile("[A-Za-z0-9_-]{22,128}");
    private static final int MAX_HEADER_DEPTH = 4;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the registry knows about a sender's key. */
    public record SenderKey(OrganizationKind kind, boolean organizationActive, boolean keyActive, KeyUse use,
                            String algorithm, String jwkJson) {
    }

    /** Looks up senders' keys. */
    public interface SenderKeys {
        /** @return the key {@code kid} of organisation {@code issuer}, or empty if either is unknown */
        Optional<SenderKey> find(OrganizationId issuer, KeyId kid);

        /** @return the organisation's newest active encryption key (JWK JSON), or empty */
        Optional<String> encryptionKey(OrganizationId organization);
    }

    /** Remembers (issuer, jti) pairs. */
    public interface ReplayGuard {
        /**
         * @param until when the pair can be forgotten
         * @return {@code false} if the pair was seen before
         */
        boolean firstUse(OrganizationId issuer, String jti, Instant until);
    }

    private final HubKeys hubKeys;
    private final String issuer;
    private final Clock clock;

    /**
     * @param hubKeys the hub's keys
     * @param issuer  the hub identifier ({@code aud} of requests, {@code iss} of answers)
     * @param clock   the time source
     */
    public HxpEnvelope(HubKeys hubKeys, String issuer, Clock clock) {
        this.hubKeys = hubKeys;
        this.issuer = issuer;
        this.clock = clock;
    }

    /**
     * Runs every check of docs/protocol.md §3.4 in order.
     *
     * @return the authenticated request
     * @throws HubException naming the first failed check
     */
    public OpenedRequest open(IncomingRequest request, SenderKeys senders, ReplayGuard replay) {
        String compactJws;
        if (request.hasBodyMethod()) {
            if (request.contentType() == null || !isJose(request.contentType())) {
                throw new HubException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                        "HXP/1 requests with a body must be " + Hxp.MEDIA_TYPE + " (a compact JWE).");
            }
            compactJws = decrypt(new String(request.body(), StandardCharsets.US_ASCII).trim());
        } else {
            if (request.body() != null && request.body().length > 0) {
                throw new HubException(ProblemType.HXP_MALFORMED, request.method() + " requests carry no body under HXP/1.");
            }
            compactJws = bearer(request.authorization());
        }
        return verify(compactJws, request, senders, replay);
    }

    private static boolean isJose(String contentType) {
        return contentType.split(";", 2)[0].trim().equalsIgnoreCase(Hxp.MEDIA_TYPE);
    }

    private static String bearer(String authorization) {
        if (authorization != null && authorization.length() > Hxp.MAX_TOKEN_CHARS) {
            throw new HubException(ProblemType.PAYLOAD_TOO_LARGE,
                    "The Authorization header is larger than " + Hxp.MAX_TOKEN_CHARS + " characters.");
        }
        if (authorization == null) {
            throw new HubException(ProblemType.HXP_UNAUTHENTICATED,
                    "Requests without a body carry 'Authorization: HXP <compact JWS>'.");
        }
        int space = authorization.indexOf(' ');
        if (space < 0 || !authorization.substring(0, space).equalsIgnoreCase(Hxp.AUTH_SCHEME)) {
            throw new HubException(ProblemType.HXP_UNAUTHENTICATED, "The Authorization scheme must be HXP.");
        }
        return authorization.substring(space + 1).trim();
    }

    /** @return the decoded header JSON of a compact serialisation with {@code parts} parts, after strict checks */
    private static String[] split(String compact, int parts, String what) {
        String[] split = compact.split("\\.", -1);
        if (split.length != parts) {
            throw new HubException(ProblemType.HXP_MALFORMED, "Not a compact " + what + ".");
        }
        for (String part : split) {
            if (!BASE64URL.matcher(part).matches()) {
                throw new HubException(ProblemType.HXP_MALFORMED, "Not base64url: the " + what + " is malformed.");
            }
        }
        return split;
    }

    private static String decodeJson(String base64url, int depth, String what) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(base64url);
        } catch (IllegalArgumentException e) {
            throw new HubException(ProblemType.HXP_MALFORMED, "The " + what + " is not valid base64url.");
        }
        String json;
        try {
            // RFC 8259 §8.1 / RFC 7515 §5.2: the octets must be UTF-8; a lenient decoder would turn
            // bad octets into U+FFFD and the hub would store something other than what was signed.
            json = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new HubException(ProblemType.HXP_MALFORMED, "The " + what + " is not valid UTF-8.");
        }
        try {
            StrictJson.checkObject(json, depth);
        } catch (IllegalArgumentException e) {
            throw new HubException(ProblemType.HXP_MALFORMED, "The " + what + " is not acceptable JSON: " + e.getMessage() + ".");
        }
        return json;
    }

    private String decrypt(String compactJwe) {
        String[] parts = split(compactJwe, 5, "JWE");
        Map<String, Object> raw = checkMembers(decodeJson(parts[0], MAX_HEADER_DEPTH, "JWE header"),
                JWE_HEADER_ALLOWED, "JWE header");
        checkRawJweHeader(raw);
        JWEObject jwe;
        try {
            jwe = JWEObject.parse(compactJwe);
        } catch (ParseException | RuntimeException e) {
            throw new HubException(ProblemType.HXP_MALFORMED, "The JWE cannot be parsed.");
        }
        JWEHeader header = jwe.getHeader();
        if (!JWEAlgorithm.ECDH_ES_A256KW.equals(header.getAlgorithm())) {
            throw new HubException(ProblemType.HXP_HEADER_REFUSED, "JWE alg must be ECDH-ES+A256KW (the hub's encryption keys are EC P-256).");
        }
        if (!EncryptionMethod.A256GCM.equals(header.getEncryptionMethod())) {
            throw new HubException(ProblemType.HXP_HEADER_REFUSED, "JWE enc must be A256GCM.");
        }
        if (header.getContentType() == null || !Hxp.NESTED_CTY.equalsIgnoreCase(header.getContentType())) {
            throw new HubException(ProblemType.HXP_HEADER_REFUSED, "JWE cty must be JWT: the plaintext is a signed JWT.");
        }
        if (header.getKeyID() == null) {
            throw new HubException(ProblemType.HXP_HEADER_REFUSED, "JWE kid must name a hub encryption key.");
        }
        ECKey key = hubKeys.encryptionKey(header.getKeyID()).orElse(null);
        try {
            if (key == null) {
                throw new JOSEException("unknown kid");
            }
            jwe.decrypt(CryptoProviders.configured().decrypter(key));
        } catch (JOSEException | RuntimeException e) {
            // Unknown kid, wrong key, invalid curve point, bad tag: all look the same to the caller.
            throw new HubException(ProblemType.HXP_UNDECRYPTABLE, "The JWE cannot be decrypted.");
        }
        return jwe.getPayload().toString();
    }

    /**
     * Checks the member names of a header as received: Nimbus' parsed view leaves out parameters
     * at their default value (e.g. {@code "b64": true}), so the allow-list must see the raw JSON.
     */
    private static Map<String, Object> jsonObject(String json, String what) {
        try {
            return JSONObjectUtils.parse(json);
        } catch (ParseException | RuntimeException e) {
            throw new HubException(ProblemType.HXP_MALFORMED, "The " + what + " is not a JSON object.");
        }
    }

    private static Map<String, Object> checkMembers(String json, Set<String> allowed, String what) {
        Map<String, Object> members = jsonObject(json, what);
        for (String name : members.keySet()) {
            if (!allowed.contains(name)) {
                throw new HubException(ProblemType.HXP_HEADER_REFUSED, what + " parameter '" + refusedName(name)
                        + "' is not accepted.");
            }
        }
        return members;
    }

    /**
     * Checks the JWE header as received, before Nimbus builds objects from it: {@code alg} and
     * {@code enc} must be the one HXP/1 pair, and {@code epk} must be a public EC P-256 key with
     * exactly {@code kty}, {@code crv}, {@code x} and {@code y} (RFC 7518 §4.6.1.1) — no private
     * part, no other key type. Nimbus would otherwise throw unchecked exceptions for some of these
     * inputs, which must never reach the fallback mapper.
     */
    private static void checkRawJweHeader(Map<String, Object> header) {
        if (!JWEAlgorithm.ECDH_ES_A256KW.getName().equals(header.get("alg"))) {
            throw new HubException(ProblemType.HXP_HEADER_REFUSED,
                    "JWE alg must be ECDH-ES+A256KW (the hub's encryption keys are EC P-256).");
        }
        if (!EncryptionMethod.A256GCM.getName().equals(header.get("enc"))) {
            throw new HubException(ProblemType.HXP_HEADER_REFUSED, "JWE enc must be A256GCM.");
        }
        for (String name : List.of("kid", "cty", "typ", "apu", "apv")) {
            if (header.containsKey(name) && !(header.get(name) instanceof String)) {
                throw new HubException(ProblemType.HXP_MALFORMED, "JWE header parameter " + name + " must be a string.");
            }
        }
        if (!header.containsKey("epk")) {
            return; // nothing to agree a key with: the decryption fails (hxp-undecryptable)
        }
        if (!(header.get("epk") instanceof Map<?, ?> key)) {
            throw new HubException(ProblemType.HXP_HEADER_REFUSED, "JWE epk must be the sender's ephemeral EC public key.");
        }
        if (!Set.of("kty", "crv", "x", "y").equals(key.keySet()) || !"EC".equals(key.get("kty"))
                || !"P-256".equals(key.get("crv")) || !(key.get("x") instanceof String x) || !(key.get("y") instanceof String y)
                || !BASE64URL.matcher(x).matches() || !BASE64URL.matcher(y).matches()) {
            throw new HubException(ProblemType.HXP_HEADER_REFUSED,
                    "JWE epk must be a public EC P-256 key: exactly kty EC, crv P-256, x and y.");
        }
    }

    /**
     * Checks the JSON types of the claims as received (RFC 7519 §4.1): Nimbus converts some on
     * parsing (a numeric {@code sub} becomes a string), which would hide a malformed token.
     */
    private static void checkClaimTypes(String json) {
        Map<String, Object> claims = jsonObject(json, "claims set");
        for (String name : List.of("iss", "sub", "jti", Hxp.CLAIM_HTM, Hxp.CLAIM_HTU)) {
            if (claims.containsKey(name) && !(claims.get(name) instanceof String)) {
                throw new HubException(ProblemType.HXP_MALFORMED, "Claim " + name + " must be a string.");
            }
        }
        for (String name : List.of("iat", "exp", "nbf")) {
            if (claims.containsKey(name) && !(claims.get(name) instanceof Number)) {
                throw new HubException(ProblemType.HXP_MALFORMED, "Claim " + name + " must be a NumericDate.");
            }
        }
        Object aud = claims.get("aud");
        if (aud != null && !(aud instanceof String)
                && !(aud instanceof List<?> list && list.stream().allMatch(String.class::isInstance))) {
            throw new HubException(ProblemType.HXP_MALFORMED, "Claim aud must be a string or an array of strings.");
        }
    }

    private static String refusedName(String name) {
        return name.length() <= 32 && name.matches("[A-Za-z0-9_.#-]+") ? name : "(unprintable)";
    }

    private OpenedRequest verify(String compactJws, IncomingRequest request, SenderKeys senders, ReplayGuard replay) {
        String[] parts = split(compactJws, 3, "JWS");
        if (parts[2].isEmpty()) {
            throw new HubException(ProblemType.HXP_MALFORMED, "The JWS carries no signature (an unsecured JWT).");
        }
        Map<String, Object> rawHeader = checkMembers(decodeJson(parts[0], MAX_HEADER_DEPTH, "JWS header"),
                JWS_HEADER_ALLOWED, "JWS header");
        if (!(rawHeader.get("alg") instanceof String alg) || !Hxp.JWS_ALGORITHMS.contains(alg)) {
            throw new HubException(ProblemType.HXP_HEADER_REFUSED, "JWS alg must be one of " + Hxp.JWS_ALGORITHMS + ".");
        }
        for (String name : List.of("kid", "typ")) {
            if (rawHeader.containsKey(name) && !(rawHeader.get(name) instanceof String)) {
                throw new HubException(ProblemType.HXP_MALFORMED, "JWS header parameter " + name + " must be a string.");
            }
        }
        JWSObject jws;
        try {
            jws = JWSObject.parse(compactJws);
        } catch (ParseException | RuntimeException e) {
            throw new HubException(ProblemType.HXP_MALFORMED, "The JWS cannot be parsed.");
        }
        JWSHeader header = jws.getHeader();
        if (!Hxp.JWS_ALGORITHMS.contains(header.getAlgorithm().getName())) {
            throw new HubException(ProblemType.HXP_HEADER_REFUSED, "JWS alg must be one of " + Hxp.JWS_ALGORITHMS + ".");
        }
        if (header.getKeyID() == null || KeyId.parse(header.getKeyID()).isEmpty()) {
            throw new HubException(ProblemType.HXP_HEADER_REFUSED, "JWS kid must name the sender's registered signing key.");
        }
        if (!new JOSEObjectType(Hxp.REQUEST_TYP).equals(header.getType())) {
            throw new HubException(ProblemType.HXP_HEADER_REFUSED, "JWS typ must be " + Hxp.REQUEST_TYP + ".");
        }
        String claimsJson = decodeJson(parts[1], Hxp.MAX_JSON_DEPTH, "claims set");
        checkClaimTypes(claimsJson);
        JWTClaimsSet claims;
        try {
            claims = JWTClaimsSet.parse(claimsJson);
        } catch (ParseException | RuntimeException e) {
            throw new HubException(ProblemType.HXP_MALFORMED, "The claims set cannot be parsed.");
        }

        // Sender: iss names an active organisation; kid names its active signing key of this alg.
        Object issClaim = claims.getClaim("iss");
        OrganizationId issuer = issClaim instanceof String s ? OrganizationId.parse(s).orElse(null) : null;
        SenderKey key = issuer == null ? null : senders.find(issuer, new KeyId(header.getKeyID())).orElse(null);
        if (key == null || !key.organizationActive() || key.use() != KeyUse.SIG || !key.keyActive()
                || !key.algorithm().equals(header.getAlgorithm().getName()) || !verifies(jws, key.jwkJson())) {
            throw new HubException(ProblemType.HXP_UNAUTHENTICATED,
                    "The signature does not verify with an active registered signing key of the issuer.");
        }

        // Claims, now that the sender is authentic.
        Instant now = clock.instant();
        checkClaims(claims, request, now);
        String jti = (String) claims.getClaim("jti");
        Instant expiresAt = claims.getExpirationTime().toInstant();
        if (!replay.firstUse(issuer, jti, expiresAt.plusSeconds(Hxp.CLOCK_SKEW_SECONDS))) {
            throw new HubException(ProblemType.HXP_REPLAYED, "This jti was used before.");
        }

        String bodyJson = null;
        String bodySha256 = null;
        Object body = claims.getClaim(Hxp.CLAIM_BODY);
        if (request.hasBodyMethod()) {
            if (!(body instanceof Map<?, ?>)) {
                throw new HubException(ProblemType.HXP_CLAIMS_INVALID, "The body claim must be a JSON object.");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) body;
            bodyJson = JSONObjectUtils.toJSONString(map);
            try {
                // Canonicalised once, here: the digest travels on the opened request to every audit entry.
                bodySha256 = org.electionpool.hub.api.audit.AuditContext.sha256(
                        org.electionpool.hub.protocol.json.CanonicalJson.canonicalize(bodyJson));
            } catch (IllegalArgumentException e) {
                throw new HubException(ProblemType.HXP_CLAIMS_INVALID,
                        "The body claim is not I-JSON (RFC 7493): no lone surrogates, no non-finite numbers.");
            }
        } else if (body != null) {
            throw new HubException(ProblemType.HXP_CLAIMS_INVALID, request.method() + " requests carry no body claim.");
        }
        String replyKey = senders.encryptionKey(issuer).orElseThrow(() -> new HubException(
                ProblemType.HXP_NO_ENCRYPTION_KEY, "The issuer has no active encryption key the answer could be sealed to."));
        Object sub = claims.getClaim("sub");
        String principal = sub instanceof String s && !s.isBlank() && s.length() <= 256 ? s : header.getKeyID();
        return new OpenedRequest(new Caller(issuer, key.kind(), principal, Caller.Channel.API), jti, bodyJson,
                compactJws, claims.getIssueTime().toInstant(), clock.instant(), replyKey, bodySha256);
    }

    private static boolean verifies(JWSObject jws, String jwkJson) {
        try {
            JWK jwk = JWK.parse(jwkJson);
            return jws.verify(CryptoProviders.configured().verifier(jwk));
        } catch (ParseException | JOSEException | RuntimeException e) {
            return false;
        }
    }

    private void checkClaims(JWTClaimsSet claims, IncomingRequest request, Instant now) {
        for (String name : claims.getClaims().keySet()) {
            if (!CLAIMS_KNOWN.contains(name)) {
                throw new HubException(ProblemType.HXP_CLAIMS_INVALID, "Claim '" + refusedName(name) + "' is not part of HXP/1.");
            }
        }
        Object aud = claims.getClaim("aud");
        String hub = issuer;
        boolean audOk = hub.equals(aud) || (aud instanceof List<?> l && l.size() == 1 && hub.equals(l.get(0)));
        if (!audOk) {
            throw new HubException(ProblemType.HXP_CLAIMS_INVALID, "aud must be this hub's issuer, " + hub + ".");
        }
        if (!(claims.getClaim("jti") instanceof String jti) || !JTI.matcher(jti).matches()) {
            throw new HubException(ProblemType.HXP_CLAIMS_INVALID, "jti must be 22-128 base64url characters (at least 128 random bits).");
        }
        if (claims.getClaim("sub") != null && !(claims.getClaim("sub") instanceof String)) {
            throw new HubException(ProblemType.HXP_CLAIMS_INVALID, "sub must be a string.");
        }
        Date iat;
        Date exp;
        try {
            iat = claims.getDateClaim("iat");
            exp = claims.getDateClaim("exp");
        } catch (ParseException e) {
            throw new HubException(ProblemType.HXP_CLAIMS_INVALID, "iat and exp must be NumericDate values.");
        }
        if (iat == null || exp == null) {
            throw new HubException(ProblemType.HXP_CLAIMS_INVALID, "iat and exp are required.");
        }
        Duration skew = Duration.ofSeconds(Hxp.CLOCK_SKEW_SECONDS);
        if (exp.toInstant().isBefore(iat.toInstant())
                || Duration.between(iat.toInstant(), exp.toInstant()).getSeconds() > Hxp.MAX_LIFETIME_SECONDS) {
            throw new HubException(ProblemType.HXP_EXPIRED, "exp must follow iat by at most " + Hxp.MAX_LIFETIME_SECONDS + " s.");
        }
        if (iat.toInstant().isAfter(now.plus(skew))) {
            throw new HubException(ProblemType.HXP_EXPIRED, "iat is in the future.");
        }
        if (now.isAfter(exp.toInstant().plus(skew))) {
            throw new HubException(ProblemType.HXP_EXPIRED, "The token has expired.");
        }
        if (claims.getClaim("nbf") != null) {
            throw new HubException(ProblemType.HXP_CLAIMS_INVALID, "nbf is not used by HXP/1.");
        }
        if (!request.method().equals(claims.getClaim(Hxp.CLAIM_HTM))) {
            throw new HubException(ProblemType.HXP_REQUEST_MISMATCH, "htm does not match the request method.");
        }
        if (!request.target().equals(claims.getClaim(Hxp.CLAIM_HTU))) {
            throw new HubException(ProblemType.HXP_REQUEST_MISMATCH, "htu does not match the request's path and query.");
        }
    }

    /**
     * Seals an answer (docs/protocol.md §4).
     *
     * @param recipientKey the recipient's encryption key, public JWK JSON with {@code kid}
     * @param recipient    the recipient organisation ({@code aud})
     * @param inReplyTo    the request's {@code jti}
     * @param status       the HTTP status
     * @param json         body or problem JSON text, or {@code null}
     * @param problem      whether {@code json} is a problem
     * @return the compact JWE
     */
    public String seal(String recipientKey, OrganizationId recipient, String inReplyTo, int status, String json,
                       boolean problem) {
        return seal(recipientKey, recipient, inReplyTo, status, json, problem, null);
    }

    /**
     * Seals an answer with an audit receipt (docs/protocol.md §4, docs/audit-log.md §5).
     *
     * @param receipt the {@code receipt} claim as JSON object text, or {@code null} for none
     * @see #seal(String, OrganizationId, String, int, String, boolean)
     */
    public String seal(String recipientKey, OrganizationId recipient, String inReplyTo, int status, String json,
                       boolean problem, String receipt) {
        return seal(recipientKey, recipient, Objects.requireNonNull(inReplyTo, "inReplyTo"), status, json, problem,
                receipt, null);
    }

    private String seal(String recipientKey, OrganizationId recipient, String inReplyTo, int status, String json,
                        boolean problem, String receipt, String eventJson) {
        try {
            Instant now = clock.instant();
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .issuer(issuer)
                    .audience(recipient.value())
                    .issueTime(Date.from(now))
                    .jwtID(newJti())
                    .claim(Hxp.CLAIM_STATUS, status);
            if (inReplyTo != null) {
                claims.claim(Hxp.CLAIM_IN_REPLY_TO, inReplyTo);
            }
            if (json != null && !json.isBlank()) {
                String trimmed = json.trim();
                Object value = trimmed.startsWith("[") ? JSONArrayUtils.parse(trimmed) : JSONObjectUtils.parse(trimmed);
                claims.claim(problem ? Hxp.CLAIM_PROBLEM : Hxp.CLAIM_BODY, value);
            }
            if (receipt != null) {
                claims.claim(Hxp.CLAIM_RECEIPT, JSONObjectUtils.parse(receipt));
            }
            if (eventJson != null) {
                claims.claim(Hxp.CLAIM_EVENT, JSONObjectUtils.parse(eventJson));
            }
            ECKey signing = hubKeys.signingKey();
            JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(signing.getKeyID())
                    .type(new JOSEObjectType(Hxp.RESPONSE_TYP)).build(), new Payload(claims.build().toJSONObject()));
            jws.sign(CryptoProviders.configured().signer(signing));

            JWK jwk = JWK.parse(recipientKey);
            JWEEncrypter encrypter = CryptoProviders.configured().encrypter(jwk);
            JWEAlgorithm alg = KeyType.EC.equals(jwk.getKeyType()) ? JWEAlgorithm.ECDH_ES_A256KW : JWEAlgorithm.RSA_OAEP_256;
            JWEObject jwe = new JWEObject(new JWEHeader.Builder(alg, EncryptionMethod.A256GCM).keyID(jwk.getKeyID())
                    .contentType(Hxp.NESTED_CTY).build(), new Payload(jws.serialize()));
            jwe.encrypt(encrypter);
            return jwe.serialize();
        } catch (JOSEException | ParseException e) {
            throw new IllegalStateException("cannot seal the answer to " + recipient, e);
        }
    }

    /**
     * Seals a webhook delivery: like an answer, with {@code status} 200 and an {@code event} claim
     * instead of {@code in_reply_to}, so it can never pass for the answer to a request.
     *
     * @param recipientKey the recipient's encryption key, public JWK JSON
     * @param recipient    the recipient ({@code aud})
     * @param eventJson    the event, a JSON object
     * @return the compact JWE
     */
    public String sealEvent(String recipientKey, OrganizationId recipient, String eventJson) {
        return seal(recipientKey, recipient, null, 200, null, false, null, eventJson);
    }

    /** @return 256 random bits, base64url */
    static String newJti() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64URL.encode(bytes).toString();
    }
}
