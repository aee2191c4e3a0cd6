package org.electionpool.hub.indicators.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.electionpool.hub.api.indicators.IndicatorId;
import org.junit.jupiter.api.Test;

class PageCursorTest {

    private static boolean isId(String v) {
        return IndicatorId.parse(v).isPresent();
    }

    @Test
    void roundTrip() {
        PageCursor c = new PageCursor(Instant.parse("2026-12-02T10:00:00.123456Z"), IndicatorId.random().value());
        assertEquals(Optional.of(c), PageCursor.parse(c.token(), PageCursorTest::isId));
    }

    @Test
    void refusesWhatItDidNotWrite() {
        for (String bad : new String[] {"", "!!", "bm90aGluZw", enc("2026-12-02T10:00:00Z|case-x"),
                enc("+999999999-12-31T23:59:59Z|" + IndicatorId.random().value()), enc("yesterday|" + IndicatorId.random().value())}) {
            assertTrue(PageCursor.parse(bad, PageCursorTest::isId).isEmpty(), bad);
        }
        assertTrue(PageCursor.parse(null, PageCursorTest::isId).isEmpty());
    }

    private static String enc(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
