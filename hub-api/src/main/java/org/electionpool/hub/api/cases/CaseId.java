package org.electionpool.hub.api.cases;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id of a case: {@code case-} and a random UUID, assigned by the hub.
 *
 * <p>Invariant: matches {@link #PATTERN}; random, so ids say nothing about how many cases exist.
 *
 * @param value the id; never {@code null}
 */
public record CaseId(String value) {

    /** The syntax of a case id. */
    public static final String PATTERN = "case-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    /** @throws IllegalArgumentException if {@code value} does not match {@link #PATTERN} */
    public CaseId {
        Objects.requireNonNull(value, "value");
        if (!COMPILED.matcher(value).matches()) {
            throw new IllegalArgumentException("case id must match " + PATTERN);
        }
    }

    /** @return a new random id */
    public static CaseId random() {
        return new CaseId("case-" + UUID.randomUUID());
    }

    /**
     * @param value untrusted input, e.g. a path parameter; may be {@code null}
     * @return the id, or empty if it is not one
     */
    public static Optional<CaseId> parse(String value) {
        return value != null && COMPILED.matcher(value).matches() ? Optional.of(new CaseId(value)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
