package org.electionpool.hub.protocol.log;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.electionpool.hub.protocol.jca.CryptoProviders;

/**
 * C2SP signed notes (c2sp.org/signed-note) with Ed25519 signatures: a UTF-8 text ending in a
 * newline, a blank line, and signature lines {@code — <name> <base64(key hash ‖ signature)>}.
 * The key hash is the first four bytes of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key); the signature
 * is Ed25519 over the text bytes, signed and verified as {@link CryptoProviders#configured()} says
 * (ADR 0010: Bouncy Castle's RFC 8032 code). Stateless and thread-safe.
 */
public final class SignedNote {

    private static final String SIGNATURE_PREFIX = "\u2014 ";
    private static final byte ED25519 = 0x01;
    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private SignedNote() {
    }

    /** A parsed verifier key ({@code <name>+<hash>+<base64(0x01 ‖ key)>}). */
    public record VerifierKey(String name, byte[] keyHash, PublicKey publicKey) {

        /**
         * @param vkey the verifier key string
         * @return the parsed key
         * @throws IllegalArgumentException if it is malformed, not Ed25519, or its hash does not match
         */
        public static VerifierKey parse(String vkey) {
            String[] parts = vkey.split("\\+", 3); // the base64 part may itself contain '+'
            if (parts.length != 3 || parts[0].isEmpty() || !parts[1].matches("[0-9a-f]{8}")) {
                throw new IllegalArgumentException("malformed verifier key");
            }
            byte[] data = Base64.getDecoder().decode(parts[2]);
            if (data.length != 33 || data[0] != ED25519) {
                throw new IllegalArgumentException("verifier key is not an Ed25519 key");
            }
            byte[] raw = Arrays.copyOfRange(data, 1, 33);
            byte[] hash = SignedNote.keyHash(parts[0], raw);
            if (!HexFormat.of().formatHex(hash).equals(parts[1])) {
                throw new IllegalArgumentException("verifier key hash does not match its name and key");
            }
            return new VerifierKey(parts[0], hash, ed25519PublicKey(raw));
        }
    }

    /**
     * @param name   the key name (for a log: its origin); no whitespace, no '+'
     * @param rawKey the 32-byte Ed25519 public key
     * @return the verifier key string {@code <name>+<hash>+<base64(0x01 ‖ key)>}
     */
    public static String verifierKey(String name, byte[] rawKey) {
        if (name == null || name.isEmpty() || name.chars().anyMatch(c -> c <= ' ' || c == '+' || c == 0x7f)) {
            throw new IllegalArgumentException("a note key name must be non-empty, without spaces or '+'");
        }
        if (rawKey.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes");
        }
        byte[] data = new byte[33];
        data[0] = ED25519;
        System.arraycopy(rawKey, 0, data, 1, 32);
        return name + "+" + HexFormat.of().formatHex(keyHash(name, rawKey)) + "+" + Base64.getEncoder().encodeToString(data);
    }

    /** @return the first four bytes of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ rawKey) */
    static byte[] keyHash(String name, byte[] rawKey) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(name.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) '\n');
            sha256.update(ED25519);
            sha256.update(rawKey);
            return Arrays.copyOf(sha256.digest(), 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the JDK public key for a 32-byte Ed25519 key (RFC 8032) */
    public static PublicKey ed25519PublicKey(byte[] rawKey) {
        try {
            byte[] spki = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + 32);
            System.arraycopy(rawKey, 0, spki, ED25519_SPKI_PREFIX.length, 32);
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    /** @return the 32 raw bytes of a JDK Ed25519 public key */
    public static byte[] rawKey(PublicKey publicKey) {
        byte[] encoded = publicKey.getEncoded();
        if (encoded.length != 44) {
            throw new IllegalArgumentException("not an Ed25519 public key");
        }
        return Arrays.copyOfRange(encoded, 12, 44);
    }

    /**
     * Signs a text.
     *
     * @param text       the note text; must end with a newline and contain no blank-line-then-signature ambiguity
     * @param name       the key name (for a log: its origin)
     * @param privateKey the Ed25519 private key
     * @param publicKey  its public key (for the key hash)
     * @return the signed note
     */
    public static String sign(String text, String name, PrivateKey privateKey, PublicKey publicKey) {
        if (text.isEmpty() || !text.endsWith("\n")) {
            throw new IllegalArgumentException("a note text must end with a newline");
        }
        byte[] signature = CryptoProviders.configured().signEd25519(privateKey, text.getBytes(StandardCharsets.UTF_8));
        byte[] blob = Arrays.copyOf(keyHash(name, rawKey(publicKey)), 4 + signature.length);
        System.arraycopy(signature, 0, blob, 4, signature.length);
        return text + "\n" + SIGNATURE_PREFIX + name + " " + Base64.getEncoder().encodeToString(blob) + "\n";
    }

    /**
     * Opens a signed note: finds the signature line of {@code key} and verifies it.
     *
     * @return the note text
     * @throws IllegalArgumentException if the note is malformed or carries no valid signature by the key
     */
    public static String open(String note, VerifierKey key) {
        int split = note.lastIndexOf("\n\n");
        if (split < 0 || !note.endsWith("\n")) {
            throw new IllegalArgumentException("malformed note: no blank line before the signatures");
        }
        String text = note.substring(0, split + 1);
        String[] lines = note.substring(split + 2, note.length() - 1).split("\n", -1);
        for (String line : lines) {
            if (!line.startsWith(SIGNATURE_PREFIX)) {
                throw new IllegalArgumentException("malformed signature line");
            }
            String[] fields = line.substring(SIGNATURE_PREFIX.length()).split(" ", -1);
            if (fields.length != 2 || !fields[0].equals(key.name())) {
                continue;
            }
            byte[] blob = Base64.getDecoder().decode(fields[1]);
            if (blob.length != 4 + 64 || !MessageDigest.isEqual(Arrays.copyOf(blob, 4), key.keyHash())) {
                continue;
            }
            if (CryptoProviders.configured().verifyEd25519(rawKey(key.publicKey()), key.publicKey(),
                    text.getBytes(StandardCharsets.UTF_8), Arrays.copyOfRange(blob, 4, blob.length))) {
                return text;
            }
            throw new IllegalArgumentException("the signature by " + key.name() + " does not verify");
        }
        throw new IllegalArgumentException("no signature by " + key.name() + " on the note");
    }
}
