package org.electionpool.hub.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TotpTest {

    private static final byte[] SEED1 = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEED256 = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEED512 = ("1234567890123456789012345678901234567890123456789012345678901234")
            .getBytes(StandardCharsets.US_ASCII);

    @Test
    void codesMatchTheRfc6238AppendixBVectors() {
        long[] times = {59L, 1111111109L, 1111111111L, 1234567890L, 2000000000L, 20000000000L};
        String[] sha1 = {"94287082", "07081804", "14050471", "89005924", "69279037", "65353130"};
        String[] sha256 = {"46119246", "68084774", "67062674", "91819424", "90698825", "77737706"};
        String[] sha512 = {"90693936", "25091201", "99943326", "93441116", "38618901", "47863826"};
        for (int k = 0; k < times.length; k++) {
            long step = Totp.step(Instant.ofEpochSecond(times[k]));
            assertEquals(sha1[k], Totp.code(SEED1, step, 8, Totp.Algorithm.SHA1), "SHA1 at " + times[k]);
            assertEquals(sha256[k], Totp.code(SEED256, step, 8, Totp.Algorithm.SHA256), "SHA256 at " + times[k]);
            assertEquals(sha512[k], Totp.code(SEED512, step, 8, Totp.Algorithm.SHA512), "SHA512 at " + times[k]);
        }
    }

    @Test
    void aCodeIsGoodWithinOneStepEitherSideAndOnlyOnce() {
        Instant now = Instant.ofEpochSecond(1_234_567_890L);
        long step = Totp.step(now);
        String code = Totp.code(SEED1, step, 6, Totp.Algorithm.SHA1);
        OptionalLong first = Totp.verify(SEED1, code, now, Long.MIN_VALUE);
        assertEquals(OptionalLong.of(step), first);
        assertTrue(Totp.verify(SEED1, code, now, first.getAsLong()).isEmpty(), "a reused step is refused");
        assertTrue(Totp.verify(SEED1, code, now.plusSeconds(30), Long.MIN_VALUE).isPresent(), "one step of drift");
        assertTrue(Totp.verify(SEED1, code, now.plusSeconds(90), Long.MIN_VALUE).isEmpty(), "three steps late");
        String previous = Totp.code(SEED1, step - 1, 6, Totp.Algorithm.SHA1);
        assertTrue(Totp.verify(SEED1, previous, now, step).isEmpty(), "an older step after a newer one is refused");
    }

    @Test
    void anythingButSixDigitsIsRefused() {
        Instant now = Instant.ofEpochSecond(59);
        for (String bad : new String[] {null, "", "12345", "1234567", "12 456", "abcdef", "９４２８７０"}) {
            assertTrue(Totp.verify(SEED1, bad, now, Long.MIN_VALUE).isEmpty(), String.valueOf(bad));
        }
        assertThrows(IllegalArgumentException.class, () -> Totp.code(SEED1, 1, 5, Totp.Algorithm.SHA1));
    }

    @Test
    void base32MatchesRfc4648AndRoundTrips() {
        String[][] vectors = {{"", ""}, {"f", "MY"}, {"fo", "MZXQ"}, {"foo", "MZXW6"}, {"foob", "MZXW6YQ"},
                {"fooba", "MZXW6YTB"}, {"foobar", "MZXW6YTBOI"}};
        for (String[] v : vectors) {
            assertEquals(v[1], Totp.base32(v[0].getBytes(StandardCharsets.US_ASCII)), v[0]);
            assertArrayEquals(v[0].getBytes(StandardCharsets.US_ASCII), Totp.fromBase32(v[1] + "======".substring(0,
                    (8 - v[1].length() % 8) % 8)), v[1]);
        }
        byte[] secret = Totp.newSecret();
        assertEquals(20, secret.length);
        assertArrayEquals(secret, Totp.fromBase32(Totp.base32(secret).toLowerCase()));
        assertThrows(IllegalArgumentException.class, () -> Totp.fromBase32("MZ1W"));
    }

    @Test
    void theUriIsTheKeyUriFormatAuthenticatorAppsRead() {
        String uri = Totp.uri("Election Pool Hub", "liaison@ministry-of-justice-fi", SEED1);
        assertEquals("otpauth://totp/Election%20Pool%20Hub:liaison%40ministry-of-justice-fi?secret="
                + "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Election%20Pool%20Hub&algorithm=SHA1&digits=6&period=30", uri);
    }
}
