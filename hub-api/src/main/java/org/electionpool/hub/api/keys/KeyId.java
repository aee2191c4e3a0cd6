package org.electionpool.hub.api.keys;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A key id ({@code kid}, RFC 7517 §4.5), unique within its organisation.
 *
 * <p>Invariant: 1 to 128 characters of {@code [A-Za-z0-9._~-]} (URL-safe, so RFC 7638 thumbprints
 * fit). Immutable and thread-safe.
 *
 * @param value the key id; never {@code null}
 */
public record KeyId(String value) {

    /** The syntax of a key id, as a regular expression. */
    public static final String PATTERN = "[A-Za-z0-9._~-]{1,128}";

    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    /** @throws IllegalArgumentException if {@code value} does not match {@link #PATTERN} */
    public KeyId {
        Objects.requireNonNull(value, "value");
        if (!COMPILED.matcher(value).matches()) {
            throw new IllegalArgumentException("key id must match " + PATTERN);
        }
    }

    /** @return the id, or empty for {@code null} and malformed input */
    public static Optional<KeyId> parse(String value) {
        return value != null && COMPILED.matcher(value).matches() ? Optional.of(new KeyId(value)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
