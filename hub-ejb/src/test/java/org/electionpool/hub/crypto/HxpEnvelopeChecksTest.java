package org.electionpool.hub.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.electionpool.hub.protocol.hxp.HxpCodec;
import org.electionpool.hub.api.hxp.IncomingRequest;
import org.electionpool.hub.api.keys.KeyId;
import org.electionpool.hub.api.organizations.OrganizationId;
import org.electionpool.hub.api.organizations.OrganizationKind;
import org.electionpool.hub.api.problem.HubException;
import org.electionpool.hub.api.problem.ProblemType;
import org.electionpool.hub.crypto.Pkcs12HubKeyStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every check of docs/protocol.md §3.4 on {@link HxpEnvelope} without a container: one good
 * request, then one request per failure, each answered with its documented problem type.
 * (EnvelopeAttackIT runs the same attacks over HTTP in WildFly.)
 */
class HxpEnvelopeChecksTest {

    private static final String ISSUER = "https://hub.test";
    private static final OrganizationId ORG = new OrganizationId("platform-test");
    private static final String TARGET = "/api/v1/things";

    private static HxpEnvelope envelope;
    private static HxpCodec codec;
    private static ECKey sigKey;
    private static ECKey hubEncKey;
    private static final Map<String, HxpEnvelope.SenderKey> REGISTRY = new HashMap<>();
    private static final Set<String> SEEN = new HashSet<>();
    private static String encryptionKey;

    private static final HxpEnvelope.SenderKeys SENDERS = new HxpEnvelope.SenderKeys() {
        @Override
        public Optional<HxpEnvelope.SenderKey> find(OrganizationId issuer, KeyId kid) {
            return ORG.equals(issuer) ? Optional.ofNullable(REGISTRY.get(kid.value())) : Optional.empty();
        }

        @Override
        public Optional<String> encryptionKey(OrganizationId organization) {
            return Optional.ofNullable(encryptionKey);
        }
    };

    @BeforeAll
    static void setUp() throws Exception {
        Path dir = Files.createTempDirectory("hxp-checks");
        Pkcs12HubKeyStore.addKeys(dir.resolve("hub.p12"), "pw".toCharArray(), List.of("sig", "enc", "log"), Clock.systemUTC());
        HubKeys hubKeys = Pkcs12HubKeyStore.load(dir.resolve("hub.p12"), "pw".toCharArray());
        hubEncKey = hubKeys.publicJwkSet().getKeys().stream().filter(k -> KeyUse.ENCRYPTION.equals(k.getKeyUse()))
                .map(JWK::toECKey).findFirst().orElseThrow();
        envelope = new HxpEnvelope(hubKeys, ISSUER, Clock.systemUTC());
        sigKey = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint(true).generate();
        ECKey encKey = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.ENCRYPTION).keyIDFromThumbprint(true).generate();
        ParsedPublicKey sig = PublicKeys.parse(new HashMap<>(sigKey.toPublicJWK().toJSONObject()), null, null, null);
        REGISTRY.put(sig.kid(), new HxpEnvelope.SenderKey(OrganizationKind.PLATFORM, true, true,
                org.electionpool.hub.api.keys.KeyUse.SIG, sig.algorithm(), sig.jwkJson()));
        encryptionKey = PublicKeys.parse(new HashMap<>(encKey.toPublicJWK().toJSONObject()), null, null, null).jwkJson();
        codec = new HxpCodec(ORG.value(), new JWKSet(List.of(sigKey, encKey)).toString(false), ISSUER,
                hubKeys.publicJwkSet().toString());
    }

    // ---- building blocks ----

    private static JWTClaimsSet.Builder claims() {
        return codec.claims("POST", TARGET, "{\"a\":1}", HxpCodec.newJti(), Instant.now());
    }

    private static String b64(String s) {
        return Base64URL.encode(s.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String header(String extra) {
        return "{\"alg\":\"ES256\",\"kid\":\"" + sigKey.getKeyID() + "\",\"typ\":\"hxp+jwt\"" + extra + "}";
    }

    private static String signRaw(String headerJson, String payloadJson) {
        try {
            String input = b64(headerJson) + "." + b64(payloadJson);
            return input + "." + new ECDSASigner(sigKey).sign(new JWSHeader(JWSAlgorithm.ES256),
                    input.getBytes(StandardCharsets.US_ASCII));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the UTF-8 of {@code text} with the first {@code #} replaced by raw {@code octets} */
    private static byte[] withBytes(String text, byte[] octets) {
        String marked = text.contains("#") ? text : text.replaceFirst("\\{", "{\"x\":\"#\",");
        int at = marked.indexOf('#');
        byte[] head = marked.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] tail = marked.substring(at + 1).getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[head.length + octets.length + tail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(octets, 0, out, head.length, octets.length);
        System.arraycopy(tail, 0, out, head.length + octets.length, tail.length);
        return out;
    }

    /** A JWS over exactly these payload octets (and a header given as ISO-8859-1 text of its octets, or UTF-8 JSON). */
    private static String signRawBytes(String headerJson, byte[] payload) {
        try {
            byte[] headerOctets = headerJson.chars().allMatch(c -> c < 0x100)
                    ? headerJson.getBytes(StandardCharsets.ISO_8859_1) : headerJson.getBytes(StandardCharsets.UTF_8);
            String input = Base64URL.encode(headerOctets) + "." + Base64URL.encode(payload);
            return input + "." + new ECDSASigner(sigKey).sign(new JWSHeader(JWSAlgorithm.ES256),
                    input.getBytes(StandardCharsets.US_ASCII));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String toHub(String plaintext, String cty) {
        try {
            JWEHeader.Builder h = new JWEHeader.Builder(JWEAlgorithm.ECDH_ES_A256KW, EncryptionMethod.A256GCM)
                    .keyID(hubEncKey.getKeyID());
            if (cty != null) {
                h.contentType(cty);
            }
            JWEObject jwe = new JWEObject(h.build(), new Payload(plaintext));
            jwe.encrypt(new ECDHEncrypter(hubEncKey));
            return jwe.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String jweWithHeader(String headerJson) {
        return b64(headerJson) + ".AAAA.AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA";
    }

    private static String jweHeader(String extra) {
        return "{\"alg\":\"ECDH-ES+A256KW\",\"enc\":\"A256GCM\",\"cty\":\"JWT\",\"kid\":\"" + hubEncKey.getKeyID() + "\""
                + extra + "}";
    }

    private static IncomingRequest post(String body) {
        return new IncomingRequest("POST", TARGET, "application/jose", null, body.getBytes(StandardCharsets.US_ASCII));
    }

    private static IncomingRequest postClaims(JWTClaimsSet claims) {
        return post(codec.encryptToHub(codec.sign(claims)));
    }

    private static IncomingRequest get(String authorization) {
        return new IncomingRequest("GET", TARGET, null, authorization, new byte[0]);
    }

    private static Arguments refused(String name, ProblemType type, Function<Void, IncomingRequest> request) {
        return Arguments.of(name, type, request);
    }

    static Stream<Arguments> cases() {
        Instant now = Instant.now();
        return Stream.of(
                refused("plain JSON media type", ProblemType.UNSUPPORTED_MEDIA_TYPE,
                        v -> new IncomingRequest("POST", TARGET, "application/json", null, "{}".getBytes())),
                refused("no Authorization on GET", ProblemType.HXP_UNAUTHENTICATED, v -> get(null)),
                refused("Bearer scheme", ProblemType.HXP_UNAUTHENTICATED, v -> get("Bearer x.y.z")),
                refused("oversized Authorization", ProblemType.PAYLOAD_TOO_LARGE, v -> get("HXP " + "a".repeat(20_000))),
                refused("GET with a body", ProblemType.HXP_MALFORMED,
                        v -> new IncomingRequest("GET", TARGET, null, "HXP a.b.c", new byte[] {'{', '}'})),
                refused("three parts where five are needed", ProblemType.HXP_MALFORMED, v -> post("a.b.c")),
                refused("not base64url", ProblemType.HXP_MALFORMED, v -> post("e30.a!b.c.d.e")),
                refused("duplicate JWE header member", ProblemType.HXP_MALFORMED,
                        v -> post(jweWithHeader(jweHeader(",\"enc\":\"A128GCM\"")))),
                refused("JWE header too deep", ProblemType.HXP_MALFORMED,
                        v -> post(jweWithHeader(jweHeader(",\"apu\":" + "[".repeat(10) + "]".repeat(10))))),
                refused("RSA1_5", ProblemType.HXP_HEADER_REFUSED,
                        v -> post(jweWithHeader(jweHeader("").replace("ECDH-ES+A256KW", "RSA1_5")))),
                refused("PBES2 with p2c", ProblemType.HXP_HEADER_REFUSED,
                        v -> post(jweWithHeader(jweHeader(",\"p2c\":2000000000,\"p2s\":\"AAAA\"")
                                .replace("ECDH-ES+A256KW", "PBES2-HS512+A256KW")))),
                refused("dir", ProblemType.HXP_HEADER_REFUSED,
                        v -> post(jweWithHeader(jweHeader("").replace("ECDH-ES+A256KW", "dir")))),
                refused("zip", ProblemType.HXP_HEADER_REFUSED, v -> post(jweWithHeader(jweHeader(",\"zip\":\"DEF\"")))),
                refused("unknown crit", ProblemType.HXP_HEADER_REFUSED,
                        v -> post(jweWithHeader(jweHeader(",\"crit\":[\"x-h\"],\"x-h\":1")))),
                refused("jku", ProblemType.HXP_HEADER_REFUSED,
                        v -> post(jweWithHeader(jweHeader(",\"jku\":\"https://attacker.example\"")))),
                refused("enc A128CBC-HS256", ProblemType.HXP_HEADER_REFUSED,
                        v -> post(jweWithHeader(jweHeader("").replace("A256GCM", "A128CBC-HS256")))),
                refused("cty missing", ProblemType.HXP_HEADER_REFUSED,
                        v -> post(toHub(codec.sign(claims().build()), null))),
                refused("unknown hub kid", ProblemType.HXP_UNDECRYPTABLE,
                        v -> post(jweWithHeader(jweHeader("").replace(hubEncKey.getKeyID(), "nope")))),
                refused("garbage ciphertext", ProblemType.HXP_UNDECRYPTABLE, v -> post(jweWithHeader(jweHeader(
                        ",\"epk\":{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"" + hubEncKey.getX() + "\",\"y\":\""
                                + hubEncKey.getY() + "\"}")))),
                // Issue 10 item 2: headers Nimbus threw unchecked exceptions for (500 before).
                refused("JWE alg none", ProblemType.HXP_HEADER_REFUSED,
                        v -> post(jweWithHeader(jweHeader("").replace("ECDH-ES+A256KW", "none")))),
                refused("JWE alg not a string", ProblemType.HXP_HEADER_REFUSED,
                        v -> post(jweWithHeader(jweHeader("").replace("\"ECDH-ES+A256KW\"", "7")))),
                refused("JWE without alg", ProblemType.HXP_HEADER_REFUSED,
                        v -> post(jweWithHeader(jweHeader("").replace("\"alg\":\"ECDH-ES+A256KW\",", "")))),
                refused("JWE enc null", ProblemType.HXP_HEADER_REFUSED,
                        v -> post(jweWithHeader(jweHeader("").replace("\"A256GCM\"", "null")))),
                refused("JWE kid a number", ProblemType.HXP_MALFORMED,
                        v -> post(jweWithHeader(jweHeader("").replace("\"" + hubEncKey.getKeyID() + "\"", "12")))),
                refused("JWE cty an object", ProblemType.HXP_MALFORMED,
                        v -> post(jweWithHeader(jweHeader("").replace("\"JWT\"", "{}")))),
                refused("epk of kty oct", ProblemType.HXP_HEADER_REFUSED,
                        v -> post(jweWithHeader(jweHeader(",\"epk\":{\"kty\":\"oct\",\"k\":\"AAAA\"}")))),
                refused("epk carrying d", ProblemType.HXP_HEADER_REFUSED, v -> {
                    try {
                        return post(jweWithHeader(jweHeader(",\"epk\":" + new com.nimbusds.jose.jwk.gen.ECKeyGenerator(
                                com.nimbusds.jose.jwk.Curve.P_256).generate().toJSONString())));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }),
                refused("epk with a kid", ProblemType.HXP_HEADER_REFUSED,
                        v -> post(jweWithHeader(jweHeader(",\"epk\":" + hubEncKey.toPublicJWK().toJSONString())))),
                refused("epk on P-384", ProblemType.HXP_HEADER_REFUSED, v -> post(jweWithHeader(jweHeader(
                        ",\"epk\":{\"kty\":\"EC\",\"crv\":\"P-384\",\"x\":\"AAAA\",\"y\":\"AAAA\"}")))),
                refused("epk a string", ProblemType.HXP_HEADER_REFUSED, v -> post(jweWithHeader(jweHeader(",\"epk\":\"x\"")))),
                refused("epk x a number", ProblemType.HXP_HEADER_REFUSED, v -> post(jweWithHeader(jweHeader(
                        ",\"epk\":{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":1,\"y\":\"AAAA\"}")))),
                refused("JWS alg none", ProblemType.HXP_HEADER_REFUSED,
                        v -> post(toHub(signRaw(header("").replace("ES256", "none"), claims().build().toString()), "JWT"))),
                refused("JWS alg null", ProblemType.HXP_HEADER_REFUSED,
                        v -> post(toHub(signRaw(header("").replace("\"ES256\"", "null"), claims().build().toString()), "JWT"))),
                refused("JWS kid an array", ProblemType.HXP_MALFORMED, v -> post(toHub(signRaw(
                        header("").replace("\"" + sigKey.getKeyID() + "\"", "[]"), claims().build().toString()), "JWT"))),
                // Issue 10 item 4: octets that are not UTF-8 (a lenient decoder would store U+FFFD).
                refused("claims with FF", ProblemType.HXP_MALFORMED, v -> post(toHub(signRawBytes(header(""),
                        withBytes(claims().claim("x", "caf#").build().toString(), new byte[] {(byte) 0xFF})), "JWT"))),
                refused("claims with overlong C0 AF", ProblemType.HXP_MALFORMED, v -> post(toHub(signRawBytes(header(""),
                        withBytes(claims().build().toString(), new byte[] {(byte) 0xC0, (byte) 0xAF})), "JWT"))),
                refused("claims with a surrogate ED A0 80", ProblemType.HXP_MALFORMED, v -> post(toHub(signRawBytes(header(""),
                        withBytes(claims().build().toString(), new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})), "JWT"))),
                refused("claims with truncated E2 82", ProblemType.HXP_MALFORMED, v -> post(toHub(signRawBytes(header(""),
                        withBytes(claims().build().toString(), new byte[] {(byte) 0xE2, (byte) 0x82})), "JWT"))),
                refused("JWE typ with FF", ProblemType.HXP_MALFORMED, v -> post(Base64URL.encode(withBytes(
                        jweHeader(",\"typ\":\"#\""), new byte[] {(byte) 0xFF})) + ".AAAA.AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA")),
                refused("JWS header with FF", ProblemType.HXP_MALFORMED, v -> post(toHub(signRawBytes(
                        new String(withBytes(header(",\"typ2\":\"#\""), new byte[] {(byte) 0xFF}), StandardCharsets.ISO_8859_1),
                        claims().build().toString().getBytes(StandardCharsets.UTF_8)), "JWT"))),
                refused("JWE without inner signature", ProblemType.HXP_MALFORMED,
                        v -> post(toHub(claims().build().toString(), "JWT"))),
                refused("alg none inside", ProblemType.HXP_MALFORMED,
                        v -> post(toHub(new PlainJWT(claims().build()).serialize(), "JWT"))),
                refused("JWS alg HS256", ProblemType.HXP_HEADER_REFUSED,
                        v -> post(toHub(signRaw(header("").replace("ES256", "HS256"), claims().build().toString()), "JWT"))),
                refused("JWS jwk header", ProblemType.HXP_HEADER_REFUSED, v -> post(toHub(signRaw(
                        header(",\"jwk\":" + sigKey.toPublicJWK().toJSONString()), claims().build().toString()), "JWT"))),
                refused("JWS b64 true", ProblemType.HXP_HEADER_REFUSED,
                        v -> post(toHub(signRaw(header(",\"b64\":true"), claims().build().toString()), "JWT"))),
                refused("JWS typ JWT", ProblemType.HXP_HEADER_REFUSED,
                        v -> post(toHub(signRaw(header("").replace("hxp+jwt", "JWT"), claims().build().toString()), "JWT"))),
                refused("duplicate claim", ProblemType.HXP_MALFORMED, v -> post(toHub(signRaw(header(""),
                        claims().build().toString().replaceFirst("\\{", "{\"iss\":\"x\",")), "JWT"))),
                refused("numeric sub", ProblemType.HXP_MALFORMED, v -> post(toHub(signRaw(header(""),
                        claims().build().toString().replaceFirst("\\{", "{\"sub\":1,")), "JWT"))),
                refused("body deeper than 32", ProblemType.HXP_MALFORMED, v -> post(toHub(signRaw(header(""),
                        codec.claims("POST", TARGET, "{\"a\":".repeat(40) + "1" + "}".repeat(40), HxpCodec.newJti(),
                                now).build().toString()), "JWT"))),
                refused("unknown issuer", ProblemType.HXP_UNAUTHENTICATED,
                        v -> post(toHub(signRaw(header(""), claims().issuer("someone-else").build().toString()), "JWT"))),
                refused("signature by another key", ProblemType.HXP_UNAUTHENTICATED, v -> {
                    String jws = codec.sign(claims().build());
                    return post(codec.encryptToHub(jws.substring(0, jws.lastIndexOf('.') + 1) + "AAAA" + jws.substring(
                            jws.lastIndexOf('.') + 5)));
                }),
                refused("ES384 header for an ES256 key", ProblemType.HXP_UNAUTHENTICATED,
                        v -> post(toHub(signRaw(header("").replace("ES256", "ES384"), claims().build().toString()), "JWT"))),
                refused("wrong aud", ProblemType.HXP_CLAIMS_INVALID, v -> postClaims(claims().audience("https://x").build())),
                refused("missing jti", ProblemType.HXP_CLAIMS_INVALID, v -> postClaims(claims().jwtID(null).build())),
                refused("short jti", ProblemType.HXP_CLAIMS_INVALID, v -> postClaims(claims().jwtID("abc").build())),
                refused("unknown claim", ProblemType.HXP_CLAIMS_INVALID, v -> postClaims(claims().claim("x", 1).build())),
                refused("nbf", ProblemType.HXP_CLAIMS_INVALID, v -> postClaims(claims().notBeforeTime(new Date()).build())),
                refused("missing exp", ProblemType.HXP_CLAIMS_INVALID, v -> postClaims(claims().expirationTime(null).build())),
                refused("expired", ProblemType.HXP_EXPIRED, v -> postClaims(claims().issueTime(Date.from(now.minusSeconds(600)))
                        .expirationTime(Date.from(now.minusSeconds(480))).build())),
                refused("iat in the future", ProblemType.HXP_EXPIRED, v -> postClaims(claims()
                        .issueTime(Date.from(now.plusSeconds(120))).expirationTime(Date.from(now.plusSeconds(180))).build())),
                refused("lifetime 301 s", ProblemType.HXP_EXPIRED, v -> postClaims(claims().issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plusSeconds(301))).build())),
                refused("htm PUT", ProblemType.HXP_REQUEST_MISMATCH, v -> postClaims(claims().claim("htm", "PUT").build())),
                refused("htu with query", ProblemType.HXP_REQUEST_MISMATCH,
                        v -> postClaims(claims().claim("htu", TARGET + "?x=1").build())),
                refused("body not an object", ProblemType.HXP_CLAIMS_INVALID,
                        v -> postClaims(claims().claim("body", List.of(1)).build())),
                refused("body claim on GET", ProblemType.HXP_CLAIMS_INVALID, v -> get("HXP " + codec.sign(
                        codec.claims("GET", TARGET, "{\"a\":1}", HxpCodec.newJti(), now).build()))));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("cases")
    void refusesWithItsProblemType(String name, ProblemType expected, Function<Void, IncomingRequest> request) {
        HubException e = assertThrows(HubException.class,
                () -> envelope.open(request.apply(null), SENDERS, (issuer, jti, until) -> SEEN.add(issuer + jti)));
        assertEquals(expected, e.type(), name + ": " + e.getMessage());
    }

    @Test
    void wellFormedRequestPassesEveryCheck() {
        assertNotNull(envelope.open(postClaims(claims().build()), SENDERS, (issuer, jti, until) -> SEEN.add(issuer + jti)));
    }
}
