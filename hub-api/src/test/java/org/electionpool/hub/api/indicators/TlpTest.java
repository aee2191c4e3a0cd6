package org.electionpool.hub.api.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TlpTest {

    @Test
    void theWireFormsAreTlp20s() {
        assertEquals(Optional.of(Tlp.AMBER_STRICT), Tlp.parse("AMBER+STRICT"));
        assertEquals("AMBER+STRICT", Tlp.AMBER_STRICT.label());
        assertTrue(Tlp.parse("WHITE").isEmpty(), "TLP 1.0's WHITE is CLEAR in 2.0");
        assertTrue(Tlp.parse("amber").isEmpty());
        assertTrue(Tlp.parse(null).isEmpty());
        for (Tlp t : Tlp.values()) {
            assertTrue(t.label().matches(Tlp.PATTERN));
        }
    }

    @Test
    void tightnessOrdersDerivationAndOnlyAmberTakesGroups() {
        assertTrue(Tlp.RED.atLeast(Tlp.AMBER_STRICT));
        assertTrue(Tlp.AMBER.atLeast(Tlp.AMBER));
        assertFalse(Tlp.GREEN.atLeast(Tlp.AMBER));
        assertFalse(Tlp.GREEN.namesRecipients());
        assertTrue(Tlp.AMBER_STRICT.namesRecipients());
        assertTrue(Tlp.AMBER.allowsGroups());
        assertFalse(Tlp.AMBER_STRICT.allowsGroups());
        assertFalse(Tlp.RED.allowsGroups());
    }
}
