package org.electionpool.hub.api.organizations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class OrganizationIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"fi-ministry-of-justice", "platform-a", "abc", "x9z",
            "a123456789b123456789c123456789d123456789e123456789f123456789abcd"})
    void acceptsUrlSafeSlugs(String value) {
        assertEquals(value, new OrganizationId(value).value());
        assertEquals(Optional.of(new OrganizationId(value)), OrganizationId.parse(value));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"ab", "a123456789b123456789c123456789d123456789e123456789f123456789abcde", "-leading", "trailing-", "Upper", "with space", "dot.ted",
            "slash/ed", "under_score", "ünicode", "../etc", "%2e%2e", "tab\tbed", "new\nline"})
    void refusesAnythingElse(String value) {
        assertTrue(OrganizationId.parse(value).isEmpty());
        if (value != null) {
            assertThrows(IllegalArgumentException.class, () -> new OrganizationId(value));
        }
    }
}
