package org.electionpool.hub.api.indicators;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id of a sharing group: {@code group-} and a random UUID, assigned by the hub.
 *
 * <p>Invariant: matches {@link #PATTERN}.
 *
 * @param value the id; never {@code null}
 */
public record SharingGroupId(String value) {

    /** The syntax of a sharing group id. */
    public static final String PATTERN = "group-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    /** @throws IllegalArgumentException if {@code value} does not match {@link #PATTERN} */
    public SharingGroupId {
        Objects.requireNonNull(value, "value");
        if (!COMPILED.matcher(value).matches()) {
            throw new IllegalArgumentException("sharing group id must match " + PATTERN);
        }
    }

    /** @return a new random id */
    public static SharingGroupId random() {
        return new SharingGroupId("group-" + UUID.randomUUID());
    }

    /** @return the id, or empty if {@code value} (untrusted, may be {@code null}) is not one */
    public static Optional<SharingGroupId> parse(String value) {
        return value != null && COMPILED.matcher(value).matches() ? Optional.of(new SharingGroupId(value)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
