package org.electionpool.hub.api.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The digest form attachments are addressed by: 64 lower-case hex digits, one spelling, nothing else. */
class Sha256Test {

    /** FIPS 180-2 vector: SHA-256("abc"). */
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void theDigestOfContentIsLowerCaseHexAndMatchesItsContent() {
        Sha256 abc = Sha256.of("abc".getBytes(StandardCharsets.US_ASCII));
        assertEquals(ABC, abc.hex());
        assertEquals(ABC, abc.toString());
        assertEquals(abc, Sha256.parse(ABC).orElseThrow());
        assertTrue(abc.matches("abc".getBytes(StandardCharsets.US_ASCII)));
        assertFalse(abc.matches("abd".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Sha256.of(new byte[0]).hex());
    }

    @Test
    void hostileSpellingsAreRefusedNeverNormalised() {
        List<String> hostile = new ArrayList<>(List.of("", "abc", ABC.toUpperCase(), ABC.substring(1), ABC + "0",
                " " + ABC, ABC + " ", ABC + "\n", "0x" + ABC.substring(2), ABC.replace('a', 'g'),
                ABC.substring(0, 63) + "\u0000", ABC.substring(0, 63) + "é", ABC.substring(0, 63) + "\uff10",
                ABC.replace('b', 'B'), "%62" + ABC.substring(1), "../" + ABC.substring(3), "0".repeat(128),
                ABC.substring(0, 32) + "/" + ABC.substring(33)));
        for (String h : hostile) {
            assertTrue(Sha256.parse(h).isEmpty(), h);
            assertThrows(IllegalArgumentException.class, () -> new Sha256(h), h);
        }
        assertTrue(Sha256.parse(null).isEmpty());
        assertThrows(NullPointerException.class, () -> new Sha256(null));
    }
}
