package org.electionpool.hub.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TaxiiLoadTest {

    @Test
    void theSeedBundleIsOneStixBundleOfDistinctGreenIndicatorsOfTheElection() {
        String bundle = TaxiiLoad.bundle("bench-x", 3);
        assertTrue(bundle.startsWith("{\"type\":\"bundle\",\"id\":\"bundle--") && bundle.endsWith("]}"));
        Matcher m = Pattern.compile("\\[text:value = '(#bench[0-9a-f]{32})'\\]").matcher(bundle);
        java.util.Set<String> values = new java.util.HashSet<>();
        while (m.find()) {
            values.add(m.group(1));
        }
        assertEquals(3, values.size(), "three distinct hashtags");
        assertEquals(3, bundle.split("\"x_hub_election\":\"bench-x\"", -1).length - 1);
        assertEquals(3, bundle.split("marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb", -1).length - 1, "TLP:GREEN");
    }

    @Test
    void refusesANonLoopbackHubAndWrongArguments() {
        assertThrows(IllegalArgumentException.class, () -> TaxiiLoad.main(new String[] {"http://example.com", "k", "1", "1"}));
        assertThrows(IllegalArgumentException.class, () -> TaxiiLoad.main(new String[] {"http://localhost:8080"}));
    }
}
