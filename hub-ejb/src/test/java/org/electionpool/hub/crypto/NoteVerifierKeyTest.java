package org.electionpool.hub.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * C2SP signed-note verifier keys. Known answer: the verifier key of golang.org/x/mod/sumdb/note's
 * documentation and tests ("PeterNeumann"), computed here from its public key alone.
 */
class NoteVerifierKeyTest {

    private static final String PETER = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";

    @Test
    void reproducesTheSumdbNoteKnownAnswer() {
        byte[] keyData = Base64.getDecoder().decode(PETER.substring(PETER.lastIndexOf('+') + 1));
        assertEquals(0x01, keyData[0]);
        assertEquals(PETER, NoteVerifierKey.of("PeterNeumann", Arrays.copyOfRange(keyData, 1, 33)));
    }

    @Test
    void encodesAJdkEd25519Key() throws Exception {
        PublicKey key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
        String vkey = NoteVerifierKey.of("localhost:8080/audit-log", key);
        String[] parts = vkey.split("\\+", 3); // base64 key data may itself contain +
        assertEquals("localhost:8080/audit-log", parts[0]);
        assertTrue(parts[1].matches("[0-9a-f]{8}"), parts[1]);
        byte[] data = Base64.getDecoder().decode(parts[2]);
        assertEquals(33, data.length);
        assertEquals(vkey, NoteVerifierKey.of("localhost:8080/audit-log", Arrays.copyOfRange(data, 1, 33)));
    }

    @Test
    void keyDataContainingPlusSignsStaysIntact() {
        // transparency-dev/formats' note tests use a key whose base64 contains '+'.
        String plusKey = "TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6";
        String[] parts = plusKey.split("\\+", 3);
        byte[] data = Base64.getDecoder().decode(parts[2]);
        assertEquals(plusKey, NoteVerifierKey.of("TEST", Arrays.copyOfRange(data, 1, 33)));
    }

    @Test
    void refusesNamesThatBreakTheFormatAndOtherKeys() throws Exception {
        byte[] raw = new byte[32];
        assertThrows(IllegalArgumentException.class, () -> NoteVerifierKey.of("with space", raw));
        assertThrows(IllegalArgumentException.class, () -> NoteVerifierKey.of("a+b", raw));
        assertThrows(IllegalArgumentException.class, () -> NoteVerifierKey.of("", raw));
        assertThrows(IllegalArgumentException.class, () -> NoteVerifierKey.of("ok", new byte[31]));
        PublicKey ec = KeyPairGenerator.getInstance("EC").generateKeyPair().getPublic();
        assertThrows(IllegalArgumentException.class, () -> NoteVerifierKey.of("ok", ec));
    }
}
