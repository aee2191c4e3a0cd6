package org.electionpool.hub.api.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Set;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.api.organizations.OrganizationId;
import org.electionpool.hub.api.organizations.OrganizationKind;
import org.electionpool.hub.api.problem.HubException;
import org.electionpool.hub.api.problem.ProblemType;
import org.junit.jupiter.api.Test;

/** The SYSTEM rule of {@link Caller} and the shared checks of {@link Authorization}. */
class CallerTest {

    private static final OrganizationId ALPHA = new OrganizationId("platform-alpha");
    private static final OrganizationId OPERATOR = new OrganizationId("hub-operator");

    @Test
    void theHubItselfIsTheOnlySystemCaller() {
        Caller hub = Caller.system("demo-seeder");
        assertEquals(Caller.HUB, hub.organization());
        assertEquals(OrganizationKind.OPERATOR, hub.kind());
        assertTrue(hub.isSystem() && hub.isOperator());
        assertThrows(IllegalArgumentException.class,
                () -> new Caller(OPERATOR, OrganizationKind.OPERATOR, "x", Caller.Channel.SYSTEM), "a member as SYSTEM");
        assertThrows(IllegalArgumentException.class,
                () -> new Caller(Caller.HUB, OrganizationKind.AUDITOR, "x", Caller.Channel.SYSTEM), "the hub as another kind");
    }

    @Test
    void aPersonActsThroughTheUi() {
        Caller person = Caller.person(ALPHA, OrganizationKind.PLATFORM, "anna", Set.of(Role.VIEWER));
        assertEquals(Caller.Channel.UI, person.channel());
        assertEquals("anna", person.principal());
    }

    @Test
    void aPersonHoldsOnlyTheRolesTheirOrganisationsKindAllows() {
        assertThrows(IllegalArgumentException.class,
                () -> Caller.person(ALPHA, OrganizationKind.PLATFORM, "anna", Set.of(Role.AUDITOR)));
        assertThrows(IllegalArgumentException.class,
                () -> Caller.person(ALPHA, OrganizationKind.PLATFORM, "anna", Set.of(Role.OPERATOR)));
        assertThrows(IllegalArgumentException.class,
                () -> Caller.person(OPERATOR, OrganizationKind.OPERATOR, "olli", Set.of(Role.CASE_OFFICER)));
        assertThrows(IllegalArgumentException.class,
                () -> Caller.person(ALPHA, OrganizationKind.PLATFORM, "anna", Set.of()), "no role");
        assertThrows(IllegalArgumentException.class, () -> new Caller(ALPHA, OrganizationKind.PLATFORM, "kid",
                Caller.Channel.API, Set.of(Role.VIEWER)), "a machine caller with fewer rights than its organisation");
    }

    @Test
    void aRoleNarrowsWhatAPersonMayDoAndAMachineHoldsEveryRole() {
        Caller viewer = Caller.person(ALPHA, OrganizationKind.PLATFORM, "vera", Set.of(Role.VIEWER));
        HubException refused = assertThrows(HubException.class,
                () -> Authorization.requireRole(viewer, Role.CASE_OFFICER));
        assertEquals(ProblemType.FORBIDDEN, refused.type());
        Caller officer = Caller.person(ALPHA, OrganizationKind.PLATFORM, "otto", Set.of(Role.CASE_OFFICER, Role.ANALYST));
        Authorization.requireRole(officer, Role.ANALYST, Role.ORG_ADMIN);
        Caller machine = new Caller(ALPHA, OrganizationKind.PLATFORM, "kid", Caller.Channel.API);
        for (Role role : Role.values()) {
            Authorization.requireRole(machine, role);
        }
    }

    private static AuditContext api(OrganizationId org) {
        return new AuditContext(Caller.Channel.API, org, "kid", "jti", null, null, Instant.now());
    }

    @Test
    void aCallerActsOnlyUnderItsOwnEvidence() {
        Caller alpha = new Caller(ALPHA, OrganizationKind.PLATFORM, "kid", Caller.Channel.API);
        Authorization.requireSameActor(alpha, api(ALPHA));
        assertThrows(IllegalArgumentException.class, () -> Authorization.requireSameActor(alpha, api(OPERATOR)));
        assertThrows(IllegalArgumentException.class, () -> Authorization.requireSameActor(alpha, AuditContext.system("x")));
        assertThrows(IllegalArgumentException.class, () -> Authorization.requireSameActor(
                Caller.person(ALPHA, OrganizationKind.PLATFORM, "anna", Set.of(Role.VIEWER)), api(ALPHA)), "another channel");
        Authorization.requireSameActor(Caller.system("x"), AuditContext.system("x"));
        assertThrows(IllegalArgumentException.class, () -> Authorization.requireSameActor(Caller.system("x"), api(ALPHA)));
        assertThrows(IllegalArgumentException.class, () -> Authorization.requireSameActor(Caller.system("x"),
                AuditContext.unauthenticated()));
    }

    @Test
    void roleChecksRefuseWithForbidden() {
        Caller alpha = new Caller(ALPHA, OrganizationKind.PLATFORM, "kid", Caller.Channel.API);
        Caller operator = new Caller(OPERATOR, OrganizationKind.OPERATOR, "kid", Caller.Channel.API);
        assertEquals(ProblemType.FORBIDDEN, assertThrows(HubException.class, () -> Authorization.requireOperator(alpha)).type());
        Authorization.requireOperator(operator);
        Authorization.requireOperator(Caller.system("x"));
        Authorization.requireSelfOrOperator(alpha, ALPHA);
        Authorization.requireSelfOrOperator(operator, ALPHA);
        assertEquals(ProblemType.FORBIDDEN, assertThrows(HubException.class,
                () -> Authorization.requireSelfOrOperator(alpha, new OrganizationId("platform-beta"))).type());
        Authorization.requireMember(alpha);
        assertEquals(ProblemType.FORBIDDEN, assertThrows(HubException.class,
                () -> Authorization.requireMember(Caller.system("x"))).type());
        Authorization.requireKind(alpha, OrganizationKind.PLATFORM, "platforms only");
        assertEquals("platforms only", assertThrows(HubException.class,
                () -> Authorization.requireKind(operator, OrganizationKind.PLATFORM, "platforms only")).getMessage());
    }
}
