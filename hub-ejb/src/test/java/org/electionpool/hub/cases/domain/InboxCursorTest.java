package org.electionpool.hub.cases.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Inbox cursors: one opaque spelling per position, and nothing the hub did not write is accepted. */
class InboxCursorTest {

    private static String raw(int version, long position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(ByteBuffer.allocate(9).put((byte) version).putLong(position).array());
    }

    @Test
    void everyPositionRoundTripsThroughItsToken() {
        for (long p : new long[] {0, 1, 2, 41, 255, 256, 65_535, 1L << 31, (1L << 32) + 1, Long.MAX_VALUE - 1,
                Long.MAX_VALUE}) {
            InboxCursor cursor = new InboxCursor(p);
            String token = cursor.token();
            assertEquals(InboxCursor.TOKEN_LENGTH, token.length(), token);
            assertTrue(token.matches("[A-Za-z0-9_-]+"), "URL-safe without escaping: " + token);
            assertEquals(Optional.of(cursor), InboxCursor.parse(token), token);
        }
    }

    @Test
    void theStartIsPositionZeroAndNextCountsUp() {
        assertEquals(0, InboxCursor.START.position());
        assertEquals("AQAAAAAAAAAA", InboxCursor.START.token(), "pinned: the version-1 wire form of the start");
        assertEquals(new InboxCursor(1), InboxCursor.START.next());
        assertThrows(ArithmeticException.class, () -> new InboxCursor(Long.MAX_VALUE).next());
    }

    @Test
    void distinctPositionsHaveDistinctTokensThatAreNotTheirDecimalDigits() {
        Set<String> tokens = new HashSet<>();
        for (long p = 0; p < 5000; p++) {
            String token = new InboxCursor(p).token();
            assertTrue(tokens.add(token), token);
            assertNotEquals(Long.toString(p), token);
        }
    }

    @Test
    void negativePositionsAreNeitherBuiltNorParsed() {
        assertThrows(IllegalArgumentException.class, () -> new InboxCursor(-1));
        for (long p : new long[] {-1, Long.MIN_VALUE, -42}) {
            assertEquals(Optional.empty(), InboxCursor.parse(raw(1, p)), "negative " + p);
        }
    }

    @Test
    void otherVersionsAreRefused() {
        for (int v : new int[] {0, 2, 3, 0x7f, 0x80, 0xff}) {
            assertEquals(Optional.empty(), InboxCursor.parse(raw(v, 5)), "version " + v);
        }
    }

    @Test
    void garbageOldNumericCursorsAndNonCanonicalSpellingsAreRefused() {
        String valid = new InboxCursor(7).token();
        for (String hostile : new String[] {null, "", " ", "-1", "0", "42", "9223372036854775807",
                "99999999999999999999999", "AQAAAAAAAAA", "AQAAAAAAAAAAA", "AQAAAAAAAAAA=", "AQAAAAAAAAA=",
                "AQAAAAAAAAA+", "AQAAAAAAAA/A", "AQAAAAAAAA A", " " + valid.substring(1), valid + "\n",
                valid.toLowerCase(), "bm9wZQ", "%25%25", "AQAAAAAAAA\u00e9A", "AQAAAAAAAA\u0000A",
                "AQAAAAAAAAAAAQAAAAAAAAAA", "null", "undefined", "../../etc/passwd", "' or 1=1 --"}) {
            assertEquals(Optional.empty(), InboxCursor.parse(hostile), "refused: " + hostile);
        }
    }

    @Test
    void hugeTokensAreRefusedWithoutDecoding() {
        String huge = "A".repeat(10_000_000);
        assertEquals(Optional.empty(), InboxCursor.parse(huge));
        assertEquals(Optional.empty(), InboxCursor.parse("AQ" + "A".repeat(1_000)));
    }

    @Test
    void overflowingPositionsCannotBeSpelled() {
        // 10 bytes (version + a 72-bit number) need more characters than a token has: refused by length.
        String tooWide = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new byte[] {1, 1, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff,
                    (byte) 0xff, (byte) 0xff});
        assertEquals(Optional.empty(), InboxCursor.parse(tooWide));
        assertEquals(Optional.empty(), InboxCursor.parse(raw(1, Long.MAX_VALUE) + "A"));
        assertEquals(raw(1, Long.MIN_VALUE), "AYAAAAAAAAAA");
        assertEquals(Optional.empty(), InboxCursor.parse("AYAAAAAAAAAA"), "sign bit set: 2^63 wraps negative");
    }
}
