package org.electionpool.hub.web.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How a violation finds its field and its translation key. */
class ProblemsTest {

    @Test
    void anElementOfAListOfValuesBelongsToTheListsField() {
        assertEquals("techniques", Problems.field("techniques[1].<list element>"));
        assertEquals("distribution.organizations", Problems.field("distribution.organizations[0].<list element>"));
    }

    @Test
    void aMemberOfARowKeepsItsPath() {
        assertEquals("items[0].value", Problems.field("items[0].value"));
        assertEquals("title", Problems.field("title"));
    }

    @Test
    void theSlugOfAMessageIsLowerCaseWordsJoinedByHyphens() {
        assertEquals("must-be-a-tlp-2-0-marking", Problems.slug("must be a TLP 2.0 marking"));
        assertEquals("must-be-a-platform-name-such-as-x-com-or-tiktok", Problems.slug("must be a platform name such as x.com or tiktok"));
    }
}
