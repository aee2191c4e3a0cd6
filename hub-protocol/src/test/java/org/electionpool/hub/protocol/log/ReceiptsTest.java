package org.electionpool.hub.protocol.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.electionpool.hub.protocol.json.CanonicalJson;
import org.junit.jupiter.api.Test;

/**
 * Round trip and attack regressions for {@link Receipts}: a receipt built exactly as the hub builds
 * it verifies; each single change an attacker or a broken hub could make is refused, naming what
 * failed. Real Ed25519 and SHA-256, keys generated per run.
 */
class ReceiptsTest {

    private static final String ORIGIN = "hub.example/audit-log";
    private static final String JTI = "request-jti-0001";
    private static final String EVIDENCE = "eyJhbGciOiJFUzI1NiJ9.eyJqdGkiOiJyZXF1ZXN0LWp0aS0wMDAxIn0.c2lnbmF0dXJl";

    private final KeyPair logKey = newKey();
    private final SignedNote.VerifierKey verifierKey = SignedNote.VerifierKey.parse(
            SignedNote.verifierKey(ORIGIN, SignedNote.rawKey(logKey.getPublic())));

    private static KeyPair newKey() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Builds the receipt of the last of {@code size} entries, the way the hub's append does. */
    private Map<String, Object> receipt(int size, String jti, String evidence, KeyPair signer) {
        List<byte[]> hashes = new ArrayList<>();
        byte[] leaf = null;
        for (int i = 0; i < size; i++) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("index", i);
            entry.put("action", "organization.created");
            entry.put("jti", i == size - 1 ? jti : "other-" + i);
            entry.put("evidence_sha256", sha256(i == size - 1 ? evidence : "other-" + i));
            leaf = CanonicalJson.write(entry);
            hashes.add(MerkleTree.hashLeaf(leaf));
        }
        MerkleTree.InMemory tree = new MerkleTree.InMemory(hashes);
        Checkpoint checkpoint = new Checkpoint(ORIGIN, size, MerkleTree.root(tree, size), List.of());
        Map<String, Object> receipt = new LinkedHashMap<>();
        receipt.put("index", size - 1);
        receipt.put("leaf", Base64.getEncoder().encodeToString(leaf));
        receipt.put("leaf_hash", Base64.getEncoder().encodeToString(hashes.get(size - 1)));
        receipt.put("size", size);
        receipt.put("proof", MerkleTree.inclusionProof(tree, size - 1, size).stream()
                .map(h -> Base64.getEncoder().encodeToString(h)).toList());
        receipt.put("checkpoint", SignedNote.sign(checkpoint.body(), ORIGIN, signer.getPrivate(), signer.getPublic()));
        return receipt;
    }

    private static String json(Map<String, Object> receipt) {
        return new String(CanonicalJson.write(receipt), StandardCharsets.UTF_8);
    }

    private Map<String, Object> changed(UnaryOperator<Map<String, Object>> change) {
        return change.apply(new LinkedHashMap<>(receipt(13, JTI, EVIDENCE, logKey)));
    }

    private void assertRefused(Map<String, Object> receipt, String because) {
        ProofException e = assertThrows(ProofException.class,
                () -> Receipts.verify(json(receipt), verifierKey, JTI, EVIDENCE));
        assertTrue(e.getMessage().contains(because), e.getMessage());
    }

    @Test
    void receiptOfTheRequestVerifiesForEveryTreeSize() throws Exception {
        for (int size = 1; size <= 33; size++) {
            Receipts.Verified verified = Receipts.verify(json(receipt(size, JTI, EVIDENCE, logKey)), verifierKey, JTI,
                    EVIDENCE);
            assertEquals(size - 1, verified.index());
            assertEquals(size, verified.size());
            assertEquals(JTI, verified.entry().get("jti"));
        }
    }

    @Test
    void receiptForAnotherRequestIsRefused() {
        ProofException e = assertThrows(ProofException.class,
                () -> Receipts.verify(json(receipt(5, "someone-else", EVIDENCE, logKey)), verifierKey, JTI, EVIDENCE));
        assertTrue(e.getMessage().contains("jti"), e.getMessage());
    }

    @Test
    void receiptRecordingAnotherSignedMessageIsRefused() {
        ProofException e = assertThrows(ProofException.class,
                () -> Receipts.verify(json(receipt(5, JTI, EVIDENCE + "x", logKey)), verifierKey, JTI, EVIDENCE));
        assertTrue(e.getMessage().contains("evidence_sha256"), e.getMessage());
    }

    @Test
    void checkpointSignedByAnotherKeyIsRefused() {
        assertRefused(receipt(5, JTI, EVIDENCE, newKey()), "checkpoint does not verify");
    }

    @Test
    void changedProofHashIsRefused() {
        assertRefused(changed(r -> {
            List<String> proof = new ArrayList<>((List<String>) r.get("proof"));
            proof.set(1, Base64.getEncoder().encodeToString(new byte[32]));
            r.put("proof", proof);
            return r;
        }), "root mismatch");
    }

    @Test
    void shortenedProofIsRefused() {
        assertRefused(changed(r -> {
            List<String> proof = new ArrayList<>((List<String>) r.get("proof"));
            proof.remove(proof.size() - 1);
            r.put("proof", proof);
            return r;
        }), "proof");
    }

    @Test
    void leafHashNotOfTheLeafIsRefused() {
        assertRefused(changed(r -> {
            r.put("leaf_hash", Base64.getEncoder().encodeToString(new byte[32]));
            return r;
        }), "leaf_hash");
    }

    @Test
    void changedLeafIsRefused() {
        assertRefused(changed(r -> {
            String leaf = new String(Base64.getDecoder().decode((String) r.get("leaf")), StandardCharsets.UTF_8);
            r.put("leaf", Base64.getEncoder().encodeToString(leaf.replace("created", "deleted").getBytes(StandardCharsets.UTF_8)));
            return r;
        }), "leaf_hash");
    }

    @Test
    void sizeOtherThanTheCheckpointsIsRefused() {
        assertRefused(changed(r -> {
            r.put("size", 14);
            return r;
        }), "size");
    }

    @Test
    void indexOtherThanTheProofsIsRefused() {
        assertRefused(changed(r -> {
            r.put("index", 11);
            return r;
        }), "proof");
    }

    @Test
    void malformedReceiptsAreRefused() {
        for (String bad : List.of("[]", "{}", "{\"index\":-1}", "not json", "{\"index\":1.5,\"size\":2}")) {
            assertThrows(ProofException.class, () -> Receipts.verify(bad, verifierKey, JTI, EVIDENCE), bad);
        }
        assertRefused(changed(r -> {
            r.put("leaf", "%%%");
            return r;
        }), "malformed");
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
