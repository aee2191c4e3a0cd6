package org.electionpool.hub.it;

import static org.electionpool.hub.it.HttpClientSupport.HUB;
import static org.electionpool.hub.it.HttpClientSupport.assertProblem;
import static org.electionpool.hub.it.HttpClientSupport.get;
import static org.electionpool.hub.it.HttpClientSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import org.electionpool.hub.protocol.log.Checkpoint;
import org.electionpool.hub.protocol.log.MerkleTree;
import org.electionpool.hub.protocol.log.SignedNote;
import org.electionpool.hub.client.HubClient;
import org.electionpool.hub.client.HubClientException;
import org.electionpool.hub.client.HubResponse;
import org.electionpool.hub.client.SealedRequest;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The public audit endpoints as an outside verifier uses them: it knows only the discovery
 * document, C2SP signed notes and RFC 9162. Refused requests grow the log.
 */
@ExtendWith(ArquillianExtension.class)
class AuditLogIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return HubDeployment.ear();
    }

    private static SignedNote.VerifierKey verifierKey() {
        JsonObject auditLog = json(get(HUB, "/.well-known/hxp-configuration")).getJsonObject("audit_log");
        return SignedNote.VerifierKey.parse(auditLog.getString("verifier_key"));
    }

    private static Checkpoint checkpoint(SignedNote.VerifierKey key) {
        HttpResponse<String> response = get(HUB, "/api/v1/audit/checkpoint");
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        Checkpoint checkpoint = Checkpoint.parse(SignedNote.open(response.body(), key));
        assertEquals(key.name(), checkpoint.origin(), "the note key is named after the log's origin");
        return checkpoint;
    }

    @Test
    void refusalsGrowTheLogAndTheNewCheckpointProvablyExtendsTheOld() throws Exception {
        SignedNote.VerifierKey key = verifierKey();
        Checkpoint before = checkpoint(key);
        for (int i = 0; i < 3; i++) {
            assertEquals(401, get(HUB, "/api/v1/organizations").statusCode(), "a refused request");
        }
        Checkpoint after = checkpoint(key);
        assertTrue(after.size() >= before.size() + 3, before.size() + " -> " + after.size());

        JsonObject proof = json(get(HUB, "/api/v1/audit/proofs/consistency?from=" + before.size() + "&to=" + after.size()));
        assertEquals(before.size(), proof.getJsonNumber("from").longValue());
        assertEquals(after.size(), proof.getJsonNumber("to").longValue());
        List<byte[]> hashes = proof.getJsonArray("proof").getValuesAs(JsonString.class).stream()
                .map(s -> Base64.getDecoder().decode(s.getString())).toList();
        MerkleTree.verifyConsistency(before.size(), after.size(), hashes, before.rootHash(), after.rootHash());

        if (before.size() > 0) {
            List<byte[]> tampered = new java.util.ArrayList<>(hashes);
            tampered.set(0, new byte[32]);
            assertThrows(org.electionpool.hub.protocol.log.ProofException.class, () -> MerkleTree.verifyConsistency(
                    before.size(), after.size(), tampered, before.rootHash(), after.rootHash()));
        }
    }

    /**
     * The client side of the same guarantee: a HubClient started from a checkpoint persisted by an
     * earlier one holds every new receipt's checkpoint to it, and follows the log as it grows.
     */
    @Test
    void aClientStartedFromAPersistedCheckpointProvesEachNewOneExtendsIt() {
        HubClient earlier = DemoClients.as(DemoClients.PLATFORM_A);
        assertNull(earlier.trustedCheckpoint(), "nothing verified yet");
        assertEquals(404, earlier.get("/api/v1/organizations/no-such-organization").status(), "a refused, audited call");
        String persisted = earlier.trustedCheckpoint();
        assertNotNull(persisted);
        for (int i = 0; i < 3; i++) {
            assertEquals(401, get(HUB, "/api/v1/organizations").statusCode(), "the log grows meanwhile");
        }
        HubClient later = HubClient.builder().hub(HUB).organization(DemoClients.PLATFORM_A)
                .privateJwks(DemoClients.devKeys().resolve(DemoClients.PLATFORM_A + ".jwks.json"))
                .trustedCheckpoint(persisted).build();
        assertEquals(persisted, later.trustedCheckpoint());
        SignedNote.VerifierKey key = verifierKey();
        long persistedSize = Checkpoint.parse(SignedNote.open(persisted, key)).size();
        assertEquals(404, later.get("/api/v1/organizations/still-no-such-organization").status());
        long afterCall = Checkpoint.parse(SignedNote.open(later.trustedCheckpoint(), key)).size();
        assertTrue(afterCall >= persistedSize + 4, persistedSize + " -> " + afterCall);
        String latest = later.latestCheckpoint();
        assertEquals(latest, later.trustedCheckpoint(), "the public checkpoint is witnessed too");

        String notTheLogs = persisted.replaceFirst("\n(\\d+)\n", "\n9$1\n");
        assertThrows(HubClientException.class, () -> HubClient.builder().hub(HUB).organization(DemoClients.PLATFORM_A)
                .privateJwks(DemoClients.devKeys().resolve(DemoClients.PLATFORM_A + ".jwks.json"))
                .trustedCheckpoint(notTheLogs).build(), "a persisted checkpoint must carry the log's signature");
    }

    /** Sends a sealed GET with the given {@code Hxp-Log-Size} values (none: without the header). */
    private static HttpResponse<String> sendWithLogSize(SealedRequest sealed, String... sizes) throws Exception {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(HUB + sealed.target())).header("Authorization", "HXP " + sealed.token()).GET();
        for (String size : sizes) {
            request.header(org.electionpool.hub.protocol.hxp.Hxp.LOG_SIZE_HEADER, size);
        }
        return java.net.http.HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Issue 14: a request that names the tree size its sender trusts gets, in its receipt, the
     * consistency proof from that size to the receipt's checkpoint — so a client needs no second
     * request per answer — and the proof verifies against both signed roots.
     */
    @Test
    void aReceiptCarriesTheConsistencyProofFromTheSizeTheRequestNamed() throws Exception {
        SignedNote.VerifierKey key = verifierKey();
        HubClient client = HubClient.builder().hub(HUB).organization(DemoClients.PLATFORM_A)
                .privateJwks(DemoClients.devKeys().resolve(DemoClients.PLATFORM_A + ".jwks.json"))
                .checkConsistency(false).build();
        Checkpoint before = checkpoint(key);
        assertEquals(401, get(HUB, "/api/v1/organizations").statusCode(), "the log grows past the trusted size");

        SealedRequest sealed = client.seal("GET", "/api/v1/organizations/no-such-organization", null);
        HubResponse answer = client.open(sealed, sendWithLogSize(sealed, Long.toString(before.size())));
        assertEquals(404, answer.status(), "a refused, audited call");
        JsonObject receipt = jakarta.json.Json.createReader(new java.io.StringReader(answer.receipt())).readObject();
        Checkpoint signed = Checkpoint.parse(SignedNote.open(receipt.getString("checkpoint"), key));
        assertTrue(signed.size() > before.size(), before.size() + " -> " + signed.size());
        JsonObject consistency = receipt.getJsonObject("consistency");
        assertNotNull(consistency, receipt.toString());
        assertEquals(before.size(), consistency.getJsonNumber("from").longValue());
        assertEquals(signed.size(), consistency.getJsonNumber("to").longValue());
        List<byte[]> hashes = consistency.getJsonArray("proof").getValuesAs(JsonString.class).stream()
                .map(h -> Base64.getDecoder().decode(h.getString())).toList();
        MerkleTree.verifyConsistency(before.size(), signed.size(), hashes, before.rootHash(), signed.rootHash());

        SealedRequest without = client.seal("GET", "/api/v1/organizations/no-such-organization", null);
        JsonObject plain = jakarta.json.Json.createReader(new java.io.StringReader(
                client.open(without, sendWithLogSize(without)).receipt())).readObject();
        assertNull(plain.get("consistency"), "no size named, no proof");
        SealedRequest ahead = client.seal("GET", "/api/v1/organizations/no-such-organization", null);
        JsonObject beyond = jakarta.json.Json.createReader(new java.io.StringReader(
                client.open(ahead, sendWithLogSize(ahead, "999999999999")).receipt())).readObject();
        assertNull(beyond.get("consistency"), "a size beyond the receipt's has no proof to it");
    }

    @Test
    void aLogSizeThatIsNotOneDecimalTreeSizeIsAnInvalidParameterProblem() throws Exception {
        HubClient client = HubClient.builder().hub(HUB).organization(DemoClients.PLATFORM_A)
                .privateJwks(DemoClients.devKeys().resolve(DemoClients.PLATFORM_A + ".jwks.json"))
                .checkConsistency(false).build();
        for (String[] sizes : List.of(new String[] {"-1"}, new String[] {"01"}, new String[] {"1e3"},
                new String[] {"9999999999999999999"}, new String[] {""}, new String[] {"3", "4"})) {
            SealedRequest sealed = client.seal("GET", "/api/v1/organizations", null);
            HubResponse answer = client.open(sealed, sendWithLogSize(sealed, sizes));
            assertEquals(400, answer.status(), String.join(",", sizes));
            assertTrue(answer.problem().contains("invalid-parameter") && answer.problem().contains("Hxp-Log-Size"),
                    answer.problem());
        }
    }

    @Test
    void checkpointWithAnAlteredByteDoesNotVerify() {
        SignedNote.VerifierKey key = verifierKey();
        String note = get(HUB, "/api/v1/audit/checkpoint").body();
        String altered = note.replaceFirst("\n(\\d+)\n", "\n9$1\n");
        assertThrows(IllegalArgumentException.class, () -> SignedNote.open(altered, key));
    }

    @Test
    void badProofParametersAreProblems() {
        assertProblem(get(HUB, "/api/v1/audit/proofs/consistency?from=2&to=1"), 400, "invalid-parameter");
        assertProblem(get(HUB, "/api/v1/audit/proofs/consistency?from=0&to=999999999"), 400, "invalid-parameter");
        assertProblem(get(HUB, "/api/v1/audit/proofs/consistency?from=x&to=1"), 400, "invalid-parameter");
        assertProblem(get(HUB, "/api/v1/audit/proofs/consistency"), 400, "invalid-parameter");
    }

    @Test
    void auditorRebuildsTheTreeFromTheLeafBytesAndMatchesTheSignedCheckpoint() throws Exception {
        SignedNote.VerifierKey key = verifierKey();
        assertEquals(401, get(HUB, "/api/v1/organizations").statusCode(), "at least one entry");
        Checkpoint checkpoint = checkpoint(key);
        long size = checkpoint.size();
        org.electionpool.hub.client.HubClient auditor = DemoClients.as(DemoClients.AUDITOR);
        List<byte[]> leafHashes = new java.util.ArrayList<>();
        while (leafHashes.size() < size) { // pages of at most 1,000 entries, which may end early
            long from = leafHashes.size();
            org.electionpool.hub.client.HubResponse response = auditor.get("/api/v1/audit/entries?from=" + from
                    + "&to=" + Math.min(size, from + 1000));
            assertEquals(200, response.status(), response.problem());
            List<JsonObject> entries = parse(response.body()).getJsonArray("entries").getValuesAs(JsonObject.class);
            assertTrue(!entries.isEmpty(), "an auditor sees every entry");
            for (JsonObject entry : entries) {
                long i = leafHashes.size();
                assertEquals(i, entry.getJsonNumber("index").longValue(), "gapless");
                byte[] leaf = Base64.getDecoder().decode(entry.getString("leaf"));
                byte[] leafHash = MerkleTree.hashLeaf(leaf);
                assertEquals(entry.getString("leaf_hash"), Base64.getEncoder().encodeToString(leafHash));
                String json = new String(leaf, java.nio.charset.StandardCharsets.UTF_8);
                assertEquals(json, new String(org.electionpool.hub.protocol.json.CanonicalJson.canonicalize(json),
                        java.nio.charset.StandardCharsets.UTF_8), "leaf bytes are canonical JSON");
                assertEquals(i, parse(json).getJsonNumber("index").longValue(), "the leaf states its own index");
                assertEquals(parse(json).getString("action"), entry.getString("action"), "readable copy of the leaf");
                leafHashes.add(leafHash);
            }
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(checkpoint.rootHash(),
                MerkleTree.root(new MerkleTree.InMemory(leafHashes), size), "the tree of the leaves is the signed one");
        long index = size - 1;
        org.electionpool.hub.client.HubResponse inclusion = auditor.get("/api/v1/audit/proofs/inclusion?index=" + index
                + "&size=" + checkpoint.size());
        assertEquals(200, inclusion.status(), inclusion.problem());
        JsonObject proof = parse(inclusion.body());
        MerkleTree.verifyInclusion(index, checkpoint.size(), leafHashes.get((int) index),
                proof.getJsonArray("proof").getValuesAs(JsonString.class).stream()
                        .map(s -> Base64.getDecoder().decode(s.getString())).toList(), checkpoint.rootHash());
    }

    @Test
    void aPartySeesOnlyItsOwnEntriesAndNoOneElses() {
        org.electionpool.hub.client.HubClient platform = DemoClients.as(DemoClients.PLATFORM_A);
        org.electionpool.hub.client.HubResponse own = platform.get("/api/v1/organizations/no-such-organization");
        assertEquals(404, own.status());
        long ownIndex = parse(own.receipt()).getJsonNumber("index").longValue();
        List<Long> seen = new java.util.ArrayList<>();
        for (long from = Math.max(0, ownIndex - 999); from <= ownIndex; from += 1000) {
            org.electionpool.hub.client.HubResponse response = platform.get("/api/v1/audit/entries?from=" + from
                    + "&to=" + (ownIndex + 1));
            assertEquals(200, response.status(), response.problem());
            for (JsonObject entry : parse(response.body()).getJsonArray("entries").getValuesAs(JsonObject.class)) {
                String leaf = new String(Base64.getDecoder().decode(entry.getString("leaf")),
                        java.nio.charset.StandardCharsets.UTF_8);
                assertEquals(DemoClients.PLATFORM_A, parse(leaf).getString("actor_org"), "only its own entries");
                seen.add(entry.getJsonNumber("index").longValue());
            }
        }
        assertTrue(seen.contains(ownIndex), "its own refused request is among them: " + seen);
        assertTrue(seen.size() < ownIndex + 1 || ownIndex == 0, "and not everyone else's");
        org.electionpool.hub.client.HubResponse foreign = platform.get("/api/v1/audit/proofs/inclusion?index=0&size=1");
        assertEquals(404, foreign.status(), "a refusal entry is nobody's: not found, never forbidden");
        assertEquals(401, get(HUB, "/api/v1/audit/entries?from=0&to=1").statusCode(), "entries need HXP/1");
    }

    @Test
    void theOperatorAndAuditorsRunTheConsistencyCheckAndOthersMayNot() {
        org.electionpool.hub.client.HubResponse report = DemoClients.as(DemoClients.OPERATOR).get("/api/v1/audit/fsck");
        assertEquals(200, report.status(), report.problem());
        JsonObject body = parse(report.body());
        assertTrue(body.getBoolean("ok"), report.body());
        assertEquals(body.getJsonNumber("size").longValue(), body.getJsonNumber("entries_checked").longValue());
        assertEquals(200, DemoClients.as(DemoClients.AUDITOR).get("/api/v1/audit/fsck").status(),
                "auditors run fsck too (docs/audit-log.md; the auditor's fsck button)");
        assertEquals(403, DemoClients.as(DemoClients.PLATFORM_A).get("/api/v1/audit/fsck").status());
        assertEquals(403, DemoClients.as(DemoClients.MINISTRY).get("/api/v1/audit/fsck").status());
    }

    private static JsonObject parse(String json) {
        try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(new java.io.StringReader(json))) {
            return reader.readObject();
        }
    }
}
