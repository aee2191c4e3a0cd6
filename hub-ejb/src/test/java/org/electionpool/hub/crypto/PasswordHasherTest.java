package org.electionpool.hub.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    /** Cheap parameters: the tests check the format and the logic, not the cost. */
    private static final PasswordHasher HASHER = new PasswordHasher(new PasswordHasher.Parameters(64, 1, 1));

    @Test
    void argon2idMatchesTheRfc9106TestVector() {
        byte[] password = filled(32, 0x01);
        byte[] salt = filled(16, 0x02);
        byte[] secret = filled(8, 0x03);
        byte[] ad = filled(12, 0x04);
        byte[] tag = PasswordHasher.argon2id(password, salt, secret, ad, new PasswordHasher.Parameters(32, 3, 4), 32);
        assertArrayEquals(HexFormat.of().parseHex("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659"), tag,
                "RFC 9106 §5.3");
    }

    @Test
    void aHashVerifiesItsPasswordAndNoOther() {
        String stored = HASHER.hash("correct horse battery staple".toCharArray());
        assertTrue(stored.startsWith("$argon2id$v=19$m=64,t=1,p=1$"), stored);
        assertTrue(HASHER.verify("correct horse battery staple".toCharArray(), stored));
        assertFalse(HASHER.verify("correct horse battery stapl".toCharArray(), stored));
        assertFalse(HASHER.verify("".toCharArray(), stored));
        assertNotEquals(stored, HASHER.hash("correct horse battery staple".toCharArray()), "a fresh salt each time");
    }

    @Test
    void nonAsciiPasswordsAreTheirUtf8BytesNeverTruncated() {
        String stored = HASHER.hash("äänestyspäivä on sunnuntaina 🗳".toCharArray());
        assertTrue(HASHER.verify("äänestyspäivä on sunnuntaina 🗳".toCharArray(), stored));
        assertFalse(HASHER.verify("äänestyspäivä on sunnuntaina".toCharArray(), stored));
        char[] longer = new char[200];
        Arrays.fill(longer, 'x');
        String tail = HASHER.hash(longer);
        longer[199] = 'y';
        assertFalse(HASHER.verify(longer, tail), "the 200th character counts");
    }

    @Test
    void malformedOrTamperedStoredStringsNeverVerify() {
        String stored = HASHER.hash("correct horse battery staple".toCharArray());
        for (String bad : List.of("", "$argon2i$v=19$m=64,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA",
                stored.replace("v=19", "v=16"), stored.replace("m=64", "m=9999999999"), stored.substring(0, stored.length() - 2),
                stored + "A", "$argon2id$v=19$m=64,t=1,p=1$!!!!$!!!!", stored.replace("t=1", "t=0"))) {
            assertFalse(HASHER.verify("correct horse battery staple".toCharArray(), bad), bad);
        }
        assertFalse(HASHER.verify("x".toCharArray(), null));
    }

    @Test
    void aHashUnderOtherParametersAsksToBeRehashed() {
        String stored = HASHER.hash("correct horse battery staple".toCharArray());
        assertFalse(HASHER.needsRehash(stored));
        assertTrue(new PasswordHasher(new PasswordHasher.Parameters(128, 1, 1)).needsRehash(stored));
        assertTrue(new PasswordHasher(new PasswordHasher.Parameters(128, 1, 1))
                .verify("correct horse battery staple".toCharArray(), stored), "and still verifies");
        assertTrue(HASHER.needsRehash("garbage"));
    }

    @Test
    void parametersOutsideRfc9106sRangesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher.Parameters(7, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher.Parameters(64, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher.Parameters(64, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher.Parameters(64, 1, 9));
    }

    private static byte[] filled(int n, int value) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) value);
        return b;
    }
}
