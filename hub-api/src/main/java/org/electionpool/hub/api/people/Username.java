package org.electionpool.hub.api.people;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A person's user name: unique in the hub, 3 to 64 of {@code a-z 0-9 . _ -}, starting with a
 * letter or digit. Input is compared case-insensitively: {@link #parse} lower-cases it.
 *
 * @param value the user name in lower case
 */
public record Username(String value) {

    private static final Pattern FORM = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

    /**
     * @throws IllegalArgumentException unless the value has the form
     */
    public Username {
        Objects.requireNonNull(value, "value");
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("a user name is 3 to 64 of a-z 0-9 . _ - starting with a letter or digit");
        }
    }

    /**
     * @param text what a person typed, with surrounding blanks
     * @return the user name it names, lower-cased, or empty if it cannot be one
     */
    public static Optional<Username> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String v = text.strip().toLowerCase(Locale.ROOT);
        return FORM.matcher(v).matches() ? Optional.of(new Username(v)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
