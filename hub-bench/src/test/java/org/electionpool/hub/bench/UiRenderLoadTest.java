package org.electionpool.hub.bench;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class UiRenderLoadTest {

    @Test
    void refusesANonLoopbackHubAndWrongArguments() {
        assertThrows(IllegalArgumentException.class, () -> UiRenderLoad.main(
                new String[] {"http://example.com", "k", "u", "p", "1", "1", "1"}));
        assertThrows(IllegalArgumentException.class, () -> UiRenderLoad.main(new String[] {"http://localhost:8080"}));
        assertThrows(IllegalArgumentException.class, () -> UiRenderLoad.main(
                new String[] {"http://localhost:8080", "k", "u", "p", "-1", "0", "1"}));
    }
}
