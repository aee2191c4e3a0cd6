package org.electionpool.hub.crypto;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238) over HOTP (RFC 4226) on the JDK's {@link Mac}: 30-second
 * steps from the Unix epoch, 6 digits, HMAC-SHA1 by default (what every authenticator app reads
 * from an {@code otpauth://} URI), SHA-256 and SHA-512 available.
 *
 * <p>Verification accepts the current step and one either side (clock drift) and returns the step
 * it matched; the caller stores it and passes it back as {@code lastUsedStep}, and a code of that
 * step or an earlier one is refused — a code is good once (RFC 6238 §5.2).
 */
public final class Totp {

    /** Seconds per step (RFC 6238 §4: X = 30). */
    public static final long STEP_SECONDS = 30;

    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Totp() {
    }

    /** The HMAC of a TOTP. */
    public enum Algorithm {
        /** HMAC-SHA1, the authenticator apps' default. */
        SHA1("HmacSHA1"),
        /** HMAC-SHA256. */
        SHA256("HmacSHA256"),
        /** HMAC-SHA512. */
        SHA512("HmacSHA512");

        final String jca;

        Algorithm(String jca) {
            this.jca = jca;
        }
    }

    /** @return the step of an instant: floor(seconds since the epoch / 30) */
    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /**
     * @param secret    the shared secret
     * @param step      the time step
     * @param digits    6–8
     * @param algorithm the HMAC
     * @return the code, zero-padded to {@code digits}
     */
    public static String code(byte[] secret, long step, int digits, Algorithm algorithm) {
        if (digits < 6 || digits > 8) {
            throw new IllegalArgumentException("digits must be 6-8");
        }
        try {
            Mac mac = Mac.getInstance(algorithm.jca);
            mac.init(new SecretKeySpec(secret, "RAW"));
            byte[] h = mac.doFinal(new byte[] {(byte) (step >>> 56), (byte) (step >>> 48), (byte) (step >>> 40),
                    (byte) (step >>> 32), (byte) (step >>> 24), (byte) (step >>> 16), (byte) (step >>> 8), (byte) step});
            int offset = h[h.length - 1] & 0x0f;
            int binary = ((h[offset] & 0x7f) << 24) | ((h[offset + 1] & 0xff) << 16) | ((h[offset + 2] & 0xff) << 8)
                    | (h[offset + 3] & 0xff);
            String s = Integer.toString(binary % POWERS[digits]);
            return "0".repeat(digits - s.length()) + s;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has " + algorithm.jca, e);
        }
    }

    /**
     * Checks a 6-digit HMAC-SHA1 code.
     *
     * @param secret       the shared secret
     * @param code         what the person typed
     * @param now          the time
     * @param lastUsedStep the step of the last code accepted for this person, or {@code Long.MIN_VALUE}
     * @return the step the code matched, if it matched a step after {@code lastUsedStep} within ±1 of now
     */
    public static OptionalLong verify(byte[] secret, String code, Instant now, long lastUsedStep) {
        if (code == null || !code.matches("[0-9]{6}")) {
            return OptionalLong.empty();
        }
        long current = step(now);
        OptionalLong matched = OptionalLong.empty();
        for (long s = current - 1; s <= current + 1; s++) {
            // every candidate is computed and compared in constant time: no early exit on a match
            boolean equal = MessageDigest.isEqual(code(secret, s, 6, Algorithm.SHA1).getBytes(), code.getBytes());
            if (equal && s > lastUsedStep && matched.isEmpty()) {
                matched = OptionalLong.of(s);
            }
        }
        return matched;
    }

    /** @return a new 20-byte secret (RFC 4226 §4 recommends 160 bits) */
    public static byte[] newSecret() {
        byte[] secret = new byte[20];
        RANDOM.nextBytes(secret);
        return secret;
    }

    /** @return the RFC 4648 base32 form (no padding), as authenticator apps take a secret */
    public static String base32(byte[] data) {
        StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32.charAt((buffer >>> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    /** @return the bytes of an RFC 4648 base32 text (padding, spaces and case ignored) @throws IllegalArgumentException for another character */
    public static byte[] fromBase32(String text) {
        String t = text.replace("=", "").replace(" ", "").toUpperCase(Locale.ROOT);
        byte[] out = new byte[t.length() * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int n = 0;
        for (char c : t.toCharArray()) {
            int v = BASE32.indexOf(c);
            if (v < 0) {
                throw new IllegalArgumentException("not base32: " + c);
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out[n++] = (byte) (buffer >>> (bits - 8));
                bits -= 8;
            }
        }
        return out;
    }

    /**
     * @param issuer  the issuer shown in the app, e.g. {@code Election Pool Hub}
     * @param account the account, e.g. {@code liaison@ministry-of-justice-fi}
     * @return the {@code otpauth://totp/…} URI of the secret (the Key Uri Format authenticator apps read)
     */
    public static String uri(String issuer, String account, byte[] secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + base32(secret) + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=6&period=30";
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
