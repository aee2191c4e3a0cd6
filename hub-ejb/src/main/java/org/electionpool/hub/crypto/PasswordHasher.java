package org.electionpool.hub.crypto;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes (RFC 9106) in the PHC string format
 * {@code $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>} (standard base64 without padding),
 * computed with Bouncy Castle's {@link Argon2BytesGenerator}.
 *
 * <p>Invariants: a fresh 16-byte salt from {@link SecureRandom} per hash; a 32-byte tag; the
 * password is its UTF-8 bytes, never truncated; verification recomputes with the parameters the
 * stored string names and compares in constant time, so a hash made under older parameters still
 * verifies and {@link #needsRehash} says when to replace it. {@link Parameters#DEFAULT} is the
 * hub's calibration (docs/performance.md, Password hashing): RFC 9106's second recommended option (64 MiB,
 * 3 passes) with one lane, ≥ 0.25 s per hash on the reference machine.
 */
public final class PasswordHasher {

    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=([0-9]{1,8}),t=([0-9]{1,3}),p=([0-9]{1,3})\\$([A-Za-z0-9+/]{16,88})\\$([A-Za-z0-9+/]{16,88})");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Parameters parameters;

    /**
     * Argon2id cost parameters.
     *
     * @param memoryKiB  memory in KiB (≥ 8 × lanes)
     * @param iterations passes over the memory (≥ 1)
     * @param lanes      parallelism (≥ 1)
     */
    public record Parameters(int memoryKiB, int iterations, int lanes) {

        /** The hub's calibration: 64 MiB, 3 passes, 1 lane. */
        public static final Parameters DEFAULT = new Parameters(65_536, 3, 1);

        /** Checks the ranges RFC 9106 §3.1 allows (and a ceiling that keeps a stored string harmless). */
        public Parameters {
            if (lanes < 1 || lanes > 16 || iterations < 1 || iterations > 100 || memoryKiB < 8 * lanes
                    || memoryKiB > 4_194_304) {
                throw new IllegalArgumentException("Argon2id parameters out of range");
            }
        }
    }

    /** @param parameters the cost of new hashes */
    public PasswordHasher(Parameters parameters) {
        this.parameters = Objects.requireNonNull(parameters);
    }

    /** @return the PHC string of a new hash of the password */
    public String hash(char[] password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        byte[] tag = derive(password, salt, parameters, 32);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=19$m=" + parameters.memoryKiB() + ",t=" + parameters.iterations() + ",p=" + parameters.lanes()
                + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(tag);
    }

    /** @return whether the password is the one the PHC string was made of (false for any malformed string) */
    public boolean verify(char[] password, String encoded) {
        Optional<Stored> stored = parse(encoded);
        if (stored.isEmpty()) {
            return false;
        }
        Stored s = stored.get();
        byte[] tag = derive(password, s.salt, s.parameters, s.tag.length);
        return MessageDigest.isEqual(tag, s.tag);
    }

    /** @return whether the PHC string was made with other parameters than this hasher's (or is malformed) */
    public boolean needsRehash(String encoded) {
        return parse(encoded).map(s -> !s.parameters.equals(parameters)).orElse(true);
    }

    /**
     * The raw Argon2id function (RFC 9106 §3.2), for vectors and calibration.
     *
     * @param password the password bytes
     * @param salt     the salt
     * @param secret   the secret value K, or {@code null}
     * @param ad       the associated data X, or {@code null}
     * @param p        the parameters
     * @param length   the tag length in bytes
     * @return the tag
     */
    public static byte[] argon2id(byte[] password, byte[] salt, byte[] secret, byte[] ad, Parameters p, int length) {
        Argon2Parameters.Builder b = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withMemoryAsKB(p.memoryKiB())
                .withIterations(p.iterations()).withParallelism(p.lanes()).withSalt(salt);
        if (secret != null) {
            b.withSecret(secret);
        }
        if (ad != null) {
            b.withAdditional(ad);
        }
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(b.build());
        byte[] out = new byte[length];
        generator.generateBytes(password, out);
        return out;
    }

    /**
     * At most this many Argon2id computations run at once in the JVM (one per core): each holds its
     * memory cost (64 MiB by default), so a burst of sign-ins queues here instead of exhausting the
     * heap (docs/operations.md, Memory).
     */
    static final int CONCURRENT = Math.max(1, Runtime.getRuntime().availableProcessors());

    private static final java.util.concurrent.Semaphore PERMITS = new java.util.concurrent.Semaphore(CONCURRENT, true);

    private static byte[] derive(char[] password, byte[] salt, Parameters p, int length) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        boolean permitted = false;
        try {
            PERMITS.acquire();
            permitted = true;
            return argon2id(bytes, salt, null, null, p, length);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to hash a password", e);
        } finally {
            if (permitted) {
                PERMITS.release();
            }
            Arrays.fill(bytes, (byte) 0);
            if (encoded.hasArray()) {
                Arrays.fill(encoded.array(), (byte) 0);
            }
        }
    }

    private record Stored(Parameters parameters, byte[] salt, byte[] tag) {
    }

    private static Optional<Stored> parse(String encoded) {
        if (encoded == null) {
            return Optional.empty();
        }
        Matcher m = PHC.matcher(encoded);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            Parameters p = new Parameters(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            byte[] salt = Base64.getDecoder().decode(m.group(4));
            byte[] tag = Base64.getDecoder().decode(m.group(5));
            if (salt.length < 8 || tag.length < 16) {
                return Optional.empty();
            }
            return Optional.of(new Stored(p, salt, tag));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
