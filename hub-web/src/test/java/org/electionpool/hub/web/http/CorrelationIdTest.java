package org.electionpool.hub.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CorrelationIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"gateway-1234abcd", "0b7c9d6e-1a2b-4c3d-8e9f-001122334455", "A.b_C-d.12345678"})
    void keepsSafeTokensFromTheCaller(String offered) {
        assertEquals(offered, CorrelationId.accept(offered));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"short", "with space 12345", "line\nbreak-12345",
            "x12345678901234567890123456789012345678901234567890123456789012345", "quote\"-12345678",
            "ünïcode-12345678"})
    void replacesAnythingElseWithAFreshUuid(String offered) {
        String id = CorrelationId.accept(offered);
        assertNotEquals(offered, id);
        assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), id);
    }

    @Test
    void freshIdsDiffer() {
        assertNotEquals(CorrelationId.accept(null), CorrelationId.accept(null));
    }

    @Test
    void noRequestMeansNoId() {
        assertEquals(null, CorrelationId.of(null));
    }
}
