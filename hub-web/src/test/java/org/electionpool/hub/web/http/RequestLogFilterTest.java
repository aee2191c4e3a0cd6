package org.electionpool.hub.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class RequestLogFilterTest {

    @Test
    void ordinaryPathsAreLoggedAsTheyAre() {
        assertEquals("/api/v1/organizations/platform-a", RequestLogFilter.printable("/api/v1/organizations/platform-a"));
    }

    @Test
    void controlCharactersCannotForgeLogLines() {
        String logged = RequestLogFilter.printable("/x\r\n2026-01-01 INFO forged\u0000\u007f");
        assertFalse(logged.contains("\n") || logged.contains("\r") || logged.contains("\u0000"));
        assertEquals("/x??2026-01-01 INFO forged??", logged);
    }

    @Test
    void longPathsAreCapped() {
        String logged = RequestLogFilter.printable("/" + "a".repeat(1000));
        assertEquals(257, logged.length());
    }

    @Test
    void missingPathIsADash() {
        assertEquals("-", RequestLogFilter.printable(null));
    }
}
