package org.electionpool.hub.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM (NIST SP 800-38D) for attachments at rest: a fresh random 96-bit nonce per
 * encryption, a 128-bit tag, and associated data that binds the ciphertext to where it belongs.
 * Output: {@code nonce ‖ ciphertext ‖ tag}. Stateless and thread-safe.
 */
public final class AttachmentCipher {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private AttachmentCipher() {
    }

    /**
     * @param key       an AES-256 key
     * @param aad       associated data (authenticated, not encrypted)
     * @param plaintext the content
     * @return {@code nonce ‖ ciphertext ‖ tag}
     */
    public static byte[] seal(SecretKey key, byte[] aad, byte[] plaintext) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            gcm.updateAAD(aad);
            byte[] sealed = gcm.doFinal(plaintext);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable or the key is unusable", e);
        }
    }

    /**
     * @return the content
     * @throws GeneralSecurityException if the tag does not verify: wrong key, wrong associated
     *         data, or a changed ciphertext
     */
    public static byte[] open(SecretKey key, byte[] aad, byte[] sealed) throws GeneralSecurityException {
        if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new GeneralSecurityException("sealed attachment is too short");
        }
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
        gcm.updateAAD(aad);
        return gcm.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
    }
}
