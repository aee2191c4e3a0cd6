package org.electionpool.hub.verifier;

import static org.electionpool.hub.verifier.AuditFixture.ORG;
import static org.electionpool.hub.verifier.AuditFixture.ORG_KID;
import static org.electionpool.hub.verifier.AuditFixture.ORIGIN;
import static org.electionpool.hub.verifier.AuditFixture.json;
import static org.electionpool.hub.verifier.AuditFixture.timestamp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.electionpool.hub.protocol.json.CanonicalJson;
import org.electionpool.hub.protocol.log.MerkleTree;
import org.electionpool.hub.protocol.log.SignedNote;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offline verifier against real bundles and exports built at test time ({@link AuditFixture}):
 * good ones pass; each kind of tampering fails with exit 1 and a FAIL line naming the checkpoint
 * or the index responsible; malformed input and bad usage exit 2.
 */
class AuditVerifierTest {

    @TempDir
    Path dir;

    private final AuditFixture fixture = AuditFixture.standard();

    record Outcome(int code, String out, String err) {

        List<String> lines() {
            return out.lines().toList();
        }

        String verdict() {
            List<String> lines = lines();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }
    }

    private Outcome run(Map<String, Object> doc, String... options) throws Exception {
        Path file = dir.resolve("bundle-" + System.nanoTime() + ".json");
        Files.writeString(file, json(doc));
        List<String> args = new ArrayList<>(List.of(options));
        if (!args.contains("--key") && args.stream().noneMatch(a -> a.startsWith("--key="))) {
            args.add("--unpinned"); // the fixtures check the bundle against its own key unless a test pins one
        }
        args.add(file.toString());
        return runArgs(args);
    }

    private static Outcome runArgs(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = AuditVerifier.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void assertFails(Outcome outcome, String prefix, String reasonPart) {
        assertEquals(1, outcome.code(), outcome::toString);
        List<String> fails = outcome.lines().stream().filter(l -> l.startsWith("FAIL")).toList();
        assertEquals(1, fails.size(), outcome::toString);
        assertTrue(fails.get(0).startsWith(prefix), () -> "expected " + prefix + "... but got " + outcome);
        assertTrue(fails.get(0).contains(reasonPart), () -> "expected the reason to mention '" + reasonPart + "': " + outcome);
        assertFalse(outcome.out().contains("OK "), outcome::toString);
    }

    private static void assertMalformed(Outcome outcome, String messagePart) {
        assertEquals(2, outcome.code(), outcome::toString);
        assertTrue(outcome.err().contains(messagePart), () -> "expected '" + messagePart + "' on stderr: " + outcome);
        assertFalse(outcome.out().contains("OK "), outcome::toString);
        assertFalse(outcome.out().contains("FAIL"), outcome::toString);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> entry(Map<String, Object> doc, long index) {
        for (Object e : (List<Object>) doc.get("entries")) {
            Map<String, Object> entry = (Map<String, Object>) e;
            if (((Number) entry.get("index")).longValue() == index) {
                return entry;
            }
        }
        throw new AssertionError("no entry " + index);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> entries(Map<String, Object> doc) {
        return (List<Object>) doc.get("entries");
    }

    /** Changes one letter inside the leaf's target_id value: still canonical JSON, different bytes. */
    private static byte[] oneLeafByteChanged(Map<String, Object> entry) {
        byte[] leaf = Base64.getDecoder().decode((String) entry.get("leaf"));
        String text = new String(leaf, StandardCharsets.UTF_8);
        int at = text.indexOf("\"target_id\":\"") + "\"target_id\":\"".length();
        leaf[at] = (byte) (leaf[at] == 'p' ? 'q' : 'p');
        entry.put("leaf", Base64.getEncoder().encodeToString(leaf));
        return leaf;
    }

    private static String flipBase64Char(String b64, int at) {
        char c = b64.charAt(at);
        return b64.substring(0, at) + (c == 'A' ? 'B' : 'A') + b64.substring(at + 1);
    }

    @Nested
    class GoodInput {

        @Test
        void aGoodExportVerifies() throws Exception {
            Outcome outcome = run(fixture.export(), "--key", fixture.verifierKey);
            assertEquals(0, outcome.code(), outcome::toString);
            assertEquals("OK export: 7 entries, tree size 7, root " + Base64.getEncoder().encodeToString(fixture.root())
                    + ", 4 evidence signatures verified", outcome.verdict());
            assertEquals("", outcome.err());
        }

        @Test
        void aGoodBundleVerifies() throws Exception {
            Outcome outcome = run(fixture.bundle(1, 3, 6), "--key", fixture.verifierKey);
            assertEquals(0, outcome.code(), outcome::toString);
            assertEquals("OK bundle: 3 entries, tree size 7, root " + Base64.getEncoder().encodeToString(fixture.root())
                    + ", 3 evidence signatures verified", outcome.verdict());
            assertEquals(1, outcome.lines().size(), "a pinned key needs no note: " + outcome);
        }

        @Test
        void withoutKeyTheBundlesKeyIsUsedAndTheOutputSaysSo() throws Exception {
            Outcome outcome = run(fixture.bundle(0, 2, 4));
            assertEquals(0, outcome.code(), outcome::toString);
            assertTrue(outcome.lines().get(0).startsWith("NOTE verifier key taken from the bundle: " + fixture.verifierKey),
                    outcome::toString);
            assertTrue(outcome.lines().get(0).contains("--key"), outcome::toString);
            assertTrue(outcome.verdict().startsWith("OK bundle: 3 entries, tree size 7, root "), outcome::toString);
        }

        @Test
        void withheldEvidenceIsCountedNotFailed() throws Exception {
            Map<String, Object> doc = fixture.export();
            entry(doc, 3).remove("evidence");
            entry(doc, 6).remove("evidence");
            Outcome outcome = run(doc, "--key", fixture.verifierKey);
            assertEquals(0, outcome.code(), outcome::toString);
            assertTrue(outcome.out().contains("NOTE evidence withheld: 2 entries"), outcome::toString);
            assertTrue(outcome.verdict().endsWith(", 2 evidence signatures verified"), outcome::toString);
        }

        @Test
        void anEmptyLogExportVerifies() throws Exception {
            AuditFixture empty = new AuditFixture();
            Outcome outcome = run(empty.export(), "--key", empty.verifierKey);
            assertEquals(0, outcome.code(), outcome::toString);
            assertEquals("OK export: 0 entries, tree size 0, root " + Base64.getEncoder().encodeToString(MerkleTree.emptyRoot())
                    + ", 0 evidence signatures verified", outcome.verdict());
        }

        @Test
        void aBundleOfTheOnlyEntryOfASizeOneTreeVerifies() throws Exception {
            AuditFixture one = new AuditFixture();
            one.addSigned("key.added", Map.of("kid", "k"));
            assertEquals(0, run(one.bundle(0), "--key", one.verifierKey).code());
        }

        @Test
        void helpPrintsUsageAndSucceeds() {
            Outcome outcome = runArgs(List.of("--help"));
            assertEquals(0, outcome.code());
            assertTrue(outcome.out().startsWith("usage: java -jar hub-audit-verifier.jar"), outcome::toString);
        }
    }

    @Nested
    class TamperedLeaves {

        @Test
        void oneLeafByteChangedIsCaughtByItsLeafHash() throws Exception {
            Map<String, Object> export = fixture.export();
            oneLeafByteChanged(entry(export, 3));
            assertFails(run(export), "FAIL index 3: ", "leaf_hash");

            Map<String, Object> bundle = fixture.bundle(1, 3, 6);
            oneLeafByteChanged(entry(bundle, 3));
            assertFails(run(bundle), "FAIL index 3: ", "leaf_hash");
        }

        @Test
        void oneLeafByteChangedWithItsHashRecomputedFailsTheInclusionProof() throws Exception {
            Map<String, Object> bundle = fixture.bundle(1, 3, 6);
            byte[] leaf = oneLeafByteChanged(entry(bundle, 3));
            entry(bundle, 3).put("leaf_hash", Base64.getEncoder().encodeToString(MerkleTree.hashLeaf(leaf)));
            assertFails(run(bundle), "FAIL index 3: ", "inclusion proof");
        }

        @Test
        void oneLeafByteChangedWithItsHashRecomputedFailsTheExportsRoot() throws Exception {
            Map<String, Object> export = fixture.export();
            byte[] leaf = oneLeafByteChanged(entry(export, 3));
            entry(export, 3).put("leaf_hash", Base64.getEncoder().encodeToString(MerkleTree.hashLeaf(leaf)));
            // One signed root cannot tell which of the (individually consistent) leaves changed.
            assertFails(run(export), "FAIL checkpoint (size 7): ", "root differs");
        }

        @Test
        void oneStoredLeafHashChangedIsNamed() throws Exception {
            Map<String, Object> export = fixture.export();
            entry(export, 5).put("leaf_hash", flipBase64Char((String) entry(export, 5).get("leaf_hash"), 0));
            assertFails(run(export), "FAIL index 5: ", "leaf_hash");

            Map<String, Object> bundle = fixture.bundle(2, 5);
            entry(bundle, 5).put("leaf_hash", flipBase64Char((String) entry(bundle, 5).get("leaf_hash"), 0));
            assertFails(run(bundle), "FAIL index 5: ", "leaf_hash");
        }

        @Test
        @SuppressWarnings("unchecked")
        void oneProofHashChangedIsNamed() throws Exception {
            Map<String, Object> bundle = fixture.bundle(1, 3, 6);
            List<Object> proof = (List<Object>) entry(bundle, 3).get("proof");
            proof.set(1, flipBase64Char((String) proof.get(1), 5));
            assertFails(run(bundle), "FAIL index 3: ", "inclusion proof");
        }

        @Test
        @SuppressWarnings("unchecked")
        void aProofOfTheWrongLengthIsNamed() throws Exception {
            Map<String, Object> bundle = fixture.bundle(1, 3, 6);
            ((List<Object>) entry(bundle, 6).get("proof")).remove(0);
            assertFails(run(bundle), "FAIL index 6: ", "inclusion proof");
        }

        @Test
        void aNonCanonicalLeafWithAConsistentHashIsNamed() throws Exception {
            AuditFixture f = new AuditFixture();
            f.addUnsigned("organization.created");
            Map<String, Object> fields = f.baseFields("organization.updated");
            String canonical = new String(CanonicalJson.write(fields), StandardCharsets.UTF_8);
            f.addLeaf(canonical.replace(",", ", ").getBytes(StandardCharsets.UTF_8), null);
            assertFails(run(f.export()), "FAIL index 1: ", "canonical");
            assertFails(run(f.bundle(1)), "FAIL index 1: ", "canonical");
        }

        @Test
        void aLeafWithMembersOutOfOrderIsNamed() throws Exception {
            AuditFixture f = new AuditFixture();
            f.addUnsigned("organization.created");
            String reordered = "{\"timestamp\":\"" + timestamp(1) + "\",\"index\":1,\"action\":\"x\",\"channel\":\"API\"}";
            f.addLeaf(reordered.getBytes(StandardCharsets.UTF_8), null);
            assertFails(run(f.export()), "FAIL index 1: ", "canonical");
        }

        @Test
        void aLeafThatIsNotJsonIsNamed() throws Exception {
            AuditFixture f = new AuditFixture();
            f.addLeaf("not json".getBytes(StandardCharsets.UTF_8), null);
            assertFails(run(f.export()), "FAIL index 0: ", "not JSON");
        }

        @Test
        void aLeafStatingAnotherIndexIsNamed() throws Exception {
            AuditFixture f = AuditFixture.standard();
            Map<String, Object> fields = f.baseFields("organization.updated");
            fields.put("index", 8);
            f.addLeaf(CanonicalJson.write(fields), null);
            assertFails(run(f.export()), "FAIL index 7: ", "leaf states index 8");
            assertFails(run(f.bundle(2, 7)), "FAIL index 7: ", "leaf states index 8");
        }

        @Test
        void aGapInAnExportNamesTheMissingIndex() throws Exception {
            Map<String, Object> export = fixture.export();
            entries(export).remove(4);
            assertFails(run(export), "FAIL index 4: ", "missing");
        }

        @Test
        void aTruncatedExportNamesTheFirstMissingIndex() throws Exception {
            Map<String, Object> export = fixture.export();
            entries(export).remove(6);
            assertFails(run(export), "FAIL index 6: ", "missing");
        }

        @Test
        void aRepeatedEntryIsNamed() throws Exception {
            Map<String, Object> export = fixture.export();
            entries(export).add(3, new LinkedHashMap<>(entry(export, 2)));
            assertFails(run(export), "FAIL index 2: ", "repeated");

            Map<String, Object> bundle = fixture.bundle(2, 4);
            entries(bundle).add(new LinkedHashMap<>(entry(bundle, 2)));
            assertFails(run(bundle), "FAIL index 2: ", "strictly increasing");
        }

        @Test
        void anEntryBeyondTheTreeIsNamed() throws Exception {
            Map<String, Object> bundle = fixture.bundle(1, 3);
            entry(bundle, 3).put("index", 9);
            assertFails(run(bundle), "FAIL index 9: ", "outside the tree of size 7");
        }
    }

    @Nested
    class TamperedCheckpoint {

        private void assertCheckpointFails(UnaryOperator<String> change) throws Exception {
            Map<String, Object> export = fixture.export();
            export.put("checkpoint", change.apply((String) export.get("checkpoint")));
            assertFails(run(export, "--key", fixture.verifierKey), "FAIL checkpoint (size 7): ", "");
            Map<String, Object> bundle = fixture.bundle(3);
            bundle.put("checkpoint", change.apply((String) bundle.get("checkpoint")));
            assertFails(run(bundle), "FAIL checkpoint (size 7): ", "");
        }

        @Test
        void oneByteOfTheSignatureChangedFails() throws Exception {
            assertCheckpointFails(note -> {
                int sig = note.lastIndexOf(' ') + 20; // inside the Ed25519 signature, past the key hash
                return flipBase64Char(note, sig);
            });
        }

        @Test
        void oneByteOfTheRootLineChangedFails() throws Exception {
            assertCheckpointFails(note -> {
                String[] lines = note.split("\n", -1);
                lines[2] = flipBase64Char(lines[2], 3);
                return String.join("\n", lines);
            });
        }

        @Test
        void theSizeLineChangedFails() throws Exception {
            assertCheckpointFails(note -> note.replaceFirst("\n7\n", "\n8\n"));
        }

        @Test
        void aBundleStatingAnotherSizeThanItsCheckpointFails() throws Exception {
            Map<String, Object> export = fixture.export();
            export.put("size", 6);
            entries(export).remove(6);
            assertFails(run(export), "FAIL checkpoint (size 6): ", "states size 7");
        }

        @Test
        void aKeyOtherThanTheBundlesFails() throws Exception {
            String other = SignedNote.verifierKey(ORIGIN, SignedNote.rawKey(
                    KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic()));
            assertFails(run(fixture.bundle(3), "--key", other), "FAIL checkpoint (size 7): ", "--key");
        }

        @Test
        void aBundleWhoseKeyIsNotTheSignersFails() throws Exception {
            Map<String, Object> bundle = fixture.bundle(3);
            String other = SignedNote.verifierKey(ORIGIN, SignedNote.rawKey(
                    KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic()));
            bundle.put("verifier_key", other);
            assertFails(run(bundle, "--key", other), "FAIL checkpoint (size 7): ", "signature");
        }

        @Test
        void aKeyForAnotherOriginFails() throws Exception {
            Map<String, Object> bundle = fixture.bundle(3);
            String otherOrigin = SignedNote.verifierKey("elsewhere.example/audit-log",
                    SignedNote.rawKey(fixture.logKey.getPublic()));
            bundle.put("verifier_key", otherOrigin);
            assertFails(run(bundle), "FAIL checkpoint (size 7): ", "elsewhere.example/audit-log");
            assertFails(run(bundle, "--key", otherOrigin), "FAIL checkpoint (size 7): ", "not for the origin");
        }

        @Test
        void aCheckpointOfAnotherOriginFails() throws Exception {
            Map<String, Object> bundle = fixture.bundle(3);
            bundle.put("origin", "elsewhere.example/audit-log");
            assertFails(run(bundle), "FAIL checkpoint (size 7): ", "not for the origin");
        }

        @Test
        void aVerifierKeyWithAWrongHashFails() throws Exception {
            Map<String, Object> bundle = fixture.bundle(3);
            String vkey = fixture.verifierKey;
            int hash = vkey.indexOf('+') + 1;
            bundle.put("verifier_key", vkey.substring(0, hash) + (vkey.charAt(hash) == '0' ? '1' : '0') + vkey.substring(hash + 1));
            assertFails(run(bundle), "FAIL checkpoint (size 7): ", "verifier key");
        }
    }

    @Nested
    class TamperedEvidence {

        @Test
        void oneSignatureByteChangedAfterTheFactNoLongerMatchesTheLeaf() throws Exception {
            Map<String, Object> bundle = fixture.bundle(1, 3, 6);
            String jws = (String) entry(bundle, 3).get("evidence");
            entry(bundle, 3).put("evidence", flipBase64Char(jws, jws.length() - 10));
            assertFails(run(bundle), "FAIL index 3: ", "evidence does not match the leaf's evidence_sha256");
        }

        @Test
        void aLoggedSignatureThatDoesNotVerifyIsNamed() throws Exception {
            // The leaf commits to this JWS, but its signature is not by the registered key.
            AuditFixture f = AuditFixture.standard();
            ECKey impostor = new ECKeyGenerator(Curve.P_256).keyID(ORG_KID).generate();
            String jws = AuditFixture.request(JWSAlgorithm.ES256, AuditFixture.signer(impostor), ORG_KID, ORG, "jti-7",
                    Map.of("kid", "x"), timestamp(7));
            f.addLeaf(CanonicalJson.write(f.signedFields("key.added", ORG, "jti-7", jws, Map.of("kid", "x"))), jws);
            assertFails(run(f.export()), "FAIL index 7: ", "evidence signature does not verify");
            assertFails(run(f.bundle(1, 7)), "FAIL index 7: ", "evidence signature does not verify");
        }

        @Test
        void evidenceSwappedBetweenTwoEntriesIsNamedAtTheFirst() throws Exception {
            Map<String, Object> export = fixture.export();
            Object first = entry(export, 1).get("evidence");
            entry(export, 1).put("evidence", entry(export, 3).get("evidence"));
            entry(export, 3).put("evidence", first);
            assertFails(run(export), "FAIL index 1: ", "evidence_sha256");
        }

        @Test
        void evidenceSignedWithAKeyRetiredBeforeTheEntryIsNamed() throws Exception {
            fixture.registerOrgKey("RETIRED", timestamp(2), null); // after entry 1, before entry 3
            assertFails(run(fixture.export()), "FAIL index 3: ", "was retired at " + timestamp(2));
            assertFails(run(fixture.bundle(1, 4)), "FAIL index 4: ", "was retired");
        }

        @Test
        void evidenceSignedWithAKeyRevokedBeforeTheEntryIsNamed() throws Exception {
            fixture.registerOrgKey("REVOKED", null, timestamp(5));
            assertFails(run(fixture.export()), "FAIL index 6: ", "was revoked at " + timestamp(5));
        }

        @Test
        void aKeyRevokedExactlyAtTheEntrysTimeIsNoLongerValid() throws Exception {
            fixture.registerOrgKey("REVOKED", null, timestamp(1));
            assertFails(run(fixture.bundle(1)), "FAIL index 1: ", "was revoked");
        }

        @Test
        void evidenceSignedBeforeItsKeyWasRegisteredIsNamed() throws Exception {
            Map<String, Object> record = AuditFixture.keyRecord(fixture.orgKey, "sig", "ACTIVE", timestamp(2), null, null);
            fixture.keys.put(ORG, new ArrayList<>(List.of(record)));
            assertFails(run(fixture.export()), "FAIL index 1: ", "was created at");
        }

        @Test
        void anExportWhoseKeyRecordIsNotTheKeyTheLogRegisteredIsNamed() throws Exception {
            // The keys section is the hub's statement: a record swapped for another key with the same kid,
            // even one that signs correctly, is refused because the log's key.added recorded another thumbprint.
            ECKey forged = new ECKeyGenerator(Curve.P_256).keyID(ORG_KID).keyUse(KeyUse.SIGNATURE).generate();
            AuditFixture f = new AuditFixture();
            f.addKeyAdded(); // the log registers the real key
            String jws = AuditFixture.request(JWSAlgorithm.ES256, AuditFixture.signer(forged), ORG_KID, ORG, "jti-1",
                    null, timestamp(1));
            f.addLeaf(CanonicalJson.write(f.signedFields("thing.fetched", ORG, "jti-1", jws, null)), jws);
            Map<String, Object> record = AuditFixture.keyRecord(forged, "sig", "ACTIVE", timestamp(0).minusSeconds(60),
                    null, null);
            f.keys.put(ORG, new ArrayList<>(List.of(record)));
            assertFails(run(f.export()), "FAIL index 1: ", "thumbprint differs");
        }

        @Test
        void anExportWhoseLogRetiredTheKeyBeforeTheEntryIsNamedWhateverTheRecordSays() throws Exception {
            AuditFixture f = AuditFixture.standard();
            Map<String, Object> retired = f.baseFields("key.retired");
            retired.put("actor_org", AuditFixture.OPERATOR);
            retired.put("target_type", "organization");
            retired.put("target_id", ORG);
            retired.put("details", Map.of("kid", ORG_KID));
            f.addLeaf(CanonicalJson.write(retired), null);
            f.addSigned("thing.fetched", null); // the record still says ACTIVE
            assertFails(run(f.export()), "FAIL index 8: ", "retired or revoked by entry 7");
        }

        @Test
        void evidenceWhoseKeyIsRetiredLaterStillVerifies() throws Exception {
            fixture.registerOrgKey("RETIRED", timestamp(7), null);
            assertEquals(0, run(fixture.export()).code());
        }

        @Test
        @SuppressWarnings("unchecked")
        void aKeyMissingFromKeysIsNamed() throws Exception {
            Map<String, Object> export = fixture.export();
            ((Map<String, Object>) export.get("keys")).remove(ORG);
            assertFails(run(export), "FAIL index 1: ", "evidence key platform-alpha/alpha-sig-1 is not among the bundle's keys");
        }

        @Test
        void anEncryptionKeyDoesNotVerifyEvidence() throws Exception {
            Map<String, Object> record = AuditFixture.keyRecord(fixture.orgKey, "enc", "ACTIVE",
                    timestamp(0).minusSeconds(60), null, null);
            fixture.keys.put(ORG, new ArrayList<>(List.of(record)));
            assertFails(run(fixture.bundle(3)), "FAIL index 3: ", "not a signing key");
        }

        @Test
        void anAlgorithmOutsideHxpIsNamed() throws Exception {
            AuditFixture f = new AuditFixture();
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            String jws = AuditFixture.request(JWSAlgorithm.HS256, new MACSigner(secret), ORG_KID, ORG, "jti-0", null, timestamp(0));
            f.addLeaf(CanonicalJson.write(f.signedFields("thing.fetched", ORG, "jti-0", jws, null)), jws);
            assertFails(run(f.export()), "FAIL index 0: ", "alg HS256");
        }

        @Test
        void anIssuerOtherThanTheActorIsNamed() throws Exception {
            AuditFixture f = new AuditFixture();
            String jws = AuditFixture.request(JWSAlgorithm.ES256, AuditFixture.signer(f.orgKey), ORG_KID, "platform-beta",
                    "jti-0", null, timestamp(0));
            f.addLeaf(CanonicalJson.write(f.signedFields("thing.fetched", ORG, "jti-0", jws, null)), jws);
            assertFails(run(f.export()), "FAIL index 0: ", "iss platform-beta");
        }

        @Test
        void aJtiOtherThanTheLeafsIsNamed() throws Exception {
            AuditFixture f = new AuditFixture();
            String jws = AuditFixture.request(JWSAlgorithm.ES256, AuditFixture.signer(f.orgKey), ORG_KID, ORG,
                    "jti-other", null, timestamp(0));
            f.addLeaf(CanonicalJson.write(f.signedFields("thing.fetched", ORG, "jti-0", jws, null)), jws);
            assertFails(run(f.export()), "FAIL index 0: ", "jti");
        }

        @Test
        void aBodyOtherThanTheLeafsIsNamed() throws Exception {
            AuditFixture f = new AuditFixture();
            String jws = AuditFixture.request(JWSAlgorithm.ES256, AuditFixture.signer(f.orgKey), ORG_KID, ORG,
                    "jti-0", Map.of("title", "what was signed"), timestamp(0));
            Map<String, Object> fields = f.signedFields("report.submitted", ORG, "jti-0", jws, Map.of("title", "what was logged"));
            f.addLeaf(CanonicalJson.write(fields), jws);
            assertFails(run(f.export()), "FAIL index 0: ", "body_sha256");
        }

        @Test
        void evidenceForALeafThatRecordsNoneIsNamed() throws Exception {
            AuditFixture f = new AuditFixture();
            String jws = AuditFixture.request(JWSAlgorithm.ES256, AuditFixture.signer(f.orgKey), ORG_KID, ORG,
                    "jti-0", null, timestamp(0));
            Map<String, Object> fields = f.signedFields("thing.fetched", ORG, "jti-0", jws, null);
            fields.remove("evidence_sha256");
            f.addLeaf(CanonicalJson.write(fields), jws);
            assertFails(run(f.export()), "FAIL index 0: ", "records no evidence_sha256");
        }
    }

    @Nested
    class MalformedInputAndUsage {

        private Outcome runText(String text) throws Exception {
            Path file = dir.resolve("bundle.json");
            Files.writeString(file, text);
            return runArgs(List.of("--unpinned", file.toString()));
        }

        @Test
        void textThatIsNotJsonExitsTwo() throws Exception {
            assertMalformed(runText("{\"format\": "), "not JSON");
        }

        @Test
        void duplicateMembersExitTwo() throws Exception {
            assertMalformed(runText("{\"format\":\"hxp-audit-bundle/1\",\"format\":\"hxp-audit-bundle/1\"}"), "duplicate");
        }

        @Test
        void anotherFormatExitsTwo() throws Exception {
            Map<String, Object> doc = fixture.export();
            doc.put("format", "hxp-audit-bundle/2");
            assertMalformed(run(doc), "format");
        }

        @Test
        void anUnknownKindExitsTwo() throws Exception {
            Map<String, Object> doc = fixture.export();
            doc.put("kind", "snapshot");
            assertMalformed(run(doc), "kind");
        }

        @Test
        void aSizeThatIsNotAnIntegerExitsTwo() throws Exception {
            Map<String, Object> doc = fixture.export();
            doc.put("size", "7");
            assertMalformed(run(doc), "size");
            doc.put("size", 6.5);
            assertMalformed(run(doc), "size");
        }

        @Test
        void aLeafThatIsNotBase64ExitsTwo() throws Exception {
            Map<String, Object> doc = fixture.export();
            entry(doc, 2).put("leaf", "not base64!");
            assertMalformed(run(doc), "entries[2].leaf");
        }

        @Test
        void aBundleEntryWithoutProofExitsTwo() throws Exception {
            Map<String, Object> doc = fixture.bundle(2);
            entry(doc, 2).remove("proof");
            assertMalformed(run(doc), "entries[0].proof is missing");
        }

        @Test
        void anExportWithProofsExitsTwo() throws Exception {
            Map<String, Object> doc = fixture.export();
            entry(doc, 2).put("proof", List.of());
            assertMalformed(run(doc), "proof");
        }

        @Test
        void aBundleWithoutTargetExitsTwo() throws Exception {
            Map<String, Object> doc = fixture.bundle(2);
            doc.remove("target");
            assertMalformed(run(doc), "target is missing");
        }

        @Test
        @SuppressWarnings("unchecked")
        void aKeyRecordWithPrivateKeyMaterialExitsTwo() throws Exception {
            Map<String, Object> doc = fixture.export();
            Map<String, Object> record = (Map<String, Object>) ((List<Object>) ((Map<String, Object>) doc.get("keys")).get(ORG)).get(0);
            record.put("jwk", fixture.orgKey.toJSONObject());
            assertMalformed(run(doc), "private");
        }

        @Test
        void aKeyRecordWhoseStatusDisagreesWithItsInstantsExitsTwo() throws Exception {
            fixture.registerOrgKey("REVOKED", timestamp(2), null);
            assertMalformed(run(fixture.export()), "status REVOKED");
        }

        @Test
        void aFileThatIsNotUtf8ExitsTwo() throws Exception {
            Path file = dir.resolve("latin1.json");
            Files.write(file, new byte[] {'{', '"', (byte) 0xe9, '"', '}'});
            assertMalformed(runArgs(List.of("--unpinned", file.toString())), "not UTF-8");
        }

        @Test
        void aFileOverTheLimitIsRefusedUnread() throws Exception {
            Path file = dir.resolve("huge.json");
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                raf.setLength(AuditVerifier.MAX_FILE_BYTES + 1); // sparse: costs no disk
            }
            assertMalformed(runArgs(List.of("--unpinned", file.toString())), "512 MiB");
        }

        @Test
        void aMissingFileExitsTwo() {
            assertMalformed(runArgs(List.of("--unpinned", dir.resolve("absent.json").toString())), "cannot read");
        }

        @Test
        void noArgumentsExitTwo() {
            assertMalformed(runArgs(List.of()), "no bundle file");
        }

        @Test
        void anUnknownOptionExitsTwo() {
            assertMalformed(runArgs(List.of("--verbose", "x.json")), "unknown option");
        }

        @Test
        void aMalformedKeyOptionExitsTwo() throws Exception {
            assertMalformed(run(fixture.export(), "--key", "not-a-key"), "--key");
            assertMalformed(runArgs(List.of("x.json", "--key")), "--key needs a value");
        }
    }

    @Nested
    class FetchUsage {

        @Test
        void fetchWithoutItsOptionsIsAUsageError() {
            Outcome outcome = runArgs(List.of("fetch"));
            assertEquals(AuditVerifier.EXIT_USAGE, outcome.code());
            assertTrue(outcome.err().contains("usage: java -jar hub-audit-verifier.jar fetch"), outcome.err());
        }

        @Test
        void fetchNeedsExactlyOneOfExportAndBundle() {
            List<String> base = List.of("fetch", "--hub", "http://127.0.0.1:9", "--org", "auditor", "--jwks", "x.json",
                    "--out", "y.json");
            List<String> both = new ArrayList<>(base);
            both.addAll(List.of("--export", "--bundle", "organization", "x"));
            assertEquals(AuditVerifier.EXIT_USAGE, runArgs(base).code());
            assertEquals(AuditVerifier.EXIT_USAGE, runArgs(both).code());
        }

        @Test
        void fetchRefusesAMalformedSizeAndAnOptionWithoutItsValue() {
            assertEquals(AuditVerifier.EXIT_USAGE, runArgs(List.of("fetch", "--hub", "http://127.0.0.1:9", "--org", "a",
                    "--jwks", "x", "--out", "y", "--export", "--size", "-1")).code());
            assertEquals(AuditVerifier.EXIT_USAGE, runArgs(List.of("fetch", "--hub")).code());
        }

        @Test
        void fetchHelpPrintsItsUsage() {
            Outcome outcome = runArgs(List.of("fetch", "--help"));
            assertEquals(AuditVerifier.EXIT_OK, outcome.code());
            assertTrue(outcome.out().contains("--bundle <type> <id>"), outcome.out());
        }
    }

    @Nested
    class Pinning {

        @Test
        void withoutKeyOrUnpinnedTheRunIsRefusedRatherThanTrustingTheBundlesOwnKey() throws Exception {
            Path file = dir.resolve("pinned.json");
            Files.writeString(file, json(fixture.export()));
            Outcome outcome = runArgs(List.of(file.toString()));
            assertEquals(AuditVerifier.EXIT_USAGE, outcome.code());
            assertTrue(outcome.err().contains("--key"), outcome.err());
            assertEquals(AuditVerifier.EXIT_USAGE, runArgs(List.of("--unpinned", "--key", fixture.verifierKey,
                    file.toString())).code());
        }
    }
}
