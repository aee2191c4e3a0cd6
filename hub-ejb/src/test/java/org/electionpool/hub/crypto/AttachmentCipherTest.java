package org.electionpool.hub.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

/** Round trip and attack regressions for attachments at rest (AES-256-GCM, keys generated per run). */
class AttachmentCipherTest {

    private static SecretKey key() throws Exception {
        KeyGenerator aes = KeyGenerator.getInstance("AES");
        aes.init(256);
        return aes.generateKey();
    }

    private static final byte[] AAD = "case-1/abc".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONTENT = "screenshot of the forged notice".getBytes(StandardCharsets.UTF_8);

    @Test
    void sealedContentOpensWithTheSameKeyAndAssociatedData() throws Exception {
        SecretKey key = key();
        byte[] sealed = AttachmentCipher.seal(key, AAD, CONTENT);
        assertArrayEquals(CONTENT, AttachmentCipher.open(key, AAD, sealed));
        assertFalse(Arrays.equals(sealed, AttachmentCipher.seal(key, AAD, CONTENT)), "a fresh nonce every time");
    }

    @Test
    void oneChangedByteAnotherCaseOrAnotherKeyIsRefused() throws Exception {
        SecretKey key = key();
        byte[] sealed = AttachmentCipher.seal(key, AAD, CONTENT);
        for (int at : new int[] {0, 12, sealed.length - 1}) {
            byte[] tampered = sealed.clone();
            tampered[at] ^= 1;
            assertThrows(GeneralSecurityException.class, () -> AttachmentCipher.open(key, AAD, tampered), "byte " + at);
        }
        assertThrows(GeneralSecurityException.class,
                () -> AttachmentCipher.open(key, "case-2/abc".getBytes(StandardCharsets.US_ASCII), sealed));
        assertThrows(GeneralSecurityException.class, () -> AttachmentCipher.open(key(), AAD, sealed));
        assertThrows(GeneralSecurityException.class, () -> AttachmentCipher.open(key, AAD, new byte[20]));
    }
}
