package org.electionpool.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.electionpool.hub.client.HubClient;
import org.electionpool.hub.protocol.hxp.HxpCodec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile requests against the HXP/1 envelope (RFC 8725 and docs/protocol.md), sent over HTTP from
 * inside the server so that each case can also look at the database. Every case asserts the
 * status, the problem type, a plain {@code application/problem+json} answer, exactly one more
 * refusal record, and that nothing else was stored. The attacks speak as the hub operator — had
 * one slipped through, an organisation would have been registered.
 */
@ExtendWith(ArquillianExtension.class)
class EnvelopeAttackIT {

    private static final String TARGET = "/api/v1/organizations";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Deployment
    static EnterpriseArchive deployment() {
        return HubDeployment.earWithTests(EnvelopeAttackIT.class, DemoClients.class, HttpClientSupport.class,
                ExpectedDatabase.class, RawHttp.class, RawHttp.Answer.class, ServerLog.class);
    }

    private HxpCodec operator;
    private ECKey operatorSigningKey;
    private ECKey ministrySigningKey;
    private ECKey hubEncryptionKey;
    private String hubIssuer;
    private DataSource dataSource;

    @BeforeEach
    void setUp() throws Exception {
        HubClient client = DemoClients.as(DemoClients.OPERATOR);
        operator = client.codec();
        operatorSigningKey = signingKey(DemoClients.OPERATOR);
        ministrySigningKey = signingKey(DemoClients.MINISTRY);
        JWKSet hub = JWKSet.parse(HttpClientSupport.get(HttpClientSupport.HUB, "/.well-known/jwks.json").body());
        hubEncryptionKey = hub.getKeys().stream().filter(k -> KeyUse.ENCRYPTION.equals(k.getKeyUse()))
                .map(JWK::toECKey).findFirst().orElseThrow();
        hubIssuer = "http://localhost:8080";
        dataSource = (DataSource) new InitialContext().lookup(ExpectedDatabase.jndiName());
    }

    private static ECKey signingKey(String org) throws Exception {
        return JWKSet.parse(Files.readString(DemoClients.devKeys().resolve(org + ".jwks.json"))).getKeys().stream()
                .filter(k -> KeyUse.SIGNATURE.equals(k.getKeyUse())).map(JWK::toECKey).findFirst().orElseThrow();
    }

    // ---- building blocks --------------------------------------------------------------------

    private static String body() {
        return "{\"id\":\"it-attack-" + UUID.randomUUID().toString().substring(0, 8) + "\",\"name\":\"Attack\","
                + "\"kind\":\"PLATFORM\",\"country\":\"FI\",\"contactPoint\":\"x@example.org\"}";
    }

    private JWTClaimsSet.Builder claims() {
        return operator.claims("POST", TARGET, body(), HxpCodec.newJti(), Instant.now());
    }

    private static String b64(String text) {
        return Base64URL.encode(text.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String randomB64(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64URL.encode(b).toString();
    }

    /** A JWS over exactly this header and payload text, signed ES256 with {@code key}. */
    private static String signRaw(String headerJson, String payloadJson, ECKey key) throws Exception {
        String input = b64(headerJson) + "." + b64(payloadJson);
        Base64URL signature = new ECDSASigner(key).sign(new JWSHeader(JWSAlgorithm.ES256),
                input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + signature;
    }

    private String header(String extra) {
        return "{\"alg\":\"ES256\",\"kid\":\"" + operatorSigningKey.getKeyID() + "\",\"typ\":\"hxp+jwt\"" + extra + "}";
    }

    /** Encrypts {@code plaintext} to the hub with a proper HXP/1 JWE header. */
    private String toHub(String plaintext) throws Exception {
        JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.ECDH_ES_A256KW, EncryptionMethod.A256GCM)
                .keyID(hubEncryptionKey.getKeyID()).contentType("JWT").build(), new Payload(plaintext));
        jwe.encrypt(new ECDHEncrypter(hubEncryptionKey));
        return jwe.serialize();
    }

    /** A syntactically complete JWE with this header and random other parts: refused before any decryption. */
    private static String jweWithHeader(String headerJson) {
        return b64(headerJson) + "." + randomB64(40) + "." + randomB64(12) + "." + randomB64(64) + "." + randomB64(16);
    }

    private String jweHeader(String extra) {
        return "{\"alg\":\"ECDH-ES+A256KW\",\"enc\":\"A256GCM\",\"cty\":\"JWT\",\"kid\":\"" + hubEncryptionKey.getKeyID()
                + "\"" + extra + "}";
    }

    private static HttpRequest post(String body) {
        return HttpRequest.newBuilder(HttpClientSupport.HUB.resolve(TARGET)).header("Content-Type", "application/jose")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpRequest getWith(String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(HttpClientSupport.HUB.resolve(TARGET)).GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b.build();
    }

    private long count(String table) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void assertRefused(HttpRequest request, int status, String slug) throws Exception {
        long refusals = count("audit_entry where action = 'request.refused'");
        long organizations = count("organization");
        long replays = count("hxp_replay");
        long log = ServerLog.mark();
        HttpClientSupport.assertProblem(HttpClientSupport.send(request), status, slug);
        assertNoFallback(log);
        assertEquals(refusals + 1, count("audit_entry where action = 'request.refused'"), "exactly one refusal entry");
        assertEquals(organizations, count("organization"), "no organisation registered");
        assertEquals(replays, count("hxp_replay"), "no jti remembered for a refused request");
    }

    /**
     * Issue 10: no hostile input may reach the fallback mapper. Its mark is a logged
     * {@code Unhandled exception} (or an internal-error answer, which the status check excludes).
     */
    private static void assertNoFallback(long logMark) throws Exception {
        String logged = ServerLog.since(logMark);
        assertFalse(logged.contains("Unhandled exception") || logged.contains("Answer could not be"),
                "a hostile request reached the fallback mapper:\n" + logged);
    }

    /** Sends raw HTTP and asserts a problem answer, the refusal entries it adds and that nothing else was stored. */
    private RawHttp.Answer assertRawRefused(String head, byte[] body, int status, String slug, int refusalEntries)
            throws Exception {
        long refusals = count("audit_entry where action = 'request.refused'");
        long cases = count("takedown_case");
        long organizations = count("organization");
        long log = ServerLog.mark();
        RawHttp.Answer answer = RawHttp.send(head, body);
        assertEquals(status, answer.status(), () -> head + " → " + answer.body());
        assertEquals("application/problem+json", String.valueOf(answer.header("Content-Type")).split(";")[0].trim(), head);
        assertTrue(answer.body().contains("\"type\":\"urn:electionpool:problem:" + slug + "\""), () -> head + " → " + answer.body());
        assertEquals(refusals + refusalEntries, count("audit_entry where action = 'request.refused'"), head);
        assertEquals(cases, count("takedown_case"), "no case stored");
        assertEquals(organizations, count("organization"), "no organisation stored");
        assertNoFallback(log);
        return answer;
    }

    private static final byte[] PLAIN_CASE = "{\"clientRef\":\"x\"}".getBytes(StandardCharsets.UTF_8);

    // ---- issue 10 item 1: one form of a path, decided before any filter -------------------------

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"/api;x/v1/cases", "/api/v1;/cases", "/api/v1/cases;x=1",
            "/api%2Fv1/cases", "/api%2fv1%2fcases", "/%61pi/v1/cases", "//api/v1/cases", "/api//v1/cases",
            "/api/./v1/cases", "/api/v1/../v1/cases", "/x/../api/v1/cases", "/API;x/v1/cases", "/api/v1/cases%00"})
    void refusesEveryOtherFormOfAnApiPathAsAnHxpRefusalWithItsAuditEntry(String path) throws Exception {
        assertRawRefused("POST " + path + " HTTP/1.1\nContent-Type: application/json\nContent-Length: " + PLAIN_CASE.length,
                PLAIN_CASE, 400, "hxp-malformed", 1);
    }

    @Test
    void refusesAMatrixParameterOnAGetBeforeItsQueryIsRead() throws Exception {
        assertRawRefused("GET /api;/v1/inbox?limit=abc HTTP/1.1", null, 400, "hxp-malformed", 1);
    }

    @Test
    void refusesOtherFormsOfPublicPathsWithoutAnAuditEntry() throws Exception {
        assertRawRefused("GET /.well-known;x/jwks.json HTTP/1.1", null, 400, "malformed-request", 0);
        assertRawRefused("GET /.well-known//jwks.json HTTP/1.1", null, 400, "malformed-request", 0);
    }

    @Test
    void canonicalPublicPathsStillAnswer() throws Exception {
        assertEquals(200, RawHttp.send("GET /.well-known/jwks.json HTTP/1.1", null).status());
    }

    // ---- issue 10 item 2: JWE headers Nimbus threw unchecked exceptions for --------------------

    @Test
    void rejectsJweAlgNoneAsAHeaderRefusal() throws Exception {
        assertRefused(post(jweWithHeader(jweHeader("").replace("ECDH-ES+A256KW", "none"))), 400, "hxp-header-refused");
    }

    @Test
    void rejectsASymmetricEphemeralKey() throws Exception {
        assertRefused(post(jweWithHeader(jweHeader(",\"epk\":{\"kty\":\"oct\",\"k\":\"" + randomB64(32) + "\"}"))),
                400, "hxp-header-refused");
    }

    @Test
    void rejectsAnEphemeralKeyCarryingItsPrivatePart() throws Exception {
        ECKey epk = new ECKeyGenerator(Curve.P_256).generate();
        assertRefused(post(jweWithHeader(jweHeader(",\"epk\":" + epk.toJSONString()))), 400, "hxp-header-refused");
    }

    @Test
    void rejectsAnRsaEphemeralKeyAndAnEpkThatIsNoObject() throws Exception {
        assertRefused(post(jweWithHeader(jweHeader(",\"epk\":{\"kty\":\"RSA\",\"n\":\"AQAB\",\"e\":\"AQAB\"}"))),
                400, "hxp-header-refused");
        assertRefused(post(jweWithHeader(jweHeader(",\"epk\":[1]"))), 400, "hxp-header-refused");
    }

    @Test
    void rejectsHeaderMembersOfTheWrongJsonType() throws Exception {
        assertRefused(post(jweWithHeader(jweHeader("").replace("\"A256GCM\"", "[\"A256GCM\"]"))), 400, "hxp-header-refused");
        assertRefused(post(jweWithHeader(jweHeader("").replace("\"JWT\"", "{}"))), 400, "hxp-malformed");
    }

    // ---- issue 10 item 4: only UTF-8, so what is stored is what was signed --------------------

    private static byte[] claimsWith(byte[] octets, String claimsJson) {
        String marked = claimsJson.replaceFirst("\\{", "{\"x\":\"caf#\",");
        int at = marked.indexOf('#');
        byte[] head = marked.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] tail = marked.substring(at + 1).getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[head.length + octets.length + tail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(octets, 0, out, head.length, octets.length);
        System.arraycopy(tail, 0, out, head.length + octets.length, tail.length);
        return out;
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"FF", "C0AF", "EDA080", "E282", "F8888080", "80"})
    void rejectsClaimsThatAreNotUtf8(String hex) throws Exception {
        byte[] octets = java.util.HexFormat.of().parseHex(hex);
        String input = b64(header("")) + "." + Base64URL.encode(claimsWith(octets, claims().build().toString()));
        Base64URL signature = new ECDSASigner(operatorSigningKey).sign(new JWSHeader(JWSAlgorithm.ES256),
                input.getBytes(StandardCharsets.US_ASCII));
        assertRefused(post(toHub(input + "." + signature)), 400, "hxp-malformed");
    }

    @Test
    void rejectsAJweTypThatIsNotUtf8() throws Exception {
        byte[] header = jweHeader(",\"typ\":\"JOSE\"").getBytes(StandardCharsets.UTF_8);
        int at = new String(header, StandardCharsets.UTF_8).indexOf("JOSE");
        header[at] = (byte) 0xFF;
        assertRefused(post(Base64URL.encode(header) + "." + randomB64(40) + "." + randomB64(12) + "." + randomB64(64)
                + "." + randomB64(16)), 400, "hxp-malformed");
    }

    // ---- issue 10 item 8: the HTTP edge answers with problems -----------------------------------

    @Test
    void refusesMoreThan100HeaderFieldsWithAProblem() throws Exception {
        StringBuilder head = new StringBuilder("GET /api/v1/organizations HTTP/1.1");
        for (int i = 0; i < 150; i++) {
            head.append("\nX-Filler-").append(i).append(": a");
        }
        assertRawRefused(head.toString(), null, 431, "headers-too-large", 1);
    }

    @Test
    void refusesAHeaderBlockOver16KiBWithAProblem() throws Exception {
        StringBuilder head = new StringBuilder("GET /api/v1/organizations HTTP/1.1");
        for (int i = 0; i < 20; i++) {
            head.append("\nX-Filler-").append(i).append(": ").append("a".repeat(10 * 1024));
        }
        assertRawRefused(head.toString(), null, 431, "headers-too-large", 1);
    }

    @Test
    void answersTraceLikeAnyMethodNoResourceHas() throws Exception {
        assertRawRefused("TRACE /.well-known/jwks.json HTTP/1.1", null, 405, "method-not-allowed", 0);
        assertRawRefused("TRACE /api/v1/organizations HTTP/1.1", null, 401, "hxp-unauthenticated", 1);
    }

    @Test
    void aContentLengthThatIsNoNumberNeverReachesTheHub() throws Exception {
        // Undertow's parser answers a bare 400 and closes (documented in docs/protocol.md §3.4).
        long refusals = count("audit_entry where action = 'request.refused'");
        RawHttp.Answer answer = RawHttp.send("POST /api/v1/cases HTTP/1.1\nContent-Type: application/jose\nContent-Length: 1x",
                new byte[0]);
        assertEquals(400, answer.status());
        assertEquals(refusals, count("audit_entry where action = 'request.refused'"));
    }

    // ---- the control ------------------------------------------------------------------------

    @Test
    void wellFormedRequestIsAcceptedSoTheHarnessCanTellSuccessFromRefusal() throws Exception {
        long organizations = count("organization");
        long refusals = count("audit_entry where action = 'request.refused'");
        HttpResponse<String> r = HttpClientSupport.send(post(operator.encryptToHub(operator.sign(claims().build()))));
        assertEquals(201, r.statusCode(), r.body());
        assertEquals("application/jose", r.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(organizations + 1, count("organization"));
        assertEquals(refusals, count("audit_entry where action = 'request.refused'"));
    }

    // ---- outer layer: size, media type, compact form, JWE header --------------------------------

    @Test
    void rejectsBodyOverTheLimitByItsContentLength() throws Exception {
        byte[] body = new byte[1024 * 1024 + 1];
        java.util.Arrays.fill(body, (byte) 'a');
        assertRefused(HttpRequest.newBuilder(HttpClientSupport.HUB.resolve(TARGET)).header("Content-Type", "application/jose")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), 413, "payload-too-large");
    }

    @Test
    void rejectsChunkedBodyOverTheLimitWhileStreaming() throws Exception {
        byte[] body = new byte[1024 * 1024 + 10];
        java.util.Arrays.fill(body, (byte) 'a');
        assertRefused(HttpRequest.newBuilder(HttpClientSupport.HUB.resolve(TARGET)).header("Content-Type", "application/jose")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))).build(),
                413, "payload-too-large");
    }

    @Test
    void rejectsOversizedAuthorizationHeader() throws Exception {
        assertRefused(getWith("HXP " + "a".repeat(10_000) + ".b.c"), 413, "payload-too-large");
    }

    @Test
    void rejectsPlainJsonMediaType() throws Exception {
        assertRefused(HttpRequest.newBuilder(HttpClientSupport.HUB.resolve(TARGET)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body())).build(), 415, "unsupported-media-type");
    }

    @Test
    void rejectsMissingMediaType() throws Exception {
        assertRefused(HttpRequest.newBuilder(HttpClientSupport.HUB.resolve(TARGET))
                .POST(HttpRequest.BodyPublishers.ofString("a.b.c.d.e")).build(), 415, "unsupported-media-type");
    }

    @Test
    void rejectsJwsWhereAJweIsRequired() throws Exception {
        assertRefused(post(operator.sign(claims().build())), 400, "hxp-malformed");
    }

    @Test
    void rejectsMalformedBase64() throws Exception {
        assertRefused(post("e30.a!b.c.d.e"), 400, "hxp-malformed");
    }

    @Test
    void rejectsJweHeaderThatIsNotJson() throws Exception {
        assertRefused(post(b64("not json") + ".a.b.c.d"), 400, "hxp-malformed");
    }

    @Test
    void rejectsDuplicateMembersInTheJweHeader() throws Exception {
        assertRefused(post(jweWithHeader(jweHeader(",\"enc\":\"A128GCM\""))), 400, "hxp-malformed");
    }

    @Test
    void rejectsDeeplyNestedJweHeader() throws Exception {
        assertRefused(post(jweWithHeader(jweHeader(",\"apu\":" + "[".repeat(50) + "]".repeat(50)))), 400, "hxp-malformed");
    }

    @Test
    void rejectsRsa15KeyManagement() throws Exception {
        assertRefused(post(jweWithHeader("{\"alg\":\"RSA1_5\",\"enc\":\"A256GCM\",\"cty\":\"JWT\",\"kid\":\"x\"}")),
                400, "hxp-header-refused");
    }

    @Test
    void rejectsPbes2WithAHugeIterationCountBeforeAnyWork() throws Exception {
        assertRefused(post(jweWithHeader("{\"alg\":\"PBES2-HS512+A256KW\",\"enc\":\"A256GCM\",\"cty\":\"JWT\","
                + "\"p2s\":\"" + randomB64(16) + "\",\"p2c\":2000000000}")), 400, "hxp-header-refused");
    }

    @Test
    void rejectsDirectEncryption() throws Exception {
        assertRefused(post(b64("{\"alg\":\"dir\",\"enc\":\"A256GCM\",\"cty\":\"JWT\"}") + ".." + randomB64(12) + "."
                + randomB64(64) + "." + randomB64(16)), 400, "hxp-header-refused");
    }

    @Test
    void rejectsCompressedPlaintext() throws Exception {
        assertRefused(post(jweWithHeader(jweHeader(",\"zip\":\"DEF\""))), 400, "hxp-header-refused");
    }

    @Test
    void rejectsUnknownCriticalHeader() throws Exception {
        assertRefused(post(jweWithHeader(jweHeader(",\"crit\":[\"exp\"],\"exp\":1"))), 400, "hxp-header-refused");
    }

    @Test
    void rejectsJkuInTheJweHeader() throws Exception {
        assertRefused(post(jweWithHeader(jweHeader(",\"jku\":\"https://attacker.example/jwks\""))), 400, "hxp-header-refused");
    }

    @Test
    void rejectsWrongWeakContentEncryption() throws Exception {
        assertRefused(post(jweWithHeader(jweHeader("").replace("A256GCM", "A128CBC-HS256"))), 400, "hxp-header-refused");
    }

    @Test
    void rejectsJweWithoutNestedJwtContentType() throws Exception {
        assertRefused(post(jweWithHeader(jweHeader("").replace(",\"cty\":\"JWT\"", ""))), 400, "hxp-header-refused");
    }

    @Test
    void rejectsUnknownHubKeyIdAsUndecryptable() throws Exception {
        assertRefused(post(jweWithHeader(jweHeader("").replace(hubEncryptionKey.getKeyID(), "no-such-key"))),
                400, "hxp-undecryptable");
    }

    @Test
    void rejectsJweEncryptedToAnotherKeyAsUndecryptable() throws Exception {
        ECKey stranger = new ECKeyGenerator(Curve.P_256).generate();
        JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.ECDH_ES_A256KW, EncryptionMethod.A256GCM)
                .keyID(hubEncryptionKey.getKeyID()).contentType("JWT").build(),
                new Payload(operator.sign(claims().build())));
        jwe.encrypt(new ECDHEncrypter(stranger.toPublicJWK()));
        assertRefused(post(jwe.serialize()), 400, "hxp-undecryptable");
    }

    @Test
    void rejectsTamperedCiphertextAsUndecryptable() throws Exception {
        String[] parts = operator.encryptToHub(operator.sign(claims().build())).split("\\.");
        char[] ciphertext = parts[3].toCharArray();
        ciphertext[5] = ciphertext[5] == 'A' ? 'B' : 'A';
        parts[3] = new String(ciphertext);
        assertRefused(post(String.join(".", parts)), 400, "hxp-undecryptable");
    }

    @Test
    void rejectsEphemeralKeyOffTheCurve() throws Exception {
        String epk = ",\"epk\":{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"" + randomB64(32) + "\",\"y\":\"" + randomB64(32) + "\"}";
        assertRefused(post(jweWithHeader(jweHeader(epk))), 400, "hxp-malformed");
    }

    // ---- inner layer: the JWE must wrap a JWS with an allowed header ---------------------------

    @Test
    void rejectsJweWithoutAnInnerSignature() throws Exception {
        assertRefused(post(toHub(claims().build().toString())), 400, "hxp-malformed");
    }

    @Test
    void rejectsUnsecuredJwtWithAlgNone() throws Exception {
        assertRefused(post(toHub(new PlainJWT(claims().build()).serialize())), 400, "hxp-malformed");
    }

    @Test
    void rejectsHmacSignedWithTheHubsPublicKey() throws Exception {
        com.nimbusds.jose.JWSObject jws = new com.nimbusds.jose.JWSObject(new JWSHeader.Builder(JWSAlgorithm.HS256)
                .keyID(operatorSigningKey.getKeyID()).type(new JOSEObjectType("hxp+jwt")).build(),
                new Payload(claims().build().toJSONObject()));
        byte[] secret = hubEncryptionKey.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
        jws.sign(new MACSigner(secret));
        assertRefused(post(toHub(jws.serialize())), 400, "hxp-header-refused");
    }

    @Test
    void rejectsEmbeddedJwkInTheJwsHeader() throws Exception {
        String jwk = ",\"jwk\":" + operatorSigningKey.toPublicJWK().toJSONString();
        assertRefused(post(toHub(signRaw(header(jwk), claims().build().toString(), operatorSigningKey))), 400,
                "hxp-header-refused");
    }

    @Test
    void rejectsX5uInTheJwsHeader() throws Exception {
        assertRefused(post(toHub(signRaw(header(",\"x5u\":\"https://attacker.example/cert\""),
                claims().build().toString(), operatorSigningKey))), 400, "hxp-header-refused");
    }

    @Test
    void rejectsWrongTyp() throws Exception {
        assertRefused(post(toHub(signRaw(header("").replace("hxp+jwt", "JWT"), claims().build().toString(),
                operatorSigningKey))), 400, "hxp-header-refused");
    }

    @Test
    void rejectsMissingTyp() throws Exception {
        assertRefused(post(toHub(signRaw(header("").replace(",\"typ\":\"hxp+jwt\"", ""), claims().build().toString(),
                operatorSigningKey))), 400, "hxp-header-refused");
    }

    @Test
    void rejectsDuplicateClaimNames() throws Exception {
        String payload = claims().build().toString().replaceFirst("\\{", "{\"iss\":\"platform-alpha\",");
        assertRefused(post(toHub(signRaw(header(""), payload, operatorSigningKey))), 400, "hxp-malformed");
    }

    @Test
    void rejectsBodyNestedDeeperThan32() throws Exception {
        String deep = "{\"a\":".repeat(40) + "1" + "}".repeat(40);
        String payload = operator.claims("POST", TARGET, deep, HxpCodec.newJti(), Instant.now()).build().toString();
        assertRefused(post(toHub(signRaw(header(""), payload, operatorSigningKey))), 400, "hxp-malformed");
    }

    // ---- sender authentication ----------------------------------------------------------------

    @Test
    void rejectsSignatureByAnotherOrganizationsKey() throws Exception {
        String h = "{\"alg\":\"ES256\",\"kid\":\"" + ministrySigningKey.getKeyID() + "\",\"typ\":\"hxp+jwt\"}";
        assertRefused(post(toHub(signRaw(h, claims().build().toString(), ministrySigningKey))), 401, "hxp-unauthenticated");
    }

    @Test
    void rejectsTheOperatorsKidSignedWithAnotherKey() throws Exception {
        assertRefused(post(toHub(signRaw(header(""), claims().build().toString(), ministrySigningKey))), 401,
                "hxp-unauthenticated");
    }

    @Test
    void rejectsUnknownIssuer() throws Exception {
        assertRefused(post(toHub(signRaw(header(""), claims().issuer("no-such-organization").build().toString(),
                operatorSigningKey))), 401, "hxp-unauthenticated");
    }

    @Test
    void rejectsTamperedSignature() throws Exception {
        String jws = operator.sign(claims().build());
        String tampered = jws.substring(0, jws.length() - 4) + (jws.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertRefused(post(toHub(tampered)), 401, "hxp-unauthenticated");
    }

    @Test
    void rejectsAlgorithmOtherThanTheRegisteredKeys() throws Exception {
        assertRefused(post(toHub(signRaw(header("").replace("ES256", "ES384"), claims().build().toString(),
                operatorSigningKey))), 401, "hxp-unauthenticated");
    }

    // ---- claims -------------------------------------------------------------------------------

    @Test
    void rejectsWrongAudience() throws Exception {
        assertRefused(post(operator.encryptToHub(operator.sign(claims().audience("https://other-hub.example").build()))),
                401, "hxp-claims-invalid");
    }

    @Test
    void rejectsExpiredToken() throws Exception {
        Instant past = Instant.now().minusSeconds(600);
        assertRefused(post(operator.encryptToHub(operator.sign(claims().issueTime(Date.from(past))
                .expirationTime(Date.from(past.plusSeconds(120))).build()))), 401, "hxp-expired");
    }

    @Test
    void rejectsIssueTimeInTheFuture() throws Exception {
        Instant future = Instant.now().plusSeconds(180);
        assertRefused(post(operator.encryptToHub(operator.sign(claims().issueTime(Date.from(future))
                .expirationTime(Date.from(future.plusSeconds(60))).build()))), 401, "hxp-expired");
    }

    @Test
    void rejectsLifetimeOver300Seconds() throws Exception {
        Instant now = Instant.now();
        assertRefused(post(operator.encryptToHub(operator.sign(claims().issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(301))).build()))), 401, "hxp-expired");
    }

    @Test
    void rejectsMissingExpiry() throws Exception {
        assertRefused(post(operator.encryptToHub(operator.sign(claims().expirationTime(null).build()))), 401,
                "hxp-claims-invalid");
    }

    @Test
    void rejectsMissingJti() throws Exception {
        assertRefused(post(operator.encryptToHub(operator.sign(claims().jwtID(null).build()))), 401, "hxp-claims-invalid");
    }

    @Test
    void rejectsJtiWithTooFewBits() throws Exception {
        assertRefused(post(operator.encryptToHub(operator.sign(claims().jwtID("abc123").build()))), 401,
                "hxp-claims-invalid");
    }

    @Test
    void rejectsUnknownClaim() throws Exception {
        assertRefused(post(operator.encryptToHub(operator.sign(claims().claim("admin", true).build()))), 401,
                "hxp-claims-invalid");
    }

    @Test
    void rejectsWrongHtm() throws Exception {
        assertRefused(post(operator.encryptToHub(operator.sign(claims().claim("htm", "PUT").build()))), 401,
                "hxp-request-mismatch");
    }

    @Test
    void rejectsWrongHtu() throws Exception {
        assertRefused(post(operator.encryptToHub(operator.sign(claims().claim("htu", TARGET + "?x=1").build()))), 401,
                "hxp-request-mismatch");
    }

    @Test
    void rejectsBodyClaimThatIsNotAnObject() throws Exception {
        assertRefused(post(operator.encryptToHub(operator.sign(claims().claim("body", "text").build()))), 401,
                "hxp-claims-invalid");
    }

    // ---- body-less requests -------------------------------------------------------------------

    private String getToken(JWTClaimsSet claims) {
        return "HXP " + operator.sign(claims);
    }

    @Test
    void rejectsGetWithoutAuthorization() throws Exception {
        assertRefused(getWith(null), 401, "hxp-unauthenticated");
    }

    @Test
    void rejectsBearerScheme() throws Exception {
        assertRefused(getWith("Bearer " + operator.sign(operator.claims("GET", TARGET, null, HxpCodec.newJti(),
                Instant.now()).build())), 401, "hxp-unauthenticated");
    }

    @Test
    void rejectsBodyClaimOnGet() throws Exception {
        assertRefused(getWith(getToken(operator.claims("GET", TARGET, "{\"a\":1}", HxpCodec.newJti(), Instant.now())
                .build())), 401, "hxp-claims-invalid");
    }

    @Test
    void rejectsReplayedJtiWhileTheFirstUseSucceeds() throws Exception {
        String token = getToken(operator.claims("GET", TARGET, null, HxpCodec.newJti(), Instant.now()).build());
        HttpResponse<String> first = HttpClientSupport.send(getWith(token));
        assertEquals(200, first.statusCode(), first.body());
        assertRefused(getWith(token), 401, "hxp-replayed");
    }

    @Test
    void rejectsTokenForAnotherPath() throws Exception {
        String token = getToken(operator.claims("GET", "/api/v1/organizations/hub-operator", null, HxpCodec.newJti(),
                Instant.now()).build());
        assertRefused(getWith(token), 401, "hxp-request-mismatch");
    }

    @Test
    void hubAnswersAreNotAcceptedAsRequests() throws Exception {
        // A signed answer of the hub replayed to it as a request: wrong typ, wrong signer.
        HttpResponse<String> answer = HttpClientSupport.send(getWith(getToken(operator.claims("GET", TARGET, null,
                HxpCodec.newJti(), Instant.now()).build())));
        assertEquals(200, answer.statusCode());
        assertRefused(post(answer.body()), 400, "hxp-undecryptable");
        assertEquals(URI.create("http://localhost:8080"), URI.create(hubIssuer));
    }

    // ---- more header, claim and key-state cases ------------------------------------------------

    @Test
    void rejectsEmptyBody() throws Exception {
        assertRefused(post(""), 400, "hxp-malformed");
    }

    @Test
    void rejectsJsonSerializationInsteadOfCompact() throws Exception {
        assertRefused(post("{\"protected\":\"" + b64(jweHeader("")) + "\",\"ciphertext\":\"" + randomB64(16) + "\"}"),
                400, "hxp-malformed");
    }

    @Test
    void rejectsX5cInTheJweHeader() throws Exception {
        assertRefused(post(jweWithHeader(jweHeader(",\"x5c\":[\"" + java.util.Base64.getEncoder().encodeToString(
                new byte[64]) + "\"]"))), 400, "hxp-header-refused");
    }

    @Test
    void rejectsJweWithoutKid() throws Exception {
        assertRefused(post(jweWithHeader(jweHeader("").replace(",\"kid\":\"" + hubEncryptionKey.getKeyID() + "\"", ""))),
                400, "hxp-header-refused");
    }

    @Test
    void rejectsCritInTheJwsHeader() throws Exception {
        assertRefused(post(toHub(signRaw(header(",\"crit\":[\"b64\"],\"b64\":false"), claims().build().toString(),
                operatorSigningKey))), 400, "hxp-header-refused");
    }

    @Test
    void rejectsUnencodedPayloadOption() throws Exception {
        assertRefused(post(toHub(signRaw(header(",\"b64\":true"), claims().build().toString(), operatorSigningKey))),
                400, "hxp-header-refused");
    }

    @Test
    void rejectsKidWithCharactersNoKeyIdHas() throws Exception {
        assertRefused(post(toHub(signRaw(header("").replace(operatorSigningKey.getKeyID(), "../../etc/passwd"),
                claims().build().toString(), operatorSigningKey))), 400, "hxp-header-refused");
    }

    @Test
    void rejectsJwsWithoutKid() throws Exception {
        assertRefused(post(toHub(signRaw(header("").replace(",\"kid\":\"" + operatorSigningKey.getKeyID() + "\"", ""),
                claims().build().toString(), operatorSigningKey))), 400, "hxp-header-refused");
    }

    @Test
    void rejectsAudienceWithASecondValue() throws Exception {
        assertRefused(post(operator.encryptToHub(operator.sign(claims()
                .audience(java.util.List.of(hubIssuer, "https://other-hub.example")).build()))), 401, "hxp-claims-invalid");
    }

    @Test
    void rejectsNotBeforeClaim() throws Exception {
        assertRefused(post(operator.encryptToHub(operator.sign(claims().notBeforeTime(new Date()).build()))), 401,
                "hxp-claims-invalid");
    }

    @Test
    void rejectsIssueTimeThatIsNotANumber() throws Exception {
        String payload = claims().build().toString().replaceFirst("\"iat\":\\d+", "\"iat\":\"yesterday\"");
        assertRefused(post(toHub(signRaw(header(""), payload, operatorSigningKey))), 400, "hxp-malformed");
    }

    @Test
    void rejectsSubjectThatIsNotAString() throws Exception {
        String payload = claims().build().toString().replaceFirst("\\{", "{\"sub\":42,");
        assertRefused(post(toHub(signRaw(header(""), payload, operatorSigningKey))), 400, "hxp-malformed");
    }

    @Test
    void rejectsGetCarryingABody() throws Exception {
        String token = getToken(operator.claims("GET", TARGET, null, HxpCodec.newJti(), Instant.now()).build());
        assertRefused(HttpRequest.newBuilder(HttpClientSupport.HUB.resolve(TARGET)).header("Authorization", token)
                .method("GET", HttpRequest.BodyPublishers.ofString("{}")).build(), 400, "hxp-malformed");
    }

    @Test
    void rejectsDeleteWithoutAuthorization() throws Exception {
        assertRefused(HttpRequest.newBuilder(HttpClientSupport.HUB.resolve(TARGET)).DELETE().build(), 401,
                "hxp-unauthenticated");
    }

    @Test
    void rejectsTheSenderEncryptionKeyUsedForSigning() throws Exception {
        ECKey encryption = JWKSet.parse(Files.readString(DemoClients.devKeys().resolve(DemoClients.OPERATOR + ".jwks.json")))
                .getKeys().stream().filter(k -> KeyUse.ENCRYPTION.equals(k.getKeyUse())).map(JWK::toECKey)
                .findFirst().orElseThrow();
        String h = "{\"alg\":\"ES256\",\"kid\":\"" + encryption.getKeyID() + "\",\"typ\":\"hxp+jwt\"}";
        assertRefused(post(toHub(signRaw(h, claims().build().toString(), encryption))), 401, "hxp-unauthenticated");
    }

    /** Registers an organisation with generated keys; returns its private signing and encryption keys. */
    private ECKey[] organizationWithKeys() throws Exception {
        HubClient client = DemoClients.as(DemoClients.OPERATOR);
        String id = "it-keys-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, client.post(TARGET, "{\"id\":\"" + id + "\",\"name\":\"Keys\",\"kind\":\"PLATFORM\","
                + "\"country\":\"FI\",\"contactPoint\":\"x@example.org\"}").status());
        ECKey sig = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint(true).generate();
        ECKey enc = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.ENCRYPTION).keyIDFromThumbprint(true).generate();
        for (ECKey k : new ECKey[] {sig, enc}) {
            assertEquals(201, client.post(TARGET + "/" + id + "/keys", "{\"jwk\":" + k.toPublicJWK().toJSONString() + "}")
                    .status());
        }
        return new ECKey[] {sig, enc};
    }

    private HttpRequest getSignedBy(String org, ECKey key) throws Exception {
        JWTClaimsSet claims = operator.claims("GET", TARGET, null, HxpCodec.newJti(), Instant.now()).issuer(org).build();
        String h = "{\"alg\":\"ES256\",\"kid\":\"" + key.getKeyID() + "\",\"typ\":\"hxp+jwt\"}";
        return getWith("HXP " + signRaw(h, claims.toString(), key));
    }

    /** The operator retires or revokes a key; {@code action} is {@code retirement} or {@code revocation}. */
    private static void change(String org, ECKey key, String action) {
        assertEquals(200, DemoClients.as(DemoClients.OPERATOR).post(TARGET + "/" + org + "/keys/" + key.getKeyID()
                + "/" + action, "{}").status());
    }

    @Test
    void rejectsARetiredKey() throws Exception {
        ECKey[] keys = organizationWithKeys();
        String org = orgOfLastRegistration();
        assertEquals(200, HttpClientSupport.send(getSignedBy(org, keys[0])).statusCode(), "usable while active");
        change(org, keys[0], "retirement");
        assertRefused(getSignedBy(org, keys[0]), 401, "hxp-unauthenticated");
    }

    @Test
    void rejectsARevokedKey() throws Exception {
        ECKey[] keys = organizationWithKeys();
        String org = orgOfLastRegistration();
        change(org, keys[0], "revocation");
        assertRefused(getSignedBy(org, keys[0]), 401, "hxp-unauthenticated");
    }

    @Test
    void rejectsASenderWhoseEncryptionKeyWasRevoked() throws Exception {
        ECKey[] keys = organizationWithKeys();
        String org = orgOfLastRegistration();
        change(org, keys[1], "revocation");
        long replays = count("hxp_replay");
        HttpClientSupport.assertProblem(HttpClientSupport.send(getSignedBy(org, keys[0])), 400, "hxp-no-encryption-key");
        assertEquals(replays, count("hxp_replay"), "the refused request left no replay record");
    }

    private String orgOfLastRegistration() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select id from organization where id like 'it-keys-%' order by created_at desc")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
