package org.electionpool.hub.values.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ValueNormalizerTest {

    @Test
    void aUrlLosesWhatDoesNotChangeTheContent() {
        assertEquals("https://example.fi/a/b?x=1", ValueNormalizer.url("  HTTP://WWW.Example.FI:80/a/b/?x=1#top "));
        assertEquals("https://example.fi:8443/a", ValueNormalizer.url("https://example.fi:8443/a"));
        assertEquals("not a url", ValueNormalizer.url("not a url"));
    }

    @Test
    void aDomainIsLowerCasePunycodeWithoutWwwOrTrailingDot() {
        assertEquals("example.fi", ValueNormalizer.domain("WWW.Example.FI."));
        assertEquals("xn--bcher-kva.example", ValueNormalizer.domain("Bücher.example"), "RFC 3492 form");
    }

    @Test
    void handlesHashtagsAndHashesAreLowerCaseWithoutTheirSigil() {
        assertEquals("fake_ministry", ValueNormalizer.account("@Fake_Ministry"));
        assertEquals("vaalit2027", ValueNormalizer.hashtag("#Vaalit2027"));
        assertEquals("abcdef", ValueNormalizer.hash(" ABCDEF "));
    }

    @Test
    void aNarrativeIsNfcWithCollapsedWhiteSpaceInLowerCase() {
        assertEquals("äänestys onnistuu tekstiviestillä",
                ValueNormalizer.narrative("  A\u0308a\u0308nestys   onnistuu\ttekstiviestilla\u0308 "));
    }
}
