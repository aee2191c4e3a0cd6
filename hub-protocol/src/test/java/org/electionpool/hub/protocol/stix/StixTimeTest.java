package org.electionpool.hub.protocol.stix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class StixTimeTest {

    @Test
    void timestampsOutsideTheHubsWindowAreNotRead() {
        assertTrue(StixTime.parse("-5000-01-01T00:00:00Z").isEmpty());
        assertTrue(StixTime.parse("+584556016-01-01T00:00:00Z").isEmpty());
        assertTrue(StixTime.parse("1969-12-31T23:59:59Z").isEmpty());
        assertTrue(StixTime.parse("2026-12-01T00:00:00.123456Z").isPresent());
        assertTrue(StixTime.parse("2026-12-01T02:00:00+02:00").isPresent(), "an offset is read too");
    }

    @Test
    void writesMillisecondsOrMicrosecondsAndReadsThemBack() {
        assertEquals("2026-12-01T10:00:00.000Z", StixTime.format(Instant.parse("2026-12-01T10:00:00Z")));
        assertEquals("2026-12-01T10:00:00.123456Z", StixTime.format(Instant.parse("2026-12-01T10:00:00.123456Z")));
        Instant t = Instant.parse("2026-12-01T10:00:00.123456Z");
        assertEquals(t, StixTime.parse(StixTime.format(t)).orElseThrow());
    }
}
