package org.electionpool.hub.api.organizations;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The id of an organisation: a URL-safe slug that is also the {@code iss} of every message the
 * organisation signs (HXP/1).
 *
 * <p>Invariant: matches {@link #PATTERN} — 3 to 64 characters, lower-case ASCII letters, digits
 * and inner hyphens — so it can sit in a URL path, a file name and a JWT claim unescaped.
 * Immutable and thread-safe.
 *
 * @param value the slug; never {@code null}
 */
public record OrganizationId(String value) {

    /** The syntax of an organisation id, as a regular expression. */
    public static final String PATTERN = "[a-z0-9][a-z0-9-]{1,62}[a-z0-9]";

    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    /**
     * @throws IllegalArgumentException if {@code value} does not match {@link #PATTERN}
     */
    public OrganizationId {
        Objects.requireNonNull(value, "value");
        if (!COMPILED.matcher(value).matches()) {
            throw new IllegalArgumentException("organisation id must match " + PATTERN);
        }
    }

    /**
     * Parses untrusted input, for example a path parameter.
     *
     * @param value the candidate id, may be {@code null}
     * @return the id, or empty when {@code value} is {@code null} or not a valid slug
     */
    public static Optional<OrganizationId> parse(String value) {
        return value != null && COMPILED.matcher(value).matches()
                ? Optional.of(new OrganizationId(value)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
