package org.electionpool.hub.indicators.stix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.electionpool.hub.api.indicators.IndicatorType;
import org.electionpool.hub.indicators.domain.IndicatorValue;
import org.junit.jupiter.api.Test;

class StixPatternsTest {

    private static IndicatorValue v(IndicatorType t, String value, String platform, String algorithm, String language) {
        return new IndicatorValue(t, value, platform, algorithm, language);
    }

    @Test
    void everyTypeIsWrittenInItsOneFormAndReadBackToTheSameNormalisedValue() {
        List<IndicatorValue> values = List.of(
                v(IndicatorType.URL, "HTTPS://Forged.Example/vote?q='a'", null, null, null),
                v(IndicatorType.DOMAIN, "www.Forged.example", null, null, null),
                v(IndicatorType.ACCOUNT, "@Fake_Ministry", "x.com", null, null),
                v(IndicatorType.HASHTAG, "#VoteBySMS", null, null, null),
                v(IndicatorType.CONTENT_HASH, "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855", null, "SHA-256", null),
                v(IndicatorType.CONTENT_HASH, "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22", null, "PDQ", null),
                v(IndicatorType.NARRATIVE, "Äänestää voi tekstiviestillä \\ 'lainaus'", null, null, "fi"));
        for (IndicatorValue value : values) {
            String pattern = StixPatterns.pattern(value);
            IndicatorValue back = StixPatterns.parse(pattern, value.language()).orElseThrow(() -> new AssertionError(pattern));
            assertEquals(value.type(), back.type(), pattern);
            assertEquals(value.normalized(), back.normalized(), pattern);
            assertTrue(back.violations().isEmpty(), pattern + " " + back.violations());
        }
    }

    @Test
    void stringLiteralsEscapeBackslashAndQuoteAndNothingElse() {
        assertEquals("'a\\'b\\\\c\"d'", StixPatterns.literal("a'b\\c\"d"));
        assertEquals("[url:value = 'https://x.example/\\'']",
                StixPatterns.pattern(v(IndicatorType.URL, "https://x.example/'", null, null, null)));
    }

    @Test
    void otherToolsSpellingsOfTheSameFormsAreRead() {
        assertEquals(IndicatorType.URL, StixPatterns.parse("[url:value='https://a.example/']", null).orElseThrow().type());
        IndicatorValue account = StixPatterns.parse(
                "[user-account:account_login = 'h' AND user-account:account_type = 'Telegram']", null).orElseThrow();
        assertEquals("telegram", account.platform());
        assertEquals("MD5", StixPatterns.parse("[file:hashes.MD5 = 'd41d8cd98f00b204e9800998ecf8427e']", null)
                .orElseThrow().algorithm());
        assertEquals("SHA-256", StixPatterns.parse("[file:hashes.'SHA256' = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855']", null)
                .orElseThrow().algorithm());
    }

    @Test
    void aLongLiteralFullOfEscapesIsReadWithoutRecursion() {
        String value = "https://x.example/" + "\\'".repeat(1000);
        String pattern = "[url:value = " + StixPatterns.literal(value) + "]";
        assertTrue(pattern.length() > 4000 && pattern.length() <= 4200, "near the longest pattern read: " + pattern.length());
        assertEquals(value, StixPatterns.parse(pattern, null).orElseThrow().value());
    }

    @Test
    void patternsTheHubCannotRepresentAreNotRead() {
        for (String p : List.of("[ipv4-addr:value = '10.0.0.1']", "[url:value = 'a'] OR [url:value = 'b']",
                "[url:value = 'a' AND url:value = 'b']", "[url:value MATCHES 'a.*']", "[url:value = 'unterminated]",
                "[url:value = 'a\\'']x", "[user-account:account_type = 'a' AND user-account:account_type = 'b']",
                "", "[]", "[url:value = \"double\"]")) {
            assertTrue(StixPatterns.parse(p, null).isEmpty(), p);
        }
    }
}
