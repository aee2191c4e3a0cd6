package org.electionpool.hub.web.taxii;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TaxiiMediaTest {

    @Test
    void whatTheRealClientsSendIsAcceptable() {
        for (String accept : List.of("application/taxii+json;version=2.1", "application/taxii+json; version=2.1",
                "application/taxii+json", "Application/TAXII+json;Version=2.1", "*/*", "application/*",
                "text/html, application/taxii+json;version=2.1;q=0.9")) {
            assertTrue(TaxiiMedia.acceptable(accept), accept);
        }
        assertTrue(TaxiiMedia.acceptable(null), "no Accept: anything goes (RFC 9110)");
    }

    @Test
    void anAcceptThatExcludesTaxii21IsNotAcceptable() {
        for (String accept : List.of("application/json", "application/taxii+json;version=2.0", "text/html",
                "application/stix+json;version=2.1")) {
            assertFalse(TaxiiMedia.acceptable(accept), accept);
        }
    }

    @Test
    void onlyATaxiiBodyIsATaxiiBody() {
        assertTrue(TaxiiMedia.isTaxii("application/taxii+json;version=2.1"));
        assertTrue(TaxiiMedia.isTaxii("application/taxii+json"));
        assertTrue(TaxiiMedia.isTaxii("application/taxii+json; charset=utf-8; version=2.1"));
        assertFalse(TaxiiMedia.isTaxii("application/json"));
        assertFalse(TaxiiMedia.isTaxii("application/taxii+json;version=2.0"));
        assertFalse(TaxiiMedia.isTaxii(null));
    }
}
