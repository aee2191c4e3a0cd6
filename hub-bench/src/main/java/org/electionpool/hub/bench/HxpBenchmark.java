package org.electionpool.hub.bench;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.electionpool.hub.protocol.hxp.HxpCodec;
import org.electionpool.hub.api.hxp.IncomingRequest;
import org.electionpool.hub.api.hxp.OpenedRequest;
import org.electionpool.hub.api.keys.KeyId;
import org.electionpool.hub.api.organizations.OrganizationId;
import org.electionpool.hub.api.organizations.OrganizationKind;
import org.electionpool.hub.crypto.HubKeys;
import org.electionpool.hub.crypto.HxpEnvelope;
import org.electionpool.hub.crypto.ParsedPublicKey;
import org.electionpool.hub.crypto.PublicKeys;
import org.electionpool.hub.crypto.Pkcs12HubKeyStore;
import org.electionpool.hub.protocol.jca.CryptoProviders;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * HXP/1 on one thread, per sender key type ({@code sig}: ES256 on P-256, ES384 on P-384, PS256 on
 * RSA-2048) and recipient key type ({@code enc}: ECDH-ES+A256KW on P-256 or P-384, RSA-OAEP-256 on
 * RSA-2048):
 * <ul>
 *   <li>{@code clientSealRequest} — the client signs a request and encrypts it to the hub;</li>
 *   <li>{@code hubOpenRequest} — the hub's whole check path: decrypt, verify, every claim check,
 *       replay (in memory here; the database adds its own cost in the service);</li>
 *   <li>{@code hubSealAnswer} — the hub signs an answer and encrypts it to the caller;</li>
 *   <li>{@code clientOpenAnswer} — the client decrypts and verifies the answer;</li>
 *   <li>{@code hubOpenAndSeal} — the server's whole open → verify → check → seal path;</li>
 *   <li>{@code roundTrip} — the crypto-only ceiling of one request: client seal, hub open and seal,
 *       client open (what issue 14 holds end-to-end throughput against).</li>
 * </ul>
 * Each with the provider choice {@code providers} of ADR 0010 ({@code CryptoProviders}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class HxpBenchmark {

    private static final String ISSUER = "https://hub.bench";
    private static final OrganizationId ORG = new OrganizationId("platform-bench");
    private static final String BODY = "{\"reference\":\"MOJ-2026-0042\",\"kind\":\"REMOVAL_ORDER\",\"items\":["
            + "{\"url\":\"https://social.example/p/1\"},{\"url\":\"https://social.example/p/2\"}]}";
    private static final String ANSWER = "{\"id\":\"case-8f3a\",\"status\":\"SUBMITTED\",\"items\":3}";

    @Param({"ES256", "ES384", "PS256"})
    public String sig;

    @Param({"ECDH-ES+A256KW/P-256", "RSA-OAEP-256"})
    public String enc;

    /** ADR 0010's provider choice ({@code CryptoProviders}): {@code hub}, {@code jdk} or {@code bouncy-castle}. */
    @Param({"hub", "jdk", "bouncy-castle"})
    public String providers;

    private HxpEnvelope envelope;
    private HxpCodec codec;
    private HxpEnvelope.SenderKeys senders;
    private String recipientKey;
    private String sealedRequest;
    private String sealedAnswer;
    private String answerJti;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        // Each parameter combination runs in a fork of its own: the choice is made before anything uses it.
        System.setProperty(CryptoProviders.PROPERTY, providers);
        if (!CryptoProviders.configured().propertyValue().equals(providers)) {
            throw new IllegalStateException("provider choice already made: " + CryptoProviders.configured());
        }
        Path dir = Files.createTempDirectory("hub-bench");
        Path store = dir.resolve("hub.p12");
        Pkcs12HubKeyStore.addKeys(store, "bench".toCharArray(), List.of("sig", "enc", "log"), Clock.systemUTC());
        HubKeys hubKeys = Pkcs12HubKeyStore.load(store, "bench".toCharArray());
        envelope = new HxpEnvelope(hubKeys, ISSUER, Clock.systemUTC());

        JWK sigKey = switch (sig) {
            case "ES256" -> new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint(true).generate();
            case "ES384" -> new ECKeyGenerator(Curve.P_384).keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint(true).generate();
            default -> new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint(true).generate();
        };
        JWK encKey = enc.startsWith("ECDH")
                ? new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.ENCRYPTION).keyIDFromThumbprint(true).generate()
                : new RSAKeyGenerator(2048).keyUse(KeyUse.ENCRYPTION).keyIDFromThumbprint(true).generate();
        ParsedPublicKey sigParsed = PublicKeys.parse(new HashMap<>(sigKey.toPublicJWK().toJSONObject()), null, null, null);
        ParsedPublicKey encParsed = PublicKeys.parse(new HashMap<>(encKey.toPublicJWK().toJSONObject()), null, null, null);
        recipientKey = encParsed.jwkJson();
        Map<String, HxpEnvelope.SenderKey> registry = Map.of(sigParsed.kid(), new HxpEnvelope.SenderKey(
                OrganizationKind.PLATFORM, true, true, org.electionpool.hub.api.keys.KeyUse.SIG, sigParsed.algorithm(),
                sigParsed.jwkJson()));
        senders = new HxpEnvelope.SenderKeys() {
            @Override
            public Optional<HxpEnvelope.SenderKey> find(OrganizationId issuer, KeyId kid) {
                return Optional.ofNullable(registry.get(kid.value()));
            }

            @Override
            public Optional<String> encryptionKey(OrganizationId organization) {
                return Optional.of(recipientKey);
            }
        };
        codec = new HxpCodec(ORG.value(), new JWKSet(List.of(sigKey, encKey)).toString(false), ISSUER,
                hubKeys.publicJwkSet().toString());
        sealedRequest = clientSealRequest();
        answerJti = HxpCodec.newJti();
        sealedAnswer = envelope.seal(recipientKey, ORG, answerJti, 201, ANSWER, false);
    }

    @Benchmark
    public String clientSealRequest() {
        return codec.encryptToHub(codec.requestToken("POST", "/api/v1/cases", BODY, HxpCodec.newJti(), Instant.now()));
    }

    @Benchmark
    public OpenedRequest hubOpenRequest() {
        // The replay guard always answers "first use" so one sealed request can be opened again and again.
        return envelope.open(new IncomingRequest("POST", "/api/v1/cases", "application/jose", null,
                sealedRequest.getBytes(StandardCharsets.US_ASCII)), senders, (issuer, jti, until) -> true);
    }

    @Benchmark
    public String hubSealAnswer() {
        return envelope.seal(recipientKey, ORG, answerJti, 201, ANSWER, false);
    }

    @Benchmark
    public Map<String, Object> clientOpenAnswer() {
        return codec.openAnswer(sealedAnswer, answerJti, 201);
    }

    @Benchmark
    public Map<String, Object> roundTrip() {
        String jti = HxpCodec.newJti();
        String request = codec.encryptToHub(codec.requestToken("POST", "/api/v1/cases", BODY, jti, Instant.now()));
        OpenedRequest opened = envelope.open(new IncomingRequest("POST", "/api/v1/cases", "application/jose", null,
                request.getBytes(StandardCharsets.US_ASCII)), senders, (issuer, j, until) -> true);
        String answer = envelope.seal(recipientKey, opened.caller().organization(), opened.jti(), 201, ANSWER, false);
        return codec.openAnswer(answer, jti, 201);
    }

    @Benchmark
    public String hubOpenAndSeal() {
        OpenedRequest opened = hubOpenRequest();
        return envelope.seal(recipientKey, opened.caller().organization(), opened.jti(), 201, ANSWER, false);
    }
}
