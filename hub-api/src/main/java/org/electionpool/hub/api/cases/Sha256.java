package org.electionpool.hub.api.cases;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A SHA-256 digest in the form the hub addresses content by: 64 lower-case hexadecimal digits
 * (an attachment's {@code sha256}, docs/api.md, Attachments).
 *
 * <p>Invariant: {@code hex} is exactly 64 characters of {@code [0-9a-f]}, so there is one spelling
 * per digest (upper case, whitespace, prefixes and other lengths are refused, never normalised).
 *
 * @param hex the digest, lower-case hex
 */
public record Sha256(String hex) {

    /** The accepted form, as a regular expression. */
    public static final String PATTERN = "[0-9a-f]{64}";

    private static final Pattern FORM = Pattern.compile(PATTERN);

    /** @throws IllegalArgumentException unless {@code hex} is 64 lower-case hex digits */
    public Sha256 {
        Objects.requireNonNull(hex, "hex");
        if (!FORM.matcher(hex).matches()) {
            throw new IllegalArgumentException("a SHA-256 digest is 64 lower-case hex digits");
        }
    }

    /**
     * @param value what a client sent, possibly anything (or {@code null})
     * @return the digest, or empty if the value is not in the accepted form
     */
    public static Optional<Sha256> parse(String value) {
        return value != null && FORM.matcher(value).matches() ? Optional.of(new Sha256(value)) : Optional.empty();
    }

    /** @return the digest of {@code content} */
    public static Sha256 of(byte[] content) {
        try {
            return new Sha256(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return whether {@code content} has this digest (compared in constant time) */
    public boolean matches(byte[] content) {
        return MessageDigest.isEqual(HexFormat.of().parseHex(of(content).hex()), HexFormat.of().parseHex(hex));
    }

    @Override
    public String toString() {
        return hex;
    }
}
