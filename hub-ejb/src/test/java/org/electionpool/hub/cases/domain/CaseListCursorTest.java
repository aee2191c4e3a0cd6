package org.electionpool.hub.cases.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.electionpool.hub.api.cases.CaseId;
import org.junit.jupiter.api.Test;

/** The case list's cursor: the wire form of today, round trips, and hostile tokens refused (never an exception). */
class CaseListCursorTest {

    private static final CaseId ID = new CaseId("case-0b4f7c2e-6d1a-4c3b-9e8f-1a2b3c4d5e6f");
    private static final Instant AT = Instant.parse("2027-04-01T08:00:00.123456Z");

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theTokenIsBase64urlOfTheInstantAndTheIdAndRoundTrips() {
        CaseListCursor cursor = new CaseListCursor(AT, ID);
        assertEquals(b64("2027-04-01T08:00:00.123456Z|" + ID.value()), cursor.token(), "the wire form of earlier versions");
        assertEquals(cursor, CaseListCursor.parse(cursor.token()).orElseThrow());
        assertEquals(cursor.token(), cursor.toString());
        CaseListCursor epoch = new CaseListCursor(Instant.EPOCH, ID);
        assertEquals(epoch, CaseListCursor.parse(epoch.token()).orElseThrow());
    }

    @Test
    void hostileTokensAreRefused() {
        List<String> hostile = new ArrayList<>(List.of("", "%%", "bm9wZQ", "====", "A", "AAAA", "null",
                b64("nope"), b64("|"), b64(AT + "|"), b64("|" + ID.value()), b64(AT + "|" + ID.value().toUpperCase()),
                b64(AT + "|" + ID.value() + "x"), b64(AT + "|" + ID.value() + "|" + ID.value()),
                b64("yesterday|" + ID.value()), b64("+300000-01-01T00:00:00Z|" + ID.value()),
                b64("-300000-01-01T00:00:00Z|" + ID.value()), b64("1969-12-31T23:59:59Z|" + ID.value()),
                b64("+10000-01-01T00:00:00Z|" + ID.value()), b64(AT + " |" + ID.value()),
                b64(AT + "|" + ID.value() + "\u0000"), b64("\uFEFF" + AT + "|" + ID.value()),
                b64(AT + "|case-../../etc/passwd"), "A".repeat(4000), new CaseListCursor(AT, ID).token() + "!"));
        for (String token : hostile) {
            assertTrue(CaseListCursor.parse(token).isEmpty(), token);
        }
        assertTrue(CaseListCursor.parse(null).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new CaseListCursor(Instant.parse("1969-12-31T23:59:59Z"), ID));
    }
}
