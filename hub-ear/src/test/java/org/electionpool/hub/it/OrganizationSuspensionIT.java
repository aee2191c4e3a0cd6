package org.electionpool.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.electionpool.hub.client.HubClient;
import org.electionpool.hub.client.HubResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator suspends an organisation and makes it active again
 * ({@code POST /api/v1/organizations/{orgId}/status}): while suspended, nothing it signs is
 * accepted; nobody else may change a status; a stranger learns nothing from a malformed id; the
 * operator's own organisation is never suspended.
 */
@ExtendWith(ArquillianExtension.class)
class OrganizationSuspensionIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return HubDeployment.ear();
    }

    private static String status(String status, String reason) {
        return "{\"status\":\"" + status + "\",\"reason\":\"" + reason + "\"}";
    }

    @Test
    void aSuspendedPlatformSignsNothingUntilTheOperatorReactivatesIt() {
        HubClient operator = DemoClients.as(DemoClients.OPERATOR);
        HubClient beta = DemoClients.as(DemoClients.PLATFORM_B);
        assertEquals(200, beta.get("/api/v1/organizations/" + DemoClients.PLATFORM_B).status());
        try {
            HubResponse suspended = operator.post("/api/v1/organizations/" + DemoClients.PLATFORM_B + "/status",
                    status("SUSPENDED", "test of suspension"));
            assertEquals(200, suspended.status(), suspended.problem());
            assertTrue(suspended.body().contains("\"status\":\"SUSPENDED\""), suspended.body());
            HubResponse refused = beta.get("/api/v1/organizations/" + DemoClients.PLATFORM_B);
            assertNotEquals(200, refused.status(), "a suspended organisation's signature is not accepted");
            assertTrue(refused.problemType().isPresent(), "a problem answer: " + refused.status());
            assertEquals(409, operator.post("/api/v1/organizations/" + DemoClients.PLATFORM_B + "/status",
                    status("SUSPENDED", "again")).status(), "already suspended");
        } finally {
            HubResponse active = operator.post("/api/v1/organizations/" + DemoClients.PLATFORM_B + "/status",
                    status("ACTIVE", "test over"));
            assertEquals(200, active.status(), active.problem());
        }
        assertEquals(200, beta.get("/api/v1/organizations/" + DemoClients.PLATFORM_B).status(), "accepted again");
    }

    @Test
    void onlyTheOperatorChangesAStatusAndNeverItsOwn() {
        HubClient alpha = DemoClients.as(DemoClients.PLATFORM_A);
        HubClient operator = DemoClients.as(DemoClients.OPERATOR);
        assertEquals(403, alpha.post("/api/v1/organizations/" + DemoClients.PLATFORM_B + "/status",
                status("SUSPENDED", "a rival")).status());
        assertEquals(403, alpha.post("/api/v1/organizations/Not_An_Id/status", status("SUSPENDED", "x")).status(),
                "a stranger is refused before anything is looked up");
        assertEquals(404, operator.post("/api/v1/organizations/no-such-organisation/status", status("SUSPENDED", "x"))
                .status());
        assertEquals(409, operator.post("/api/v1/organizations/" + DemoClients.OPERATOR + "/status",
                status("SUSPENDED", "x")).status());
        assertEquals(400, operator.post("/api/v1/organizations/" + DemoClients.PLATFORM_B + "/status",
                "{\"status\":\"DELETED\"}").status(), "no such status");
    }
}
