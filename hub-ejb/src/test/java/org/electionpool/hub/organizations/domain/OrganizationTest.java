package org.electionpool.hub.organizations.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.electionpool.hub.api.organizations.OrganizationId;
import org.electionpool.hub.api.organizations.OrganizationKind;
import org.electionpool.hub.api.organizations.OrganizationStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrganizationTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void newOrganizationIsActiveAndTrimmed() {
        Organization o = new Organization(new OrganizationId("platform-a"), "  Platform A  ",
                OrganizationKind.PLATFORM, "IE", " trust@platform-a.example ", NOW);
        assertEquals(OrganizationStatus.ACTIVE, o.status());
        assertEquals("Platform A", o.name());
        assertEquals("trust@platform-a.example", o.contactPoint());
        assertEquals(NOW, o.createdAt());
        assertEquals(NOW, o.updatedAt());
        assertEquals(new OrganizationId("platform-a"), o.id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t"})
    void blankNameIsRefused(String name) {
        assertThrows(IllegalArgumentException.class, () -> new Organization(new OrganizationId("platform-a"), name,
                OrganizationKind.PLATFORM, "IE", "x@example.org", NOW));
    }

    @Test
    void missingKindIsRefused() {
        assertThrows(NullPointerException.class, () -> new Organization(new OrganizationId("platform-a"), "A",
                null, "IE", "x@example.org", NOW));
    }
}
