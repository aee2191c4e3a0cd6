package org.electionpool.hub.api.indicators;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id of a sighting: a STIX 2.1 identifier ({@code sighting--} and a random UUID, STIX 2.1
 * §2.9), assigned by the hub, so the same id names the sighting over HXP/1, in STIX bundles and
 * over TAXII.
 *
 * <p>Invariant: matches {@link #PATTERN} (lower-case UUID version 4); random, so ids say nothing
 * about how many sightings exist.
 *
 * @param value the id; never {@code null}
 */
public record SightingId(String value) {

    /** The syntax of a sighting id. */
    public static final String PATTERN = "sighting--[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    /** @throws IllegalArgumentException if {@code value} does not match {@link #PATTERN} */
    public SightingId {
        Objects.requireNonNull(value, "value");
        if (!COMPILED.matcher(value).matches()) {
            throw new IllegalArgumentException("sighting id must match " + PATTERN);
        }
    }

    /** @return a new random id */
    public static SightingId random() {
        return new SightingId("sighting--" + UUID.randomUUID());
    }

    /** @return the id, or empty if {@code value} (untrusted, may be {@code null}) is not one */
    public static Optional<SightingId> parse(String value) {
        return value != null && COMPILED.matcher(value).matches() ? Optional.of(new SightingId(value)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
