package org.electionpool.hub.protocol.stix;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * STIX 2.1 timestamps (§3.2): RFC 3339 in UTC with a {@code Z}, at least millisecond precision.
 * The hub writes three fractional digits, or six when the instant has microseconds (its database
 * keeps microseconds, so two versions made in one millisecond still have distinct {@code modified}).
 */
public final class StixTime {

    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** The earliest instant read: the Unix epoch (the hub's instant window, as for every other timestamp). */
    public static final Instant FIRST = Instant.EPOCH;

    /** The latest instant read. */
    public static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private StixTime() {
    }

    /** @return the STIX form of the instant (nanoseconds below a microsecond are dropped) */
    public static String format(Instant t) {
        return (t.getNano() % 1_000_000 == 0 ? MILLIS : MICROS).format(t);
    }

    /**
     * @param text a timestamp from outside (STIX or a TAXII {@code added_after}): RFC 3339 with 0–9
     *             fractional digits, {@code Z} or an offset
     * @return the instant, or empty when it is not one or lies outside 1970–9999
     */
    public static Optional<Instant> parse(String text) {
        if (text == null || text.length() > 40) {
            return Optional.empty();
        }
        try {
            Instant t = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            return t.isBefore(FIRST) || t.isAfter(LAST) ? Optional.empty() : Optional.of(t);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
