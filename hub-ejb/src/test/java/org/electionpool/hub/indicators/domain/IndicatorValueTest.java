package org.electionpool.hub.indicators.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.electionpool.hub.api.cases.ItemType;
import org.electionpool.hub.api.indicators.IndicatorType;
import org.electionpool.hub.api.problem.FieldViolation;
import org.electionpool.hub.cases.domain.ItemNormalizer;
import org.junit.jupiter.api.Test;

class IndicatorValueTest {

    private static List<String> fields(IndicatorValue v) {
        return v.violations().stream().map(FieldViolation::field).toList();
    }

    @Test
    void eachTypeAcceptsWhatItIs() {
        assertEquals(List.of(), fields(new IndicatorValue(IndicatorType.URL, "https://example.fi/x", null, null, null)));
        assertEquals(List.of(), fields(new IndicatorValue(IndicatorType.DOMAIN, "vaalit.example", null, null, null)));
        assertEquals(List.of(), fields(new IndicatorValue(IndicatorType.ACCOUNT, "@fake", "x.com", null, null)));
        assertEquals(List.of(), fields(new IndicatorValue(IndicatorType.HASHTAG, "#vaalit2027", null, null, null)));
        assertEquals(List.of(), fields(new IndicatorValue(IndicatorType.CONTENT_HASH, "a".repeat(64), null, "PDQ", null)));
        assertEquals(List.of(), fields(new IndicatorValue(IndicatorType.CONTENT_HASH, "ab".repeat(40), null, "TMK", null)));
        assertEquals(List.of(), fields(new IndicatorValue(IndicatorType.NARRATIVE, "You can vote by SMS", null, null, "en")));
    }

    @Test
    void eachTypeRefusesWhatItIsNotAndMembersItDoesNotUse() {
        assertEquals(List.of("value"), fields(new IndicatorValue(IndicatorType.URL, "ftp://example.fi/x", null, null, null)));
        assertEquals(List.of("value"), fields(new IndicatorValue(IndicatorType.URL, "javascript:alert(1)", null, null, null)));
        assertEquals(List.of("value"), fields(new IndicatorValue(IndicatorType.DOMAIN, "localhost", null, null, null)));
        assertEquals(List.of("value"), fields(new IndicatorValue(IndicatorType.DOMAIN, "a_b.example", null, null, null)));
        assertEquals(List.of("platform"), fields(new IndicatorValue(IndicatorType.ACCOUNT, "@fake", null, null, null)));
        assertEquals(List.of("value"), fields(new IndicatorValue(IndicatorType.ACCOUNT, "two words", "x.com", null, null)));
        assertEquals(List.of("value"), fields(new IndicatorValue(IndicatorType.HASHTAG, "#", null, null, null)));
        assertEquals(List.of("value"), fields(new IndicatorValue(IndicatorType.CONTENT_HASH, "a".repeat(63), null, "SHA-256", null)));
        assertEquals(List.of("value"), fields(new IndicatorValue(IndicatorType.CONTENT_HASH, "zz".repeat(32), null, "SHA-256", null)));
        assertEquals(List.of("algorithm"), fields(new IndicatorValue(IndicatorType.CONTENT_HASH, "a".repeat(64), null, null, null)));
        assertEquals(List.of("language"), fields(new IndicatorValue(IndicatorType.NARRATIVE, "claim", null, null, null)));
        assertEquals(List.of("platform", "algorithm", "language"),
                fields(new IndicatorValue(IndicatorType.URL, "https://example.fi", "x.com", "MD5", "fi")));
    }

    @Test
    void theNormalisedFormIsTheCaseItemsOneWithPlatformOrAlgorithm() {
        IndicatorValue url = new IndicatorValue(IndicatorType.URL, "HTTP://www.Example.fi/a/", null, null, null);
        assertEquals(ItemNormalizer.normalize(ItemType.CONTENT_URL, "HTTP://www.Example.fi/a/").substring("CONTENT_URL:".length()),
                url.normalized(), "one implementation for items and indicators");
        assertEquals("x.com:fake", new IndicatorValue(IndicatorType.ACCOUNT, "@Fake", "x.com", null, null).normalized());
        assertEquals("sha-256:" + "a".repeat(64),
                new IndicatorValue(IndicatorType.CONTENT_HASH, "A".repeat(64), null, "SHA-256", null).normalized());
    }

    @Test
    void theSameThingFromTwoAuthorsHasOneReportKeyAndTheValueSearchIgnoresThePlatform() {
        IndicatorValue a = new IndicatorValue(IndicatorType.ACCOUNT, "@Fake", "x.com", null, null);
        IndicatorValue b = new IndicatorValue(IndicatorType.ACCOUNT, "fake", "x.com", null, null);
        IndicatorValue c = new IndicatorValue(IndicatorType.ACCOUNT, "fake", "tiktok", null, null);
        assertEquals(a.reportKey(), b.reportKey());
        assertNotEquals(a.reportKey(), c.reportKey(), "another platform's account is another account");
        assertEquals(a.valueKey(), c.valueKey());
        assertEquals(a.valueKey(), IndicatorValue.valueKey(IndicatorType.ACCOUNT, "@FAKE"));
        assertNotEquals(IndicatorValue.valueKey(IndicatorType.HASHTAG, "fake"), a.valueKey(), "types never match");
        assertTrue(a.valueKey().matches("[A-Za-z0-9_-]{43}"));
    }
}
