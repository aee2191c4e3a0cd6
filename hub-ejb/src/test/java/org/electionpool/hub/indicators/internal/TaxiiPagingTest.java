package org.electionpool.hub.indicators.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.electionpool.hub.api.problem.HubException;
import org.electionpool.hub.indicators.internal.TaxiiStore.Position;
import org.junit.jupiter.api.Test;

class TaxiiPagingTest {

    @Test
    void aNextTokenRoundTripsToTheSamePositionAtMicrosecondPrecision() {
        Position p = new Position(Instant.parse("2026-12-01T10:00:00.123456Z"), 0,
                "indicator--6f0e4b1c-3a57-4d0c-9e1b-2a1f0c9d8e7f", 3, 5);
        assertEquals(p, TaxiiServiceBean.parseToken(TaxiiServiceBean.token(p)).orElseThrow());
    }

    @Test
    void garbageAndForgedTokensAreRefused() {
        String outOfWindow = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "1|-62135596800000000|0|indicator--6f0e4b1c-3a57-4d0c-9e1b-2a1f0c9d8e7f|1|0".getBytes());
        for (String t : List.of("garbage", "", "MXwxfDB8eHwxfDA", "!!!!", outOfWindow)) {
            assertTrue(TaxiiServiceBean.parseToken(t).isEmpty(), t);
        }
    }

    @Test
    void positionsOrderByDateAddedThenSourceRowVersionAndObject() {
        Instant t = Instant.parse("2026-12-01T10:00:00Z");
        Position a = new Position(t, 0, "indicator--a", 1, 9);
        Position b = new Position(t, 0, "indicator--a", 2, 0);
        Position c = new Position(t, 1, "sighting--0", 0, 0);
        Position d = new Position(t.plusNanos(1000), 0, "indicator--0", 1, 0);
        assertTrue(TaxiiServiceBean.compare(a, b) < 0 && TaxiiServiceBean.compare(b, c) < 0 && TaxiiServiceBean.compare(c, d) < 0);
    }

    @Test
    void filtersParseAsTheClientsSendThem() {
        TaxiiServiceBean.Filter f = TaxiiServiceBean.Filter.parse(Map.of("added_after", List.of("2024-01-03T00:00:00.000000Z"),
                "limit", List.of("5000"), "match[type]", List.of("indicator,url"), "match[version]", List.of("all")), null);
        assertEquals(Instant.parse("2024-01-03T00:00:00Z"), f.addedAfter());
        assertEquals(TaxiiServiceBean.MAX_PAGE, f.limit(), "a limit above the largest page is lowered, not refused");
        assertEquals(java.util.Set.of("indicator", "url"), f.types());
        assertEquals(TaxiiStore.Versions.ALL, f.mode());
        assertEquals(TaxiiStore.Versions.LAST, TaxiiServiceBean.Filter.parse(Map.of(), null).mode(), "last by default");
        assertThrows(HubException.class, () -> TaxiiServiceBean.Filter.parse(Map.of("limit", List.of("0")), null));
        assertThrows(HubException.class, () -> TaxiiServiceBean.Filter.parse(Map.of("added_after", List.of("yesterday")), null));
        assertThrows(HubException.class, () -> TaxiiServiceBean.Filter.parse(Map.of("match[version]", List.of("newest")), null));
    }
}
