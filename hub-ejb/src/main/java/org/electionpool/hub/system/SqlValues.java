package org.electionpool.hub.system;

import java.time.Instant;

/** Reads the columns of native query rows ({@code Object[]}) as the drivers hand them out. */
public final class SqlValues {

    private SqlValues() {
    }

    /** @return a {@code timestamp with time zone} column as an instant, whichever type the driver chose; {@code null} for {@code null} */
    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
