package org.electionpool.hub.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class UiRenderLoadTest {

    @Test
    void theNextCursorIsReadFromTheNextLinkWhateverItsAttributeOrder() {
        assertEquals("abc123", UiRenderLoad.next("<nav><a href=\"/ui/cases.xhtml?after=abc123\" id=\"next-page\">Next</a></nav>"));
        assertEquals("abc123", UiRenderLoad.next("<a id=\"next-page\" href=\"/ui/cases.xhtml?kind=X&amp;after=abc123\">Next</a>"));
        assertEquals(null, UiRenderLoad.next("<a id=\"first-page\" href=\"/ui/cases.xhtml?after=abc\">First</a>"));
    }

    @Test
    void refusesANonLoopbackHubAndWrongArguments() {
        assertThrows(IllegalArgumentException.class, () -> UiRenderLoad.main(
                new String[] {"http://example.com", "k", "u", "p", "1", "1", "1"}));
        assertThrows(IllegalArgumentException.class, () -> UiRenderLoad.main(new String[] {"http://localhost:8080"}));
        assertThrows(IllegalArgumentException.class, () -> UiRenderLoad.main(
                new String[] {"http://localhost:8080", "k", "u", "p", "-1", "0", "1"}));
    }
}
