package org.electionpool.hub.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class TaxiiLoadTest {

    @Test
    void theSeedBundleIsOneStixBundleOfDistinctGreenIndicatorsOfTheElection() {
        JsonObject bundle = Json.createReader(new StringReader(TaxiiLoad.bundle("bench-x", 3))).readObject();
        assertEquals("bundle", bundle.getString("type"));
        assertEquals(3, bundle.getJsonArray("objects").size());
        assertEquals(3, bundle.getJsonArray("objects").stream().map(o -> o.asJsonObject().getString("pattern")).distinct().count());
        assertEquals("bench-x", bundle.getJsonArray("objects").getJsonObject(0).getString("x_hub_election"));
    }

    @Test
    void refusesANonLoopbackHubAndWrongArguments() {
        assertThrows(IllegalArgumentException.class, () -> TaxiiLoad.main(new String[] {"http://example.com", "k", "1", "1"}));
        assertThrows(IllegalArgumentException.class, () -> TaxiiLoad.main(new String[] {"http://localhost:8080"}));
    }
}
