package org.electionpool.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.electionpool.hub.api.organizations.CreateOrganizationRequest;
import org.electionpool.hub.api.organizations.OrganizationId;
import org.electionpool.hub.api.organizations.OrganizationKind;
import org.electionpool.hub.api.organizations.OrganizationService;
import org.electionpool.hub.api.organizations.OrganizationStatus;
import org.electionpool.hub.api.organizations.OrganizationView;
import org.electionpool.hub.api.problem.HubException;
import org.electionpool.hub.api.problem.ProblemType;
import org.electionpool.hub.api.system.DatabaseStatus;
import org.electionpool.hub.api.system.HubStatusService;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs inside WildFly: a round trip through the organisation EJB on the configured database, and
 * the schema Flyway left there.
 */
@ExtendWith(ArquillianExtension.class)
class PersistenceRoundTripIT {

    private static final String SERVICES = "java:global/hub/hub-ejb/";

    private static final org.electionpool.hub.api.audit.AuditContext IT =
            org.electionpool.hub.api.audit.AuditContext.system("persistence-it");

    private static final org.electionpool.hub.api.security.Caller HUB =
            org.electionpool.hub.api.security.Caller.system("persistence-it");

    @Deployment
    static EnterpriseArchive deployment() {
        return HubDeployment.earWithTests(PersistenceRoundTripIT.class, ExpectedDatabase.class);
    }

    private static <T> T lookup(String bean, Class<T> type) throws NamingException {
        return type.cast(new InitialContext().lookup(SERVICES + bean + "!" + type.getName()));
    }

    @Test
    void organizationSurvivesARoundTripThroughTheEjb() throws Exception {
        OrganizationService service = lookup("OrganizationServiceBean", OrganizationService.class);
        String id = "it-ministry-" + UUID.randomUUID().toString().substring(0, 8);
        OrganizationView created = service.create(HUB, IT, new CreateOrganizationRequest(id, "Ministry of Justice",
                OrganizationKind.AUTHORITY, "FI", "https://oikeusministerio.fi/en/contact"));

        OrganizationView found = service.find(HUB, new OrganizationId(id)).orElseThrow();
        assertEquals(created, found, "what was stored is what is read back, in a new transaction");
        assertEquals(OrganizationStatus.ACTIVE, found.status());
        assertTrue(service.list(HUB).contains(found));
    }

    @Test
    void duplicateIsRefusedWithAnApplicationExceptionNotAnEjbException() throws Exception {
        OrganizationService service = lookup("OrganizationServiceBean", OrganizationService.class);
        String id = "it-auditor-" + UUID.randomUUID().toString().substring(0, 8);
        CreateOrganizationRequest request = new CreateOrganizationRequest(id, "Audit Office",
                OrganizationKind.AUDITOR, "SE", "registrator@example.se");
        service.create(HUB, IT, request);
        HubException e = org.junit.jupiter.api.Assertions.assertThrows(HubException.class, () -> service.create(HUB, IT, request));
        assertEquals(ProblemType.ALREADY_EXISTS, e.type());
        assertEquals(1, entriesAbout(id), "the refused duplicate's entry rolled back with it");
    }

    @Test
    void changeAndItsAuditEntryCommitTogetherOrNotAtAll() throws Exception {
        OrganizationService service = lookup("OrganizationServiceBean", OrganizationService.class);
        jakarta.transaction.UserTransaction tx = (jakarta.transaction.UserTransaction) new InitialContext()
                .lookup("java:comp/UserTransaction");
        String rolledBack = "it-rollback-" + UUID.randomUUID().toString().substring(0, 8);
        tx.begin();
        service.create(HUB, IT, new CreateOrganizationRequest(rolledBack, "Rolled back", OrganizationKind.PLATFORM, "FI",
                "x@example.org"));
        tx.rollback();
        assertTrue(service.find(HUB, new OrganizationId(rolledBack)).isEmpty());
        assertEquals(0, entriesAbout(rolledBack), "no entry without its change");

        String committed = "it-commit-" + UUID.randomUUID().toString().substring(0, 8);
        tx.begin();
        service.create(HUB, IT, new CreateOrganizationRequest(committed, "Committed", OrganizationKind.PLATFORM, "FI",
                "x@example.org"));
        tx.commit();
        assertTrue(service.find(HUB, new OrganizationId(committed)).isPresent());
        assertEquals(1, entriesAbout(committed), "no change without its entry");
    }

    /** Counts, in a connection of its own, the committed entries about one organisation. */
    private static long entriesAbout(String organization) throws Exception {
        DataSource dataSource = (DataSource) new InitialContext().lookup(ExpectedDatabase.jndiName());
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from audit_entry where target_type = 'organization'"
                     + " and target_id = ?")) {
            s.setString(1, organization);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void hubReportsTheConfiguredDatabaseAndItsSchemaVersion() throws Exception {
        DatabaseStatus status = lookup("HubStatusServiceBean", HubStatusService.class).database();
        assertTrue(status.up());
        assertEquals(ExpectedDatabase.product(), status.product());
        assertEquals(ShippedMigrations.latest(), status.schemaVersion());
    }

    @Test
    void flywayRecordedEveryMigrationAsSuccessful() throws Exception {
        DataSource dataSource = (DataSource) new InitialContext().lookup(ExpectedDatabase.jndiName());
        List<String> versions = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select \"version\", \"success\" from \"flyway_schema_history\""
                     + " where \"version\" is not null order by \"installed_rank\"");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                assertTrue(rs.getBoolean(2), "migration " + rs.getString(1) + " succeeded");
                versions.add(rs.getString(1));
            }
        }
        assertEquals(ShippedMigrations.versions(), versions);
    }

    @Test
    void expiredReplayRecordsAreForgottenAndLiveOnesKept() throws Exception {
        DataSource dataSource = (DataSource) new InitialContext().lookup(ExpectedDatabase.jndiName());
        String expired = "it-expired-" + UUID.randomUUID();
        String live = "it-live-" + UUID.randomUUID();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("insert into hxp_replay (issuer, jti, expires_at) values (?, ?, ?)")) {
            for (String[] row : new String[][] {{expired, "-600"}, {live, "600"}}) {
                s.setString(1, "hub-operator");
                s.setString(2, row[0]);
                s.setObject(3, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(Long.parseLong(row[1])));
                s.executeUpdate();
            }
        }
        Object cleaner = new InitialContext().lookup("java:global/hub/hub-ejb/ReplayStoreCleaner");
        int removed = (Integer) cleaner.getClass().getMethod("removeExpired").invoke(cleaner);
        assertTrue(removed >= 1, "removed " + removed);
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select jti from hxp_replay where jti in (?, ?)")) {
            s.setString(1, expired);
            s.setString(2, live);
            try (ResultSet rs = s.executeQuery()) {
                List<String> left = new ArrayList<>();
                while (rs.next()) {
                    left.add(rs.getString(1));
                }
                assertEquals(List.of(live), left);
            }
        }
    }
}
