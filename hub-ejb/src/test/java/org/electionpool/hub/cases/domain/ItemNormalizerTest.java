package org.electionpool.hub.cases.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.electionpool.hub.api.cases.ItemType;
import org.junit.jupiter.api.Test;

/** Items that name the same thing normalise alike; different things never collide across types. */
class ItemNormalizerTest {

    private static String n(ItemType t, String v) {
        return ItemNormalizer.normalize(t, v);
    }

    @Test
    void urlsDifferingOnlyInCaseSchemePortFragmentOrTrailingSlashMatch() {
        String canonical = n(ItemType.CONTENT_URL, "https://social.example/p/123?lang=fi");
        for (String variant : new String[] {"HTTPS://Social.Example/p/123?lang=fi", "http://social.example/p/123?lang=fi",
                "https://www.social.example/p/123/?lang=fi", "https://social.example:443/p/123?lang=fi#comments",
                "  https://social.example/p/123?lang=fi  "}) {
            assertEquals(canonical, n(ItemType.CONTENT_URL, variant), variant);
        }
        assertEquals("CONTENT_URL:https://social.example/p/123?lang=fi", canonical);
    }

    @Test
    void pathCaseAndQueryStillDistinguish() {
        assertNotEquals(n(ItemType.CONTENT_URL, "https://social.example/p/ABC"), n(ItemType.CONTENT_URL, "https://social.example/p/abc"));
        assertNotEquals(n(ItemType.CONTENT_URL, "https://social.example/p?id=1"), n(ItemType.CONTENT_URL, "https://social.example/p?id=2"));
        assertNotEquals(n(ItemType.CONTENT_URL, "https://social.example:8443/p"), n(ItemType.CONTENT_URL, "https://social.example/p"));
    }

    @Test
    void accountsHashtagsAndHashesIgnoreCaseAndPrefix() {
        assertEquals(n(ItemType.ACCOUNT, "@Vaali_Botti"), n(ItemType.ACCOUNT, "vaali_botti"));
        assertEquals(n(ItemType.HASHTAG, "#Vaalit2027"), n(ItemType.HASHTAG, "vaalit2027"));
        assertEquals(n(ItemType.CONTENT_HASH, "sha256:ABCDEF"), n(ItemType.CONTENT_HASH, "sha256:abcdef"));
        assertNotEquals(n(ItemType.ACCOUNT, "vaalit"), n(ItemType.HASHTAG, "vaalit"), "the type is part of the key");
    }

    @Test
    void unparsableUrlsAreKeptAsSent() {
        assertEquals("CONTENT_URL:not a url", n(ItemType.CONTENT_URL, "not a url"));
        assertEquals("PLATFORM_CONTENT_ID:AbC-1", n(ItemType.PLATFORM_CONTENT_ID, "AbC-1"));
    }

    @Test
    void aValueThatLowerCasingLengthensPastTheLimitDoesNotFit() {
        String dotted = "\u0130".repeat(ItemNormalizer.MAX_VALUE_LENGTH); // İ lower-cases to i + U+0307
        for (ItemType type : new ItemType[] {ItemType.ACCOUNT, ItemType.HASHTAG, ItemType.CONTENT_HASH}) {
            String normalized = n(type, dotted);
            assertEquals(type.name().length() + 1 + 2 * ItemNormalizer.MAX_VALUE_LENGTH, normalized.length());
            assertFalse(ItemNormalizer.fits(type, normalized), type.name());
        }
        assertFalse(ItemNormalizer.fits(ItemType.CONTENT_URL,
                n(ItemType.CONTENT_URL, "http://" + "\u0130".repeat(1100) + "/p")), "a host that lower-cases longer");
        assertFalse(ItemNormalizer.fits(ItemType.CONTENT_URL,
                n(ItemType.CONTENT_URL, "http://social.example/" + "a".repeat(2048 - 22))), "http becomes https");
    }

    @Test
    void aValueAtTheLimitFitsAndSoDoesItsNormalisedForm() {
        for (ItemType type : ItemType.values()) {
            String value = "a".repeat(ItemNormalizer.MAX_VALUE_LENGTH);
            String normalized = n(type, value);
            assertTrue(ItemNormalizer.fits(type, normalized), type.name());
            assertTrue(normalized.length() <= 2100, "case_item.normalized is varchar(2100)");
        }
        assertTrue(ItemNormalizer.fits(ItemType.ACCOUNT, n(ItemType.ACCOUNT, "@" + "\u0130".repeat(1024))));
    }
}
