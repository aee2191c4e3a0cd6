package org.electionpool.hub.protocol.stix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Vectors: the OASIS stix2 library's own test of a deterministic {@code domain-name} id
 * (stix2/test/v21/test_observed_data.py), and ids computed with the library's rules for the
 * objects the hub exports (docs/research/taxii-stix-clients.md, "Worked examples").
 */
class StixIdsTest {

    @Test
    void theStix2LibrarysOwnVector() {
        assertEquals("domain-name--5b5803bf-a7eb-5076-b799-96aa574c44eb", StixIds.sco("domain-name", Map.of("value", "mitre.org")));
    }

    @Test
    void urlsDomainsAccountsAndFileHashes() {
        assertEquals("url--be22e93a-5e33-5678-b19f-8b4ea06df0bd", StixIds.sco("url", Map.of("value", "https://example.com/")));
        assertEquals("url--47c3cf9a-5027-5bf0-997a-017c7edc7c55",
                StixIds.sco("url", Map.of("value", "https://example.com/research/index.html")));
        assertEquals("url--1ed5365c-01f5-575d-bf5a-250ff06ee2a6", StixIds.sco("url", Map.of("value", "https://exämple.com/ü")),
                "UTF-8, never escaped");
        assertEquals("domain-name--bedb4899-d24b-5401-bc86-8f6b4cc18ec7", StixIds.sco("domain-name", Map.of("value", "example.com")));
        assertEquals("file--22f8ff52-8f62-5f03-a53a-6f50f54fd74c", StixIds.sco("file", Map.of("hashes",
                Map.of("SHA-256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"))));
    }

    @Test
    void theOrderOfContributingPropertiesDoesNotMatter() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("account_type", "twitter");
        a.put("account_login", "example_user");
        Map<String, String> b = new LinkedHashMap<>();
        b.put("account_login", "example_user");
        b.put("account_type", "twitter");
        assertEquals("user-account--9218b15c-ddef-5eac-8c1b-353d67f3fae9", StixIds.sco("user-account", a));
        assertEquals(StixIds.sco("user-account", a), StixIds.sco("user-account", b));
    }

    @Test
    void version5NotVersion3() {
        UUID id = StixIds.uuid5(StixIds.NAMESPACE, "x".getBytes(StandardCharsets.UTF_8));
        assertEquals(5, id.version());
        assertEquals(2, id.variant());
        // RFC 9562 Appendix A.4: UUIDv5 of "www.example.com" in the DNS namespace
        assertEquals(UUID.fromString("2ed6657d-e927-568b-95e1-2665a8aea6a2"), StixIds.uuid5(
                UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "www.example.com".getBytes(StandardCharsets.UTF_8)));
    }
}
