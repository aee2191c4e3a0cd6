package org.electionpool.hub.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.electionpool.hub.protocol.log.Checkpoint;
import org.electionpool.hub.protocol.log.CheckpointWitness;
import org.electionpool.hub.protocol.log.ProofException;
import org.electionpool.hub.protocol.log.Receipts;
import org.electionpool.hub.protocol.log.SignedNote;
import org.electionpool.hub.protocol.hxp.HxpCodec;
import org.electionpool.hub.protocol.hxp.Hxp;
import org.electionpool.hub.protocol.json.StrictJson;

/**
 * An organisation's HXP/1 client for the hub, on {@code java.net.http}.
 *
 * <p>Every call is sealed: the request is signed with the organisation's signing key (JWS, {@code typ}
 * {@code hxp+jwt}) and encrypted to the hub (JWE), or for GET/DELETE sent as
 * {@code Authorization: HXP <JWS>}; every answer is decrypted and verified: hub signature,
 * {@code typ}, {@code aud}, {@code in_reply_to}, {@code status}, and the audit {@code receipt}
 * ({@link Receipts}: the checkpoint signed with the log key from the discovery document, the
 * inclusion proof, and that the entry records this request's {@code jti} and signed message). An
 * answer to a change (any method but GET) or a refused request must carry a receipt. Each
 * receipt's checkpoint is also held against the largest one this client verified before
 * ({@link CheckpointWitness}): a hub whose log does not provably extend what the client already saw
 * — rewritten, or forked to show the client another history than auditors — is refused. Persist
 * {@link #trustedCheckpoint()} and pass it to {@link Builder#trustedCheckpoint(String)} to keep that
 * guarantee across restarts. A failed verification throws {@link HubClientException}: the answer is
 * not trustworthy.
 *
 * <p>Idempotent calls (GET, PUT, DELETE) are retried on network errors, each time with a fresh
 * token, up to {@link Builder#retries(int)} times with exponential back-off; POST is never retried
 * by the client (resend it with the same {@code clientRef} instead). Thread-safe.
 *
 * <p>Sealing and sending can also be split: {@link #seal(String, String, String)} makes a
 * {@link SealedRequest} (all the crypto of the way out), {@link #send(SealedRequest)} sends it once
 * and verifies the answer; {@link #transmit(SealedRequest)} and {@link #open(SealedRequest, HttpResponse)}
 * are those two halves, for a caller (a load generator) that verifies only some answers.
 *
 * <pre>{@code
 * HubClient hub = HubClient.builder()
 *         .hub(URI.create("https://hub.example.org"))
 *         .organization("platform-alpha")
 *         .privateJwks(Path.of("platform-alpha.jwks.json"))
 *         .build();
 * HubResponse directory = hub.get("/api/v1/organizations");
 * }</pre>
 */
public final class HubClient {

    private static final Set<String> IDEMPOTENT = Set.of("GET", "PUT", "DELETE");
    private static final String CHECKPOINT_PATH = "/api/v1/audit/checkpoint";
    private static final String CONSISTENCY_PATH = "/api/v1/audit/proofs/consistency";

    private final URI hub;
    private final String organization;
    private final HttpClient http;
    private final HxpCodec codec;
    private final Clock clock;
    private final int retries;
    private final Duration timeout;
    private final SignedNote.VerifierKey logKey;
    private final CheckpointWitness witness;

    private HubClient(Builder b, HxpCodec codec, SignedNote.VerifierKey logKey) {
        this.logKey = logKey;
        try {
            this.witness = b.checkConsistency ? new CheckpointWitness(logKey, this::consistencyProof, b.trustedCheckpoint)
                    : null;
        } catch (ProofException e) {
            throw new HubClientException("the trusted checkpoint does not verify with the hub's log key: "
                    + e.getMessage(), e);
        }
        this.hub = b.hub;
        this.organization = b.organization;
        this.http = b.http;
        this.codec = codec;
        this.clock = b.clock;
        this.retries = b.retries;
        this.timeout = b.timeout;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the codec this client seals and opens with (for tests that craft their own tokens) */
    public HxpCodec codec() {
        return codec;
    }

    /**
     * @return the largest audit log checkpoint this client has verified and held consistent (a C2SP
     *         signed note), to persist and pass to {@link Builder#trustedCheckpoint(String)} next
     *         time; {@code null} before the first receipt or when consistency checks are off
     */
    public String trustedCheckpoint() {
        return witness == null ? null : witness.trustedNote();
    }

    /**
     * Fetches the hub's current checkpoint ({@code GET /api/v1/audit/checkpoint}, public), verifies
     * its signature and that it extends everything this client verified before.
     *
     * @return the signed checkpoint note
     * @throws HubClientException if it cannot be fetched or does not verify
     */
    public String latestCheckpoint() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(hub.resolve(CHECKPOINT_PATH))
                    .timeout(timeout).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new HubClientException("the checkpoint answered " + response.statusCode(), null);
            }
            if (witness != null) {
                witness.witness(response.body());
            } else {
                Checkpoint.parse(SignedNote.open(response.body(), logKey));
            }
            return response.body();
        } catch (ProofException | IllegalArgumentException e) {
            throw new HubClientException("the hub's checkpoint failed verification: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new HubClientException("cannot read the checkpoint: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubClientException("interrupted", e);
        }
    }

    /** The public consistency proof endpoint, as {@link CheckpointWitness.ProofSource}; retried like a GET. */
    private List<byte[]> consistencyProof(long from, long to) throws IOException, ProofException {
        URI uri = hub.resolve(CONSISTENCY_PATH + "?from=" + from + "&to=" + to);
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> response;
            try {
                response = http.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                if (attempt >= retries) {
                    throw e;
                }
                sleep(Duration.ofMillis(200L << Math.min(attempt, 6)));
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            if (response.statusCode() != 200) {
                throw new ProofException("the hub refused the consistency proof " + from + " -> " + to + ": "
                        + response.statusCode());
            }
            try {
                if (StrictJson.parse(response.body(), 4) instanceof Map<?, ?> body
                        && body.get("from") instanceof Number f && f.longValue() == from
                        && body.get("to") instanceof Number t && t.longValue() == to
                        && body.get("proof") instanceof List<?> hashes) {
                    return proofHashes(hashes);
                }
            } catch (IllegalArgumentException e) {
                throw new ProofException("the consistency proof is not valid: " + e.getMessage());
            }
            throw new ProofException("the consistency proof " + from + " -> " + to + " is malformed");
        }
    }

    /** @return the hashes of a consistency proof (standard base64 strings) */
    private static List<byte[]> proofHashes(List<?> hashes) throws ProofException {
        List<byte[]> proof = new ArrayList<>();
        try {
            for (Object hash : hashes) {
                if (!(hash instanceof String b64)) {
                    throw new ProofException("a consistency proof hash is not a string");
                }
                proof.add(Base64.getDecoder().decode(b64));
            }
        } catch (IllegalArgumentException e) {
            throw new ProofException("a consistency proof hash is not base64: " + e.getMessage());
        }
        return proof;
    }

    /** GET {@code target} (path and query, e.g. {@code /api/v1/inbox?after=AQAAAAAAAAAq}, a cursor from an earlier page). */
    public HubResponse get(String target) {
        return send("GET", target, null);
    }

    /** DELETE {@code target}. */
    public HubResponse delete(String target) {
        return send("DELETE", target, null);
    }

    /** POST a JSON object to {@code target}. */
    public HubResponse post(String target, String jsonBody) {
        return send("POST", target, Objects.requireNonNull(jsonBody, "jsonBody"));
    }

    /** PUT a JSON object to {@code target}. */
    public HubResponse put(String target, String jsonBody) {
        return send("PUT", target, Objects.requireNonNull(jsonBody, "jsonBody"));
    }

    /**
     * Sends one sealed request.
     *
     * @param method   GET, POST, PUT, PATCH or DELETE
     * @param target   path and query, starting with {@code /}
     * @param jsonBody a JSON object for POST/PUT/PATCH, {@code null} otherwise
     */
    public HubResponse send(String method, String target, String jsonBody) {
        if (!target.startsWith("/")) {
            throw new IllegalArgumentException("target must start with /");
        }
        int attempt = 0;
        while (true) {
            SealedRequest sealed = seal(method, target, jsonBody);
            try {
                return open(exchange(sealed), sealed);
            } catch (IOException e) {
                if (!IDEMPOTENT.contains(method) || attempt >= retries) {
                    throw new HubClientException(method + " " + target + " failed: " + e.getMessage(), e);
                }
                sleep(Duration.ofMillis(200L << Math.min(attempt, 6)));
                attempt++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HubClientException("interrupted", e);
            }
        }
    }

    /**
     * Seals a request now, to send later with {@link #send(SealedRequest)} or {@link #transmit(SealedRequest)}:
     * signs it with the organisation's signing key and, for POST/PUT/PATCH, encrypts it to the hub —
     * exactly what {@link #send(String, String, String)} does before each attempt. The token lives
     * {@link HxpCodec#TOKEN_LIFETIME_SECONDS} seconds and carries a fresh {@code jti}.
     *
     * @param method   GET, POST, PUT, PATCH or DELETE
     * @param target   path and query, starting with {@code /}
     * @param jsonBody a JSON object for POST/PUT/PATCH, {@code null} otherwise
     * @return the sealed request; send it once
     */
    public SealedRequest seal(String method, String target, String jsonBody) {
        return seal(method, target, jsonBody, Duration.ofSeconds(HxpCodec.TOKEN_LIFETIME_SECONDS));
    }

    /**
     * {@link #seal(String, String, String)} with a token lifetime of its own ({@code exp − iat}), for
     * requests sealed well before they are sent.
     *
     * @param lifetime more than 0 and at most {@link Hxp#MAX_LIFETIME_SECONDS} (300 s), the most the hub accepts
     * @throws IllegalArgumentException for a target without a leading {@code /} or a lifetime out of range
     */
    public SealedRequest seal(String method, String target, String jsonBody, Duration lifetime) {
        Objects.requireNonNull(method, "method");
        if (!target.startsWith("/")) {
            throw new IllegalArgumentException("target must start with /");
        }
        if (lifetime.isZero() || lifetime.isNegative() || lifetime.compareTo(Duration.ofSeconds(Hxp.MAX_LIFETIME_SECONDS)) > 0) {
            throw new IllegalArgumentException("lifetime must be in (0, " + Hxp.MAX_LIFETIME_SECONDS + " s]: " + lifetime);
        }
        String jti = HxpCodec.newJti();
        Instant now = clock.instant();
        // Whole seconds, as NumericDate carries them: the record then states the token's exact claims.
        Instant iat = Instant.ofEpochSecond(now.getEpochSecond());
        Instant exp = iat.plusSeconds(Math.max(1, lifetime.getSeconds()));
        String jws = codec.sign(codec.claims(method, target, jsonBody, jti, iat)
                .expirationTime(Date.from(exp)).build());
        return new SealedRequest(organization, method, target, jti, jws,
                jsonBody != null ? codec.encryptToHub(jws) : null, iat, exp);
    }

    /**
     * Sends a sealed request once (never retried: a copy of its token would be refused as replayed)
     * and opens and verifies the answer as every call of this client does.
     *
     * @param request sealed by a client of this client's organisation
     * @throws HubClientException if the hub cannot be reached or the answer does not verify
     */
    public HubResponse send(SealedRequest request) {
        return open(request, transmit(request));
    }

    /**
     * Sends a sealed request once and returns the hub's answer as it came, <strong>not opened and not
     * verified</strong>: a load generator's shortcut, to be followed by {@link #open(SealedRequest, HttpResponse)}
     * before anything in the answer is trusted. Never retried.
     *
     * @param request sealed by a client of this client's organisation
     * @return the raw answer: status, headers, and the body (a compact JWE, or a plain problem)
     * @throws HubClientException if the hub cannot be reached
     */
    public HttpResponse<String> transmit(SealedRequest request) {
        requireOwn(request);
        try {
            return exchange(request);
        } catch (IOException e) {
            throw new HubClientException(request.method() + " " + request.target() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubClientException("interrupted", e);
        }
    }

    /**
     * Opens and verifies the answer to a sealed request, exactly as {@link #send(String, String, String)}
     * does: decryption, the hub's signature and claims ({@code in_reply_to} = the request's {@code jti},
     * {@code status} = the HTTP status), the audit receipt and, when on, the consistency of its checkpoint.
     *
     * @param request the request {@code answer} answers
     * @param answer  the raw answer from {@link #transmit(SealedRequest)}
     * @throws HubClientException if the answer does not verify
     */
    public HubResponse open(SealedRequest request, HttpResponse<String> answer) {
        requireOwn(request);
        return open(answer, request);
    }

    private void requireOwn(SealedRequest request) {
        if (!organization.equals(request.organization())) {
            throw new IllegalArgumentException("sealed for " + request.organization() + ", not for " + organization);
        }
    }

    private HttpResponse<String> exchange(SealedRequest sealed) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(hub.resolve(sealed.target())).timeout(timeout);
        if (sealed.hasBody()) {
            request.header("Content-Type", Hxp.MEDIA_TYPE)
                    .method(sealed.method(), HttpRequest.BodyPublishers.ofString(sealed.jwe(), StandardCharsets.US_ASCII));
        } else {
            request.header("Authorization", Hxp.AUTH_SCHEME + " " + sealed.token())
                    .method(sealed.method(), HttpRequest.BodyPublishers.noBody());
        }
        long trusted = witness == null ? -1 : witness.trustedSize();
        if (trusted > 0) {
            // The receipt then brings the consistency proof from it: no second request per answer.
            request.header(Hxp.LOG_SIZE_HEADER, Long.toString(trusted));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HubResponse open(HttpResponse<String> response, SealedRequest sealed) {
        return open(response, sealed.method(), sealed.jti(), sealed.token());
    }

    private HubResponse open(HttpResponse<String> response, String method, String jti, String jws) {
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        String location = response.headers().firstValue("Location").orElse(null);
        if (contentType.startsWith(Hxp.MEDIA_TYPE)) {
            try {
                Map<String, Object> claims = codec.openAnswer(response.body(), jti, response.statusCode());
                String receipt = HxpCodec.toJson(claims.get(Hxp.CLAIM_RECEIPT));
                if (receipt != null) {
                    Receipts.Verified verified;
                    try {
                        verified = Receipts.verify(receipt, logKey, jti, jws);
                    } catch (ProofException e) {
                        throw new SecurityException("audit receipt: " + e.getMessage(), e);
                    }
                    boolean refusal = "request.refused".equals(verified.entry().get("action"));
                    if (response.statusCode() < 500 && refusal != (response.statusCode() >= 400)) {
                        throw new SecurityException("audit receipt records " + verified.entry().get("action")
                                + " for an answer with status " + response.statusCode());
                    }
                    if (witness != null) {
                        try {
                            Object consistency = claims.get(Hxp.CLAIM_RECEIPT) instanceof Map<?, ?> r ? r.get("consistency") : null;
                            if (consistency == null) {
                                witness.witness(verified.checkpoint());
                            } else if (consistency instanceof Map<?, ?> c && c.get("from") instanceof Number from
                                    && c.get("to") instanceof Number to && c.get("proof") instanceof List<?> hashes) {
                                // to must be the receipt's size; the witness uses the proof only for that step.
                                if (to.longValue() != verified.size()) {
                                    throw new ProofException("the receipt's consistency proof does not end at its size");
                                }
                                witness.witness(verified.checkpoint(), from.longValue(), proofHashes(hashes));
                            } else {
                                throw new ProofException("the receipt's consistency member is malformed");
                            }
                        } catch (ProofException e) {
                            throw new SecurityException("audit log: " + e.getMessage(), e);
                        } catch (IOException e) {
                            throw new HubClientException("the receipt verified, but the consistency proof of its"
                                    + " checkpoint could not be fetched: " + e.getMessage(), e);
                        }
                    }
                } else if (response.statusCode() < 500 && (!"GET".equals(method) || response.statusCode() >= 400)) {
                    // A 5xx is no refusal of the request and carries no receipt.
                    throw new SecurityException("no audit receipt on the answer to a change or a refused request");
                }
                return new HubResponse(response.statusCode(), true, HxpCodec.toJson(claims.get(Hxp.CLAIM_BODY)),
                        HxpCodec.toJson(claims.get(Hxp.CLAIM_PROBLEM)), HxpCodec.toJson(claims.get(Hxp.CLAIM_RECEIPT)),
                        location, jti);
            } catch (SecurityException e) {
                throw new HubClientException("the hub's answer failed verification: " + e.getMessage(), e);
            }
        }
        if (response.statusCode() >= 400) {
            return new HubResponse(response.statusCode(), false, null, response.body(), null, location, jti);
        }
        throw new HubClientException("unsealed success answer (" + response.statusCode() + ", " + contentType
                + "): refusing to trust it", null);
    }

    /**
     * Opens a webhook delivery the hub posted to your URL (docs/api.md, Webhooks): decrypts and
     * verifies it like an answer — and that it answers no request — and returns its event.
     *
     * @param body the delivery's body (a compact JWE, {@code application/jose})
     * @return the event as JSON text: {@code cursor}, {@code type}, {@code caseId}, {@code status},
     *         {@code actor}, {@code at}
     * @throws HubClientException if it does not verify: drop it, it is not from the hub
     */
    public String openDelivery(String body) {
        try {
            return HxpCodec.toJson(codec.openEvent(body));
        } catch (SecurityException e) {
            throw new HubClientException("the delivery failed verification: " + e.getMessage(), e);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String member(String json, String name) {
        Object document;
        try {
            document = StrictJson.parse(json, Hxp.MAX_JSON_DEPTH);
        } catch (IllegalArgumentException e) {
            throw new HubClientException("the discovery document is not valid JSON: " + e.getMessage(), e);
        }
        if (document instanceof Map<?, ?> map && map.get(name) instanceof String value) {
            return value;
        }
        if (document instanceof Map<?, ?> map && map.get(name) instanceof Map<?, ?> object) {
            return HxpCodec.toJson(object);
        }
        throw new HubClientException("discovery document has no " + name, null);
    }

    /** Configures a {@link HubClient}. Not thread-safe. */
    public static final class Builder {
        private URI hub;
        private String organization;
        private String privateJwks;
        private HttpClient http;
        private Clock clock = Clock.systemUTC();
        private int retries = 2;
        private Duration timeout = Duration.ofSeconds(30);
        private String pinnedLogKey;
        private boolean checkConsistency = true;
        private String trustedCheckpoint;

        private Builder() {
        }

        /** @param hub the hub's base URL, e.g. {@code https://hub.example.org} */
        public Builder hub(URI hub) {
            this.hub = hub;
            return this;
        }

        /** @param organization the organisation id the calls are made as ({@code iss}) */
        public Builder organization(String organization) {
            this.organization = organization;
            return this;
        }

        /**
         * Pins the audit log's C2SP verifier key (as an auditor or the hub operator gave it to you):
         * the client then refuses a hub whose discovery document publishes another one, so receipts
         * are checked against the key you trust rather than the one the hub names.
         *
         * @param verifierKey {@code <origin>+<hash>+<base64 key>}
         */
        public Builder logKey(String verifierKey) {
            this.pinnedLogKey = verifierKey;
            return this;
        }

        /**
         * @param note a checkpoint this organisation verified before (from {@link HubClient#trustedCheckpoint()}):
         *             every checkpoint the new client sees must provably extend it
         */
        public Builder trustedCheckpoint(String note) {
            this.trustedCheckpoint = note;
            return this;
        }

        /**
         * @param check whether each receipt's checkpoint must be proved consistent with the largest
         *              one seen before (one public proof request per new log size); default {@code true}
         */
        public Builder checkConsistency(boolean check) {
            this.checkConsistency = check;
            return this;
        }

        /** @param jwks the organisation's private JWK Set, JSON text */
        public Builder privateJwks(String jwks) {
            this.privateJwks = jwks;
            return this;
        }

        /** @param file a file holding the organisation's private JWK Set */
        public Builder privateJwks(Path file) {
            try {
                this.privateJwks = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new HubClientException("cannot read " + file, e);
            }
            return this;
        }

        /** @param http a configured {@link HttpClient} (TLS, proxy); default: a new one */
        public Builder httpClient(HttpClient http) {
            this.http = http;
            return this;
        }

        /** @param clock the clock tokens are dated with; default UTC system clock */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** @param retries how often an idempotent call is retried on a network error; default 2 */
        public Builder retries(int retries) {
            this.retries = retries;
            return this;
        }

        /** @param timeout per-request timeout; default 30 s */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /**
         * Reads the hub's discovery document and public keys, then returns the client.
         *
         * @throws HubClientException if the hub cannot be reached or its documents are unusable
         */
        public HubClient build() {
            Objects.requireNonNull(hub, "hub");
            Objects.requireNonNull(organization, "organization");
            Objects.requireNonNull(privateJwks, "privateJwks");
            if (http == null) {
                http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            }
            try {
                String configuration = fetch(hub.resolve(Hxp.CONFIGURATION_PATH));
                String issuer = member(configuration, "issuer");
                String jwks = fetch(URI.create(member(configuration, "jwks_uri")));
                SignedNote.VerifierKey logKey;
                String published = member(member(configuration, "audit_log"), "verifier_key");
                if (pinnedLogKey != null && !pinnedLogKey.equals(published)) {
                    throw new HubClientException("the hub publishes another audit log key than the pinned one", null);
                }
                try {
                    logKey = SignedNote.VerifierKey.parse(published);
                } catch (IllegalArgumentException e) {
                    throw new HubClientException("the discovery document's audit_log.verifier_key is unusable", e);
                }
                return new HubClient(this, new HxpCodec(organization, privateJwks, issuer, jwks), logKey);
            } catch (IOException e) {
                throw new HubClientException("cannot read the hub's discovery documents: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HubClientException("interrupted", e);
            }
        }

        private String fetch(URI uri) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException(uri + " answered " + response.statusCode());
            }
            return response.body();
        }
    }
}
