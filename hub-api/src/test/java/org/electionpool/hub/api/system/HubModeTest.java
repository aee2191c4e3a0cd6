package org.electionpool.hub.api.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HubModeTest {

    @Test
    void parsesBothModesInAnyCase() {
        assertEquals(HubMode.DEV, HubMode.parse("dev"));
        assertEquals(HubMode.PROD, HubMode.parse(" PROD "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "production", "development", "test"})
    void refusesAnythingElseNamingTheKey(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HubMode.parse(value));
        assertTrue(e.getMessage().contains("hub.mode"), e.getMessage());
    }

    @Test
    void refusesNull() {
        assertThrows(IllegalArgumentException.class, () -> HubMode.parse(null));
    }
}
