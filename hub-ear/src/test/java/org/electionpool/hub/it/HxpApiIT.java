package org.electionpool.hub.it;

import static org.electionpool.hub.it.HttpClientSupport.HUB;
import static org.electionpool.hub.it.HttpClientSupport.get;
import static org.electionpool.hub.it.HttpClientSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import org.electionpool.hub.client.HubClient;
import org.electionpool.hub.client.HubResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * HXP/1 end to end through {@link HubClient}: discovery, the demo organisations and their dev keys,
 * sealed answers for successes and for problems, and the organisation and key registry.
 */
@ExtendWith(ArquillianExtension.class)
class HxpApiIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return HubDeployment.ear();
    }

    private static JsonObject parse(String json) {
        try (JsonReader r = Json.createReader(new StringReader(json))) {
            return r.readObject();
        }
    }

    private static String newId(String kind) {
        return "it-" + kind + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String organization(String id, String kind) {
        return "{\"id\":\"" + id + "\",\"name\":\"  Example " + kind + " \",\"kind\":\"" + kind + "\","
                + "\"country\":\"IE\",\"contactPoint\":\"trust@example.org\"}";
    }

    @Test
    void jwksPublishesSigningAndEncryptionKeysWithoutPrivateMembers() {
        var response = get(HUB, "/.well-known/jwks.json");
        assertEquals(200, response.statusCode());
        List<JsonObject> keys = json(response).getJsonArray("keys").getValuesAs(JsonObject.class);
        assertTrue(keys.stream().anyMatch(k -> "sig".equals(k.getString("use")) && "ES256".equals(k.getString("alg"))));
        assertTrue(keys.stream().anyMatch(k -> "enc".equals(k.getString("use"))
                && "ECDH-ES+A256KW".equals(k.getString("alg"))));
        for (JsonObject k : keys) {
            for (String privateMember : new String[] {"d", "p", "q", "dp", "dq", "qi", "k"}) {
                assertFalse(k.containsKey(privateMember), "no private member " + privateMember);
            }
            assertNotNull(k.getString("kid"));
        }
    }

    @Test
    void discoveryDocumentHasTheFieldsOfTheProtocol() {
        var response = get(HUB, "/.well-known/hxp-configuration");
        assertEquals(200, response.statusCode());
        JsonObject c = json(response);
        assertEquals("http://localhost:8080", c.getString("issuer"));
        assertEquals("http://localhost:8080/.well-known/jwks.json", c.getString("jwks_uri"));
        assertEquals("http://localhost:8080/api/v1", c.getString("api_base"));
        assertEquals("application/jose", c.getString("media_type"));
        assertEquals("hxp+jwt", c.getString("request_typ"));
        assertEquals("hxp-response+jwt", c.getString("response_typ"));
        assertTrue(c.getJsonArray("signing_alg_values_supported").getValuesAs(JsonValue::toString).contains("\"ES256\""));
        assertTrue(c.getJsonArray("encryption_alg_values_supported").getValuesAs(JsonValue::toString)
                .contains("\"ECDH-ES+A256KW\""));
        assertEquals(300, c.getInt("max_lifetime_seconds"));
        JsonObject auditLog = c.getJsonObject("audit_log");
        assertEquals("localhost:8080/audit-log", auditLog.getString("origin"));
        String[] vkey = auditLog.getString("verifier_key").split("\\+", 3); // the base64 part may contain +
        assertEquals("localhost:8080/audit-log", vkey[0], "the note key is named after the log's origin");
        assertTrue(vkey[1].matches("[0-9a-f]{8}"));
        byte[] keyData = java.util.Base64.getDecoder().decode(vkey[2]);
        assertEquals(33, keyData.length);
        assertEquals(1, keyData[0], "Ed25519");
        assertEquals("http://localhost:8080/api/v1/audit/checkpoint", auditLog.getString("checkpoint_uri"));
    }

    @Test
    void everyDemoOrganizationHasADevKeysFileAndGetsASealedAnswer() throws Exception {
        for (String org : DemoClients.ALL) {
            var file = DemoClients.devKeys().resolve(org + ".jwks.json");
            assertTrue(Files.isRegularFile(file), file.toString());
            List<JsonObject> keys = parse(Files.readString(file)).getJsonArray("keys").getValuesAs(JsonObject.class);
            assertEquals(2, keys.size());
            assertTrue(keys.stream().allMatch(k -> k.containsKey("d")), "dev-keys files hold the private keys");

            HubResponse response = DemoClients.as(org).get("/api/v1/organizations");
            assertEquals(200, response.status(), () -> org + ": " + response.problem());
            assertTrue(response.sealed(), "signed by the hub and encrypted to " + org);
            List<String> ids = parse(response.body()).getJsonArray("organizations").getValuesAs(JsonObject.class)
                    .stream().map(o -> o.getString("id")).toList();
            assertTrue(ids.containsAll(List.of(DemoClients.ALL)), ids.toString());
        }
    }

    @Test
    void operatorRegistersAnOrganizationThatEveryMemberCanRead() {
        String id = newId("platform");
        HubResponse created = DemoClients.as(DemoClients.OPERATOR).post("/api/v1/organizations", organization(id, "PLATFORM"));
        assertEquals(201, created.status(), created.problem());
        assertTrue(created.location().endsWith("/api/v1/organizations/" + id), created.location());

        HubResponse read = DemoClients.as(DemoClients.PLATFORM_B).get("/api/v1/organizations/" + id);
        assertEquals(200, read.status());
        JsonObject view = parse(read.body());
        assertEquals("Example PLATFORM", view.getString("name"), "stored trimmed");
        assertEquals("ACTIVE", view.getString("status"));
        assertEquals(parse(created.body()).getString("createdAt"), view.getString("createdAt"),
                "the time the hub reports is the time it stored");
    }

    @Test
    void nonOperatorCannotRegisterAnOrganizationAndGetsASealedProblem() {
        HubResponse response = DemoClients.as(DemoClients.MINISTRY).post("/api/v1/organizations",
                organization(newId("platform"), "PLATFORM"));
        assertEquals(403, response.status());
        assertTrue(response.sealed(), "problems after a valid envelope are sealed too");
        assertEquals("urn:electionpool:problem:forbidden", response.problemType().orElseThrow());
    }

    @Test
    void duplicateIdIsASealedAlreadyExistsProblem() {
        HubClient operator = DemoClients.as(DemoClients.OPERATOR);
        String id = newId("authority");
        assertEquals(201, operator.post("/api/v1/organizations", organization(id, "AUTHORITY")).status());
        HubResponse again = operator.post("/api/v1/organizations", organization(id, "AUTHORITY"));
        assertEquals(409, again.status());
        assertEquals("urn:electionpool:problem:already-exists", again.problemType().orElseThrow());
    }

    @Test
    void invalidFieldsAreASealedValidationProblemListingEachField() {
        HubResponse response = DemoClients.as(DemoClients.OPERATOR).post("/api/v1/organizations",
                "{\"id\":\"Not A Slug\",\"name\":\" \",\"kind\":\"PLATFORM\",\"country\":\"ZZ\"}");
        assertEquals(400, response.status());
        assertTrue(response.sealed());
        JsonObject problem = parse(response.problem());
        assertEquals("urn:electionpool:problem:validation-failed", problem.getString("type"));
        assertEquals(List.of("contactPoint", "country", "id", "name"), problem.getJsonArray("errors")
                .getValuesAs(JsonObject.class).stream().map(e -> e.getString("field")).toList());
        assertFalse(response.problem().contains("Not A Slug"), "the problem never echoes the input");
    }

    @Test
    void bodyOfTheWrongShapeIsASealedMalformedRequestProblem() {
        HubClient operator = DemoClients.as(DemoClients.OPERATOR);
        HubResponse wrongType = operator.post("/api/v1/organizations", "{\"id\":{\"nested\":true},\"kind\":\"PLATFORM\"}");
        assertEquals(400, wrongType.status());
        assertEquals("urn:electionpool:problem:malformed-request", wrongType.problemType().orElseThrow());
        HubResponse unknownMember = operator.post("/api/v1/organizations",
                organization(newId("platform"), "PLATFORM").replace("}", ",\"admin\":true}"));
        assertEquals("urn:electionpool:problem:malformed-request", unknownMember.problemType().orElseThrow());
        HubResponse unknownKind = operator.post("/api/v1/organizations", organization(newId("platform"), "GOD"));
        assertEquals("urn:electionpool:problem:malformed-request", unknownKind.problemType().orElseThrow());
    }

    @Test
    void unknownApiPathAndWrongMethodAreSealedProblems() {
        HubClient platform = DemoClients.as(DemoClients.PLATFORM_A);
        HubResponse missing = platform.get("/api/v1/no-such-collection");
        assertEquals(404, missing.status());
        assertTrue(missing.sealed());
        assertEquals("urn:electionpool:problem:not-found", missing.problemType().orElseThrow());
        HubResponse wrongMethod = platform.delete("/api/v1/organizations");
        assertEquals(405, wrongMethod.status());
        assertEquals("urn:electionpool:problem:method-not-allowed", wrongMethod.problemType().orElseThrow());
        HubResponse unknownOrg = platform.get("/api/v1/organizations/" + newId("nobody"));
        assertEquals("urn:electionpool:problem:not-found", unknownOrg.problemType().orElseThrow());
    }

    @Test
    void operatorManagesKeysAndEveryMemberReadsThem() throws Exception {
        HubClient operator = DemoClients.as(DemoClients.OPERATOR);
        String id = newId("platform");
        assertEquals(201, operator.post("/api/v1/organizations", organization(id, "PLATFORM")).status());
        // Generated at run time: no key is committed.
        com.nimbusds.jose.jwk.ECKey key = new com.nimbusds.jose.jwk.gen.ECKeyGenerator(com.nimbusds.jose.jwk.Curve.P_256)
                .keyUse(com.nimbusds.jose.jwk.KeyUse.SIGNATURE).keyID("sig-2026").generate();
        HubResponse added = operator.post("/api/v1/organizations/" + id + "/keys",
                "{\"jwk\":" + key.toPublicJWK().toJSONString() + "}");
        assertEquals(201, added.status(), added.problem());
        assertEquals("ES256", parse(added.body()).getJsonObject("jwk").getString("alg"));

        HubResponse privateKey = operator.post("/api/v1/organizations/" + id + "/keys", "{\"jwk\":" + key.toJSONString() + "}");
        assertEquals(400, privateKey.status());
        assertEquals("urn:electionpool:problem:validation-failed", privateKey.problemType().orElseThrow());

        HubResponse retired = operator.post("/api/v1/organizations/" + id + "/keys/sig-2026/retirement", "{}");
        assertEquals(200, retired.status(), retired.problem());
        assertEquals("RETIRED", parse(retired.body()).getString("status"));
        HubResponse retiredAgain = operator.post("/api/v1/organizations/" + id + "/keys/sig-2026/retirement", "{}");
        assertEquals(409, retiredAgain.status());
        HubResponse revoked = operator.post("/api/v1/organizations/" + id + "/keys/sig-2026/revocation", "{}");
        assertEquals("REVOKED", parse(revoked.body()).getString("status"));

        HubResponse listed = DemoClients.as(DemoClients.MINISTRY).get("/api/v1/organizations/" + id + "/keys");
        JsonObject only = parse(listed.body()).getJsonArray("keys").getJsonObject(0);
        assertEquals("REVOKED", only.getString("status"));
        assertNotNull(only.getString("retiredAt"));
        assertNotNull(only.getString("revokedAt"));

        HubResponse forbidden = DemoClients.as(DemoClients.PLATFORM_A).post("/api/v1/organizations/" + id + "/keys",
                "{\"jwk\":" + key.toPublicJWK().toJSONString() + "}");
        assertEquals(403, forbidden.status());
        // A stranger learns that it may not change the keys before anything about the key: a kid that
        // is no kid at all is 403 for it too (as before authorisation moved into the service), 404 for
        // the operator.
        String noKid = "x".repeat(200);
        for (String action : new String[] {"retirement", "revocation"}) {
            HubResponse strangerNoKid = DemoClients.as(DemoClients.PLATFORM_A).post("/api/v1/organizations/" + id
                    + "/keys/" + noKid + "/" + action, "{}");
            assertEquals(403, strangerNoKid.status(), action);
            assertEquals(404, operator.post("/api/v1/organizations/" + id + "/keys/" + noKid + "/" + action, "{}").status(),
                    action);
        }
    }

    private static com.nimbusds.jose.jwk.ECKey newKey(com.nimbusds.jose.jwk.KeyUse use) throws Exception {
        return new com.nimbusds.jose.jwk.gen.ECKeyGenerator(com.nimbusds.jose.jwk.Curve.P_256).keyUse(use)
                .keyIDFromThumbprint(true).generate(); // generated at run time: no key is committed
    }

    private static HubClient client(String org, com.nimbusds.jose.jwk.JWK... keys) {
        return HubClient.builder().hub(HttpClientSupport.HUB).organization(org).retries(0)
                .privateJwks(new com.nimbusds.jose.jwk.JWKSet(List.of(keys)).toString(false)).build();
    }

    @Test
    void organizationRotatesItsOwnKeysWithoutTheOperator() throws Exception {
        HubClient operator = DemoClients.as(DemoClients.OPERATOR);
        String id = newId("platform");
        assertEquals(201, operator.post("/api/v1/organizations", organization(id, "PLATFORM")).status());
        var sig1 = newKey(com.nimbusds.jose.jwk.KeyUse.SIGNATURE);
        var enc = newKey(com.nimbusds.jose.jwk.KeyUse.ENCRYPTION);
        for (var key : List.of(sig1, enc)) {
            assertEquals(201, operator.post("/api/v1/organizations/" + id + "/keys",
                    "{\"jwk\":" + key.toPublicJWK().toJSONString() + "}").status());
        }
        HubClient withSig1 = client(id, sig1, enc);
        assertEquals(200, withSig1.get("/api/v1/organizations").status());

        // The organisation adds its next key with a request signed by its current one, then retires the old.
        var sig2 = newKey(com.nimbusds.jose.jwk.KeyUse.SIGNATURE);
        HubResponse added = withSig1.post("/api/v1/organizations/" + id + "/keys",
                "{\"jwk\":" + sig2.toPublicJWK().toJSONString() + "}");
        assertEquals(201, added.status(), added.problem());
        HubResponse retired = withSig1.post("/api/v1/organizations/" + id + "/keys/" + sig1.getKeyID() + "/retirement", "{}");
        assertEquals(200, retired.status(), retired.problem());

        HubResponse refused = withSig1.get("/api/v1/organizations");
        assertEquals(401, refused.status(), "a retired key signs nothing new");
        assertFalse(refused.sealed());
        assertEquals("urn:electionpool:problem:hxp-unauthenticated", refused.problemType().orElseThrow());
        assertEquals(200, client(id, sig2, enc).get("/api/v1/organizations").status());
    }

    @Test
    void organizationCannotManageAnotherOrganizationsKeys() throws Exception {
        var key = newKey(com.nimbusds.jose.jwk.KeyUse.SIGNATURE);
        HubResponse response = DemoClients.as(DemoClients.PLATFORM_A).post(
                "/api/v1/organizations/" + DemoClients.PLATFORM_B + "/keys", "{\"jwk\":" + key.toPublicJWK().toJSONString() + "}");
        assertEquals(403, response.status());
        assertEquals("urn:electionpool:problem:forbidden", response.problemType().orElseThrow());
    }

    @Test
    void certificateRequestIsCertifiedByTheHubCa() throws Exception {
        var pair = java.security.KeyPairGenerator.getInstance("EC");
        pair.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        var keys = pair.generateKeyPair();
        var request = new org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder(
                new org.bouncycastle.asn1.x500.X500Name("CN=anything"), keys.getPublic())
                .build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
        String pem = "-----BEGIN CERTIFICATE REQUEST-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(request.getEncoded())
                + "\n-----END CERTIFICATE REQUEST-----\n";
        HubResponse response = DemoClients.as(DemoClients.PLATFORM_A).post("/api/v1/organizations/"
                + DemoClients.PLATFORM_A + "/keys", Json.createObjectBuilder().add("csr", pem).add("use", "SIG")
                .add("kid", "csr-" + UUID.randomUUID().toString().substring(0, 8)).build().toString());
        assertEquals(201, response.status(), response.problem());
        JsonObject jwk = parse(response.body()).getJsonObject("jwk");
        assertEquals(2, jwk.getJsonArray("x5c").size(), "leaf and CA certificate");
        assertEquals("ES256", jwk.getString("alg"));
    }
}
