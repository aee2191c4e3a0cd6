package org.electionpool.hub.protocol.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * C2SP signed notes and checkpoints. Known answer: the example note of golang.org/x/mod/sumdb/note
 * (its documentation and tests), whose test signer key is published there; Ed25519 signatures are
 * deterministic, so signing its text with that key must reproduce its signature exactly.
 */
class SignedNoteVectorsTest {

    private static final String VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    /** The published test signer key of sumdb/note ("PRIVATE+KEY+PeterNeumann+c74f20a3+<base64>"). */
    private static final String SKEY_DATA = "AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    private static final String TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    private static final String NOTE = TEXT + "\n\u2014 PeterNeumann "
            + "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    private static PrivateKey publishedTestSigner() throws Exception {
        byte[] seed = Arrays.copyOfRange(Base64.getDecoder().decode(SKEY_DATA), 1, 33);
        byte[] pkcs8 = HexFormat.of().parseHex("302e020100300506032b657004220420");
        byte[] encoded = Arrays.copyOf(pkcs8, pkcs8.length + 32);
        System.arraycopy(seed, 0, encoded, pkcs8.length, 32);
        return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(encoded));
    }

    @Test
    void opensTheSumdbNoteExample() {
        assertEquals(TEXT, SignedNote.open(NOTE, SignedNote.VerifierKey.parse(VKEY)));
    }

    @Test
    void signingReproducesTheSumdbNoteExampleExactly() throws Exception {
        SignedNote.VerifierKey key = SignedNote.VerifierKey.parse(VKEY);
        assertEquals(NOTE, SignedNote.sign(TEXT, "PeterNeumann", publishedTestSigner(), key.publicKey()));
    }

    @Test
    void alteredTextOrSignatureDoesNotOpen() {
        SignedNote.VerifierKey key = SignedNote.VerifierKey.parse(VKEY);
        assertThrows(IllegalArgumentException.class, () -> SignedNote.open(NOTE.replace("problem,", "problem;"), key));
        assertThrows(IllegalArgumentException.class, () -> SignedNote.open(NOTE.replace("x08go", "x08gp"), key));
        assertThrows(IllegalArgumentException.class, () -> SignedNote.open(TEXT, key), "no signature block");
        String otherName = NOTE.replace("\u2014 PeterNeumann", "\u2014 EnochRoot");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SignedNote.open(otherName, key));
        assertTrue(e.getMessage().contains("no signature by PeterNeumann"), e.getMessage());
    }

    @Test
    void verifierKeyWithAWrongHashIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> SignedNote.VerifierKey.parse(VKEY.replace("c74f20a3", "c74f20a4")));
        assertThrows(IllegalArgumentException.class, () -> SignedNote.VerifierKey.parse("PeterNeumann+c74f20a3"));
    }

    @Test
    void checkpointRoundTripsThroughASignedNote() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] root = MerkleTree.hashLeaf(new byte[] {1});
        Checkpoint checkpoint = new Checkpoint("localhost:8080/audit-log", 42, root, List.of());
        assertEquals("localhost:8080/audit-log\n42\n" + Base64.getEncoder().encodeToString(root) + "\n", checkpoint.body());
        String note = SignedNote.sign(checkpoint.body(), checkpoint.origin(), pair.getPrivate(), pair.getPublic());
        String vkey = checkpoint.origin() + "+" + HexFormat.of().formatHex(
                SignedNote.keyHash(checkpoint.origin(), SignedNote.rawKey(pair.getPublic()))) + "+"
                + Base64.getEncoder().encodeToString(prepend((byte) 1, SignedNote.rawKey(pair.getPublic())));
        Checkpoint opened = Checkpoint.parse(SignedNote.open(note, SignedNote.VerifierKey.parse(vkey)));
        assertEquals(42, opened.size());
        assertArrayEquals(root, opened.rootHash());
        assertEquals("localhost:8080/audit-log", opened.origin());
    }

    @Test
    void malformedCheckpointsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Checkpoint.parse("origin\n42\n"));
        assertThrows(IllegalArgumentException.class, () -> Checkpoint.parse("origin\n-1\nAAAA\n"));
        assertThrows(IllegalArgumentException.class, () -> Checkpoint.parse("origin\n042\n" + "A".repeat(44) + "\n"));
        assertThrows(IllegalArgumentException.class, () -> Checkpoint.parse("origin\n1\nAAAA\n"), "root too short");
        assertThrows(IllegalArgumentException.class, () -> Checkpoint.parse("origin\n1\n" + "A".repeat(43) + "=")
                , "no final newline");
    }

    private static byte[] prepend(byte b, byte[] rest) {
        byte[] out = new byte[rest.length + 1];
        out[0] = b;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }
}
