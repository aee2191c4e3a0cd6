package org.electionpool.hub.it;

import static org.electionpool.hub.it.HttpClientSupport.HUB;
import static org.electionpool.hub.it.HttpClientSupport.get;
import static org.electionpool.hub.it.HttpClientSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.electionpool.hub.protocol.log.Receipts;
import org.electionpool.hub.protocol.log.SignedNote;
import org.electionpool.hub.client.HubClient;
import org.electionpool.hub.client.HubResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Audit entries for organisation and key changes, with the sender's signed message as evidence;
 * receipts on every audited answer; evidence bundles and exports checked by the offline verifier
 * jar, run as {@code java -jar} exactly as docs/verifier.md tells an auditor to — and the same
 * files, tampered with, refused with the index named.
 */
@ExtendWith(ArquillianExtension.class)
class AuditEvidenceIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return HubDeployment.ear();
    }

    private static JsonObject parse(String json) {
        try (JsonReader r = Json.createReader(new StringReader(json))) {
            return r.readObject();
        }
    }

    private static String verifierKey() {
        return json(get(HUB, "/.well-known/hxp-configuration")).getJsonObject("audit_log").getString("verifier_key");
    }

    private static JsonObject leaf(String base64) {
        return parse(new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8));
    }

    private static String newId() {
        return "it-audit-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static HubResponse createOrganization(String id) {
        return DemoClients.as(DemoClients.OPERATOR).post("/api/v1/organizations", "{\"id\":\"" + id
                + "\",\"name\":\"Audited platform\",\"kind\":\"PLATFORM\",\"country\":\"SE\","
                + "\"contactPoint\":\"trust@example.org\"}");
    }

    private static ECKey newKey(KeyUse use) throws Exception {
        return new ECKeyGenerator(Curve.P_256).keyUse(use).keyIDFromThumbprint(true).generate(); // never committed
    }

    @Test
    void everyChangeCarriesAReceiptThatNamesItsOwnSignedRequest() throws Exception {
        String id = newId();
        HubResponse created = createOrganization(id);
        assertEquals(201, created.status(), created.problem());
        assertNotNull(created.receipt(), "a change is always audited");

        Receipts.Verified receipt = Receipts.verify(created.receipt(), SignedNote.VerifierKey.parse(verifierKey()),
                created.requestJti(), null);
        JsonObject entry = leaf(parse(created.receipt()).getString("leaf"));
        assertEquals("organization.created", entry.getString("action"));
        assertEquals("API", entry.getString("channel"));
        assertEquals(DemoClients.OPERATOR, entry.getString("actor_org"));
        assertEquals("organization", entry.getString("target_type"));
        assertEquals(id, entry.getString("target_id"));
        assertEquals(created.requestJti(), entry.getString("jti"));
        assertEquals(44, entry.getString("evidence_sha256").length());
        assertEquals(44, entry.getString("body_sha256").length());
        assertEquals("PLATFORM", entry.getJsonObject("details").getString("kind"));
        assertTrue(receipt.size() > receipt.index(), "the receipt's checkpoint is that of the batch that integrated it");

        HubResponse read = DemoClients.as(DemoClients.MINISTRY).get("/api/v1/organizations/" + id);
        assertEquals(200, read.status());
        assertNull(read.receipt(), "a directory read is not audited, so it has no receipt");
    }

    @Test
    void aRefusedChangeLeavesOnlyItsRefusalEntryWithTheEvidence() {
        String id = newId();
        assertEquals(201, createOrganization(id).status());
        HubResponse again = createOrganization(id);
        assertEquals(409, again.status());
        assertNotNull(again.receipt(), "a refused request is audited too");
        JsonObject entry = leaf(parse(again.receipt()).getString("leaf"));
        assertEquals("request.refused", entry.getString("action"));
        assertEquals("already-exists", entry.getJsonObject("details").getString("reason"));
        assertEquals(409, entry.getJsonObject("details").getInt("status"));
        assertEquals(again.requestJti(), entry.getString("jti"));
        assertTrue(entry.containsKey("evidence_sha256"));

        JsonObject bundle = parse(DemoClients.as(DemoClients.AUDITOR)
                .get("/api/v1/audit/bundle?target_type=organization&target_id=" + id).body());
        long creations = bundle.getJsonArray("entries").getValuesAs(JsonObject.class).stream()
                .filter(e -> "organization.created".equals(leaf(e.getString("leaf")).getString("action"))).count();
        assertEquals(1, creations, "the refused duplicate left no change entry behind");
    }

    /** An organisation rotates its own key, then the operator retires the old one; the bundle verifies offline. */
    @Test
    void bundleVerifiesOfflineAgainstTheKeysValidAtTheTimeAndNamesTamperedEntries() throws Exception {
        String id = newId();
        assertEquals(201, createOrganization(id).status());
        ECKey sig1 = newKey(KeyUse.SIGNATURE);
        ECKey enc = newKey(KeyUse.ENCRYPTION);
        HubClient operator = DemoClients.as(DemoClients.OPERATOR);
        for (ECKey key : List.of(sig1, enc)) {
            HubResponse added = operator.post("/api/v1/organizations/" + id + "/keys",
                    "{\"jwk\":" + key.toPublicJWK().toJSONString() + "}");
            assertEquals(201, added.status(), added.problem());
        }
        ECKey sig2 = newKey(KeyUse.SIGNATURE);
        HubClient self = HubClient.builder().hub(HUB).organization(id).retries(0)
                .privateJwks(new JWKSet(List.of(sig1, enc)).toString(false)).build();
        HubResponse rotated = self.post("/api/v1/organizations/" + id + "/keys",
                "{\"jwk\":" + sig2.toPublicJWK().toJSONString() + "}");
        assertEquals(201, rotated.status(), rotated.problem());
        long rotationIndex = parse(rotated.receipt()).getJsonNumber("index").longValue();
        // The organisation retires the very key this request is signed with: valid when the hub verified it.
        HubClient rotatedSelf = HubClient.builder().hub(HUB).organization(id).retries(0)
                .privateJwks(new JWKSet(List.of(sig1, enc)).toString(false)).build();
        HubResponse selfRetired = rotatedSelf.post("/api/v1/organizations/" + id + "/keys/" + sig1.getKeyID()
                + "/retirement", "{}");
        assertEquals(200, selfRetired.status(), selfRetired.problem());

        HubResponse response = DemoClients.as(DemoClients.AUDITOR)
                .get("/api/v1/audit/bundle?target_type=organization&target_id=" + id);
        assertEquals(200, response.status(), response.problem());
        assertNotNull(response.receipt(), "reading evidence is itself audited");
        JsonObject bundle = parse(response.body());
        assertEquals("hxp-audit-bundle/1", bundle.getString("format"));
        assertEquals("bundle", bundle.getString("kind"));
        List<String> actions = new ArrayList<>();
        for (JsonObject e : bundle.getJsonArray("entries").getValuesAs(JsonObject.class)) {
            actions.add(leaf(e.getString("leaf")).getString("action"));
        }
        assertEquals(List.of("organization.created", "key.added", "key.added", "key.added", "key.retired",
                "audit.bundle.read"), actions);
        JsonArray keys = bundle.getJsonObject("keys").getJsonArray(id);
        assertTrue(keys.getValuesAs(JsonObject.class).stream().anyMatch(k -> k.getString("kid").equals(sig1.getKeyID())
                && "RETIRED".equals(k.getString("status")) && k.containsKey("retired_at")), "historic keys included");

        Path file = write(bundle);
        Verifier.Result ok = Verifier.run("--key", verifierKey(), file.toString());
        assertEquals(0, ok.exitCode(), ok.output());
        assertTrue(ok.output().contains("OK bundle"), ok.output());

        int position = actions.indexOf("key.added") + 2; // the self-rotation, signed by the since retired key
        assertEquals(rotationIndex, entry(bundle, position).getJsonNumber("index").longValue());
        assertRefused(tamper(bundle, position, "evidence", jws -> flip(jws, jws.length() - 5)), rotationIndex);
        assertRefused(tamper(bundle, position, "leaf", leaf -> reencode(leaf, s -> s.replace("key.added", "key.addex"))),
                rotationIndex);
        assertRefused(tamper(bundle, position, "evidence", jws -> entry(bundle, 0).getString("evidence")), rotationIndex);

        String checkpoint = bundle.getString("checkpoint");
        JsonObject badCheckpoint = with(bundle, "checkpoint", flip(checkpoint, checkpoint.length() - 8));
        Verifier.Result bad = Verifier.run("--key", verifierKey(), write(badCheckpoint).toString());
        assertEquals(1, bad.exitCode(), bad.output());
        assertTrue(bad.output().contains("FAIL checkpoint"), bad.output());
    }

    @Test
    void exportVerifiesOfflineAndAChangedLeafIsNamedByIndex() throws Exception {
        HubResponse response = DemoClients.as(DemoClients.AUDITOR).get("/api/v1/audit/export");
        assertEquals(200, response.status(), response.problem());
        JsonObject export = parse(response.body());
        assertEquals("export", export.getString("kind"));
        int size = export.getJsonNumber("size").intValue();
        assertEquals(size, export.getJsonArray("entries").size());
        assertEquals(size - 1, parse(response.receipt()).getJsonNumber("index").longValue(),
                "an export without size ends with its own read");

        Verifier.Result ok = Verifier.run("--key", verifierKey(), write(export).toString());
        assertEquals(0, ok.exitCode(), ok.output());
        assertTrue(ok.output().contains("OK export"), ok.output());

        int victim = size / 2;
        assertRefused(tamper(export, victim, "leaf", leaf -> reencode(leaf, s -> s.replaceFirst("\"timestamp\":\"2",
                "\"timestamp\":\"1"))), victim);
        assertRefused(tamper(export, victim, "leaf_hash", hash -> Base64.getEncoder().encodeToString(new byte[32])), victim);
    }

    /** The README's two steps: fetch as the auditor (online), then verify (offline) with the printed key. */
    @Test
    void readmeStepsFetchAnExportAndVerifyItOffline() throws Exception {
        Path file = Files.createTempFile("hxp-fetched-", ".json");
        file.toFile().deleteOnExit();
        Verifier.Result fetched = Verifier.run("fetch", "--hub", HUB.toString(), "--org", DemoClients.AUDITOR,
                "--jwks", DemoClients.devKeys().resolve(DemoClients.AUDITOR + ".jwks.json").toString(),
                "--export", "--out", file.toString());
        assertEquals(0, fetched.exitCode(), fetched.output());
        String printedKey = fetched.output().lines().filter(l -> l.startsWith("verifier key: ")).findFirst()
                .orElseThrow().substring("verifier key: ".length());
        assertEquals(verifierKey(), printedKey);
        Verifier.Result verified = Verifier.run("--key", printedKey, file.toString());
        assertEquals(0, verified.exitCode(), verified.output());
        assertTrue(verified.output().contains("OK export"), verified.output());

        Verifier.Result notAnAuditor = Verifier.run("fetch", "--hub", HUB.toString(), "--org", DemoClients.PLATFORM_A,
                "--jwks", DemoClients.devKeys().resolve(DemoClients.PLATFORM_A + ".jwks.json").toString(),
                "--export", "--out", file.toString());
        assertEquals(1, notAnAuditor.exitCode(), notAnAuditor.output());
        assertTrue(notAnAuditor.output().contains("403"), notAnAuditor.output());
    }

    @Test
    void bundlesAndExportsAreForAuditorsOnlyAndBadQueriesAreProblems() {
        HubClient auditor = DemoClients.as(DemoClients.AUDITOR);
        assertEquals(403, DemoClients.as(DemoClients.PLATFORM_A)
                .get("/api/v1/audit/bundle?target_type=organization&target_id=platform-alpha").status());
        assertEquals(403, DemoClients.as(DemoClients.OPERATOR).get("/api/v1/audit/export").status());
        HubResponse unknown = auditor.get("/api/v1/audit/bundle?target_type=organization&target_id=" + newId());
        assertEquals(404, unknown.status());
        assertTrue(unknown.problem().contains("not-found"), unknown.problem());
        for (String query : List.of("target_type=Organization&target_id=x", "target_type=organization",
                "target_type=organization&target_id=a%20b")) {
            HubResponse bad = auditor.get("/api/v1/audit/bundle?" + query);
            assertEquals(400, bad.status(), query);
            assertTrue(bad.problem().contains("invalid-parameter"), bad.problem());
        }
        assertEquals(400, auditor.get("/api/v1/audit/export?size=99999999").status());
        assertEquals(400, auditor.get("/api/v1/audit/export?size=-1").status());
    }

    private static void assertRefused(JsonObject tampered, long index) throws Exception {
        Verifier.Result result = Verifier.run("--key", verifierKey(), write(tampered).toString());
        assertEquals(1, result.exitCode(), result.output());
        assertTrue(result.output().contains("FAIL index " + index), result.output());
    }

    private static JsonObject entry(JsonObject bundle, int position) {
        return bundle.getJsonArray("entries").getJsonObject(position);
    }

    private static JsonObject tamper(JsonObject bundle, int position, String member, UnaryOperator<String> change) {
        JsonArrayBuilder entries = Json.createArrayBuilder();
        List<JsonObject> all = bundle.getJsonArray("entries").getValuesAs(JsonObject.class);
        for (int i = 0; i < all.size(); i++) {
            JsonObject e = all.get(i);
            if (i == position) {
                JsonObjectBuilder changed = Json.createObjectBuilder(e);
                changed.add(member, change.apply(e.getString(member)));
                e = changed.build();
            }
            entries.add(e);
        }
        return Json.createObjectBuilder(bundle).add("entries", entries).build();
    }

    private static JsonObject with(JsonObject bundle, String member, String value) {
        return Json.createObjectBuilder(bundle).add(member, value).build();
    }

    private static String flip(String text, int at) {
        char changed = text.charAt(at) == 'A' ? 'B' : 'A';
        return text.substring(0, at) + changed + text.substring(at + 1);
    }

    private static String reencode(String base64, UnaryOperator<String> change) {
        String text = new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        String changed = change.apply(text);
        assertTrue(!changed.equals(text), "the change must change something");
        return Base64.getEncoder().encodeToString(changed.getBytes(StandardCharsets.UTF_8));
    }

    private static Path write(JsonValue bundle) throws Exception {
        Path file = Files.createTempFile("hxp-bundle-", ".json");
        file.toFile().deleteOnExit();
        Files.writeString(file, bundle.toString(), StandardCharsets.UTF_8);
        return file;
    }
}
