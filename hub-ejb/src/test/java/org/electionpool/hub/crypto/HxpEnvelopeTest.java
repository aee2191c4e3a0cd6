package org.electionpool.hub.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.electionpool.hub.protocol.hxp.HxpCodec;
import org.electionpool.hub.api.hxp.IncomingRequest;
import org.electionpool.hub.api.hxp.OpenedRequest;
import org.electionpool.hub.api.keys.KeyId;
import org.electionpool.hub.api.keys.KeyUse;
import org.electionpool.hub.api.organizations.OrganizationId;
import org.electionpool.hub.api.organizations.OrganizationKind;
import org.electionpool.hub.api.problem.HubException;
import org.electionpool.hub.api.problem.ProblemType;
import org.electionpool.hub.crypto.Pkcs12HubKeyStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * HXP/1 round trips without a container: the client codec seals, {@link HxpEnvelope} opens and
 * seals the answer, the codec opens and verifies it — for every allowed signing and encryption
 * key type. Keys are generated at run time.
 */
class HxpEnvelopeTest {

    private static final String ISSUER = "https://hub.test";
    private static final OrganizationId ORG = new OrganizationId("platform-test");

    @TempDir
    Path dir;

    private HubKeys hubKeys;
    private HxpEnvelope envelope;
    private final Map<String, HxpEnvelope.SenderKey> registry = new HashMap<>();
    private final Map<OrganizationId, String> encryptionKeys = new HashMap<>();
    private final Set<String> seen = new HashSet<>();

    private final HxpEnvelope.SenderKeys senders = new HxpEnvelope.SenderKeys() {
        @Override
        public Optional<HxpEnvelope.SenderKey> find(OrganizationId issuer, KeyId kid) {
            return Optional.ofNullable(registry.get(issuer + "/" + kid));
        }

        @Override
        public Optional<String> encryptionKey(OrganizationId organization) {
            return Optional.ofNullable(encryptionKeys.get(organization));
        }
    };

    private JWK lastSigningKey;
    private final HxpEnvelope.ReplayGuard replay = (issuer, jti, until) -> seen.add(issuer + "/" + jti);

    @BeforeEach
    void setUp() {
        Path keystore = dir.resolve("hub.p12");
        Pkcs12HubKeyStore.addKeys(keystore, "pw".toCharArray(), List.of("sig", "enc", "log"), Clock.systemUTC());
        hubKeys = Pkcs12HubKeyStore.load(keystore, "pw".toCharArray());
        envelope = new HxpEnvelope(hubKeys, ISSUER, Clock.systemUTC());
    }

    private static JWK generate(String type, com.nimbusds.jose.jwk.KeyUse use) throws Exception {
        return switch (type) {
            case "P-256" -> new ECKeyGenerator(Curve.P_256).keyUse(use).keyIDFromThumbprint(true).generate();
            case "P-384" -> new ECKeyGenerator(Curve.P_384).keyUse(use).keyIDFromThumbprint(true).generate();
            case "RSA" -> new RSAKeyGenerator(2048).keyUse(use).keyIDFromThumbprint(true).generate();
            default -> throw new IllegalArgumentException(type);
        };
    }

    /** Registers the organisation's public keys as the registry would, and returns its codec. */
    private HxpCodec register(String sigType, String encType) throws Exception {
        JWK sig = generate(sigType, com.nimbusds.jose.jwk.KeyUse.SIGNATURE);
        lastSigningKey = sig;
        JWK enc = generate(encType, com.nimbusds.jose.jwk.KeyUse.ENCRYPTION);
        ParsedPublicKey sigParsed = PublicKeys.parse(new HashMap<>(sig.toPublicJWK().toJSONObject()), null, null, null);
        ParsedPublicKey encParsed = PublicKeys.parse(new HashMap<>(enc.toPublicJWK().toJSONObject()), null, null, null);
        registry.put(ORG + "/" + sigParsed.kid(), new HxpEnvelope.SenderKey(OrganizationKind.PLATFORM, true, true,
                KeyUse.SIG, sigParsed.algorithm(), sigParsed.jwkJson()));
        encryptionKeys.put(ORG, encParsed.jwkJson());
        return new HxpCodec(ORG.value(), new JWKSet(List.of(sig, enc)).toString(false), ISSUER,
                hubKeys.publicJwkSet().toString());
    }

    private OpenedRequest post(HxpCodec codec, String jti, String body) {
        String jwe = codec.encryptToHub(codec.requestToken("POST", "/api/v1/things?x=1", body, jti, Instant.now()));
        return envelope.open(new IncomingRequest("POST", "/api/v1/things?x=1", "application/jose; charset=us-ascii", null,
                jwe.getBytes(StandardCharsets.US_ASCII)), senders, replay);
    }

    @ParameterizedTest(name = "sign {0}, encrypt to {1}")
    @CsvSource({"P-256,P-256", "P-256,P-384", "P-256,RSA", "P-384,P-256", "P-384,P-384", "P-384,RSA",
            "RSA,P-256", "RSA,P-384", "RSA,RSA"})
    void requestAndAnswerRoundTripForEveryAllowedKeyType(String sigType, String encType) throws Exception {
        HxpCodec codec = register(sigType, encType);
        String jti = HxpCodec.newJti();
        OpenedRequest opened = post(codec, jti, "{\"name\":\"ä\",\"n\":[1,2]}");
        assertEquals(ORG, opened.caller().organization());
        assertEquals(OrganizationKind.PLATFORM, opened.caller().kind());
        assertEquals(jti, opened.jti());
        assertEquals("{\"name\":\"ä\",\"n\":[1,2]}", opened.bodyJson());

        String sealed = envelope.seal(encryptionKeys.get(ORG), ORG, jti, 201, "{\"id\":\"x\"}", false);
        Map<String, Object> answer = codec.openAnswer(sealed, jti, 201);
        assertEquals(Map.of("id", "x"), answer.get("body"));
        assertEquals(ISSUER, answer.get("iss"));
    }

    @Test
    void bodylessRequestTravelsInTheAuthorizationHeader() throws Exception {
        HxpCodec codec = register("P-256", "P-256");
        String token = codec.requestToken("GET", "/api/v1/things", null, HxpCodec.newJti(), Instant.now());
        OpenedRequest opened = envelope.open(new IncomingRequest("GET", "/api/v1/things", null, "HXP " + token, new byte[0]),
                senders, replay);
        assertEquals(null, opened.bodyJson());
        assertEquals(token, opened.evidence(), "the sender's JWS is kept exactly as received");
    }

    /** Attack regression: a body the audit log could not canonicalise must not get past the envelope. */
    @Test
    void bodyThatIsNotIJsonIsRefusedBeforeAnyBusinessCode() throws Exception {
        HxpCodec codec = register("P-256", "P-256");
        String target = "/api/v1/things?x=1";
        // JSON libraries replace a lone surrogate when they serialise; an attacker writes the escape by hand.
        String claims = codec.claims("POST", target, "{\"s\":\"LONE\"}", HxpCodec.newJti(), Instant.now()).build()
                .toString().replace("LONE", "\\ud800");
        com.nimbusds.jose.JWSObject jws = new com.nimbusds.jose.JWSObject(new com.nimbusds.jose.JWSHeader.Builder(
                com.nimbusds.jose.JWSAlgorithm.ES256).keyID(lastSigningKey.getKeyID())
                .type(new com.nimbusds.jose.JOSEObjectType("hxp+jwt")).build(), new com.nimbusds.jose.Payload(claims));
        jws.sign(new com.nimbusds.jose.crypto.ECDSASigner(lastSigningKey.toECKey()));
        byte[] body = codec.encryptToHub(jws.serialize()).getBytes(StandardCharsets.US_ASCII);
        HubException e = assertThrows(HubException.class, () -> envelope.open(new IncomingRequest("POST", target,
                "application/jose", null, body), senders, replay));
        assertEquals(ProblemType.HXP_CLAIMS_INVALID, e.type());
        assertTrue(e.getMessage().contains("I-JSON"), e.getMessage());
    }

    @Test
    void secondUseOfAJtiIsAReplay() throws Exception {
        HxpCodec codec = register("P-256", "P-256");
        String token = codec.requestToken("GET", "/api/v1/things", null, HxpCodec.newJti(), Instant.now());
        IncomingRequest request = new IncomingRequest("GET", "/api/v1/things", null, "HXP " + token, new byte[0]);
        envelope.open(request, senders, replay);
        HubException e = assertThrows(HubException.class, () -> envelope.open(request, senders, replay));
        assertEquals(ProblemType.HXP_REPLAYED, e.type());
    }

    @Test
    void retiredKeyAndSuspendedOrganizationCannotSign() throws Exception {
        HxpCodec codec = register("P-256", "P-256");
        String kid = registry.keySet().iterator().next();
        HxpEnvelope.SenderKey active = registry.get(kid);
        registry.put(kid, new HxpEnvelope.SenderKey(active.kind(), true, false, active.use(), active.algorithm(), active.jwkJson()));
        assertEquals(ProblemType.HXP_UNAUTHENTICATED,
                assertThrows(HubException.class, () -> post(codec, HxpCodec.newJti(), "{}")).type());
        registry.put(kid, new HxpEnvelope.SenderKey(active.kind(), false, true, active.use(), active.algorithm(), active.jwkJson()));
        assertEquals(ProblemType.HXP_UNAUTHENTICATED,
                assertThrows(HubException.class, () -> post(codec, HxpCodec.newJti(), "{}")).type());
    }

    @Test
    void encryptionKeyRegisteredAsSigningKeyCannotSign() throws Exception {
        HxpCodec codec = register("P-256", "P-256");
        String kid = registry.keySet().iterator().next();
        HxpEnvelope.SenderKey active = registry.get(kid);
        registry.put(kid, new HxpEnvelope.SenderKey(active.kind(), true, true, KeyUse.ENC, active.algorithm(), active.jwkJson()));
        assertEquals(ProblemType.HXP_UNAUTHENTICATED,
                assertThrows(HubException.class, () -> post(codec, HxpCodec.newJti(), "{}")).type());
    }

    @Test
    void senderWithoutAnEncryptionKeyIsRefused() throws Exception {
        HxpCodec codec = register("P-256", "P-256");
        encryptionKeys.clear();
        assertEquals(ProblemType.HXP_NO_ENCRYPTION_KEY,
                assertThrows(HubException.class, () -> post(codec, HxpCodec.newJti(), "{}")).type());
    }

    @Test
    void clientRefusesAnswersThatDoNotMatchItsRequest() throws Exception {
        HxpCodec codec = register("P-256", "P-256");
        String jti = HxpCodec.newJti();
        String sealed = envelope.seal(encryptionKeys.get(ORG), ORG, jti, 200, "{}", false);
        assertThrows(SecurityException.class, () -> codec.openAnswer(sealed, HxpCodec.newJti(), 200), "in_reply_to");
        assertThrows(SecurityException.class, () -> codec.openAnswer(sealed, jti, 404), "status");
        String other = envelope.seal(encryptionKeys.get(ORG), new OrganizationId("platform-other"), jti, 200, "{}", false);
        assertThrows(SecurityException.class, () -> codec.openAnswer(other, jti, 200), "aud");
        char[] tampered = sealed.toCharArray();
        tampered[tampered.length / 2] = tampered[tampered.length / 2] == 'A' ? 'B' : 'A';
        assertThrows(SecurityException.class, () -> codec.openAnswer(new String(tampered), jti, 200), "tampered");
    }

    @Test
    void clientRefusesAnAnswerSignedByAnotherHub() throws Exception {
        HxpCodec codec = register("P-256", "P-256");
        Path otherStore = dir.resolve("other.p12");
        Pkcs12HubKeyStore.addKeys(otherStore, "pw".toCharArray(), List.of("sig", "enc", "log"), Clock.systemUTC());
        HxpEnvelope impostor = new HxpEnvelope(Pkcs12HubKeyStore.load(otherStore, "pw".toCharArray()), ISSUER,
                Clock.systemUTC());
        String jti = HxpCodec.newJti();
        String forged = impostor.seal(encryptionKeys.get(ORG), ORG, jti, 200, "{}", false);
        SecurityException e = assertThrows(SecurityException.class, () -> codec.openAnswer(forged, jti, 200));
        assertTrue(e.getMessage().contains("signature"), e.getMessage());
    }

    @Test
    void problemsTravelInTheProblemClaim() throws Exception {
        HxpCodec codec = register("P-256", "P-256");
        String jti = HxpCodec.newJti();
        String sealed = envelope.seal(encryptionKeys.get(ORG), ORG, jti, 404,
                "{\"type\":\"urn:electionpool:problem:not-found\",\"status\":404}", true);
        Map<String, Object> answer = codec.openAnswer(sealed, jti, 404);
        assertEquals("urn:electionpool:problem:not-found", ((Map<?, ?>) answer.get("problem")).get("type"));
        assertEquals(null, answer.get("body"));
    }
}
