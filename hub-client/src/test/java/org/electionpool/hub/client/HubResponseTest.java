package org.electionpool.hub.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class HubResponseTest {

    private static HubResponse problem(String json) {
        return new HubResponse(404, true, null, json, null, null, "jti");
    }

    @Test
    void problemTypeIsReadAsJsonNotAsText() {
        assertEquals(Optional.of("urn:electionpool:problem:not-found"),
                problem("{\"detail\":\"a \\\"type\\\":\\\"decoy\\\" in text\",\"type\":\"urn:electionpool:problem:not-found\"}")
                        .problemType());
    }

    @Test
    void missingOrMalformedTypeGivesNothing() {
        assertEquals(Optional.empty(), problem("{\"title\":\"x\"}").problemType());
        assertEquals(Optional.empty(), problem("{\"type\":42}").problemType());
        assertEquals(Optional.empty(), problem("not json").problemType());
        assertEquals(Optional.empty(), new HubResponse(200, true, "{}", null, null, null, "jti").problemType());
    }
}
