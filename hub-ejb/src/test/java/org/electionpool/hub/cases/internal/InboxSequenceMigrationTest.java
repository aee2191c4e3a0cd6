package org.electionpool.hub.cases.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Migration V12 on a database that already has inbox events: each recipient's events are numbered
 * 1, 2, 3… in the order of their audit entries, whatever the other recipients have; every
 * organisation gets a counter at its newest number (0 without events); the new constraints hold.
 * Runs on embedded H2 always, and on PostgreSQL when {@code hub.test.postgresql.url} names a
 * database (in a schema of its own, {@code inbox_migration_test}, dropped first).
 */
class InboxSequenceMigrationTest {

    /** The last migration before the inbox sequences. */
    private static final String BEFORE = "11";

    private static final String SCHEMA = "inbox_migration_test";

    @Test
    void existingEventsAreNumberedPerRecipientInAuditOrderOnH2() throws Exception {
        run("jdbc:h2:mem:inbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", null);
    }

    @Test
    void existingEventsAreNumberedPerRecipientInAuditOrderOnPostgresql() throws Exception {
        String url = System.getProperty("hub.test.postgresql.url");
        assumeTrue(url != null && !url.isBlank(), "set hub.test.postgresql.url to run on PostgreSQL");
        String user = System.getProperty("hub.test.postgresql.user", "hub");
        String password = System.getProperty("hub.test.postgresql.password", "hub");
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + SCHEMA + " cascade");
        }
        try {
            run(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA, user, password, SCHEMA);
        } finally {
            try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                s.execute("drop schema if exists " + SCHEMA + " cascade");
            }
        }
    }

    private static void run(String url, String user, String password, String schema) throws Exception {
        migrate(url, user, password, schema, BEFORE);
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            for (String[] org : new String[][] {{"ministry", "AUTHORITY"}, {"alpha", "PLATFORM"}, {"beta", "PLATFORM"},
                {"idle", "PLATFORM"}}) {
                update(c, "insert into organization (id, name, kind, country, contact_point, status, created_at,"
                        + " updated_at, version) values (?, ?, ?, 'FI', 'x@example.org', 'ACTIVE', current_timestamp,"
                        + " current_timestamp, 0)", org[0], org[0], org[1]);
            }
            for (String[] kase : new String[][] {{"case-a", "alpha"}, {"case-b", "beta"}}) {
                update(c, "insert into takedown_case (id, client_ref, request_sha256, kind, status, authority_org,"
                        + " addressee_org, reference, title, priority, tlp, created_at, updated_at, version)"
                        + " values (?, ?, 'x', 'REMOVAL_ORDER', 'SUBMITTED', 'ministry', ?, 'r', 't', 'NORMAL', 'AMBER',"
                        + " current_timestamp, current_timestamp, 0)", kase[0], kase[0], kase[1]);
            }
            // Audit entries 3, 7, 12 concern alpha's case; 4, 8, 9 beta's; the ministry is party to all.
            for (Object[] e : new Object[][] {{12L, "alpha"}, {3L, "alpha"}, {4L, "beta"}, {8L, "beta"}, {7L, "alpha"},
                {9L, "beta"}}) {
                String caseId = "case-" + ((String) e[1]).charAt(0);
                for (String recipient : new String[] {"ministry", (String) e[1]}) {
                    update(c, "insert into case_event (audit_index, recipient_org, case_id, type, status, actor_org,"
                            + " created_at) values (?, ?, ?, 'case.message', 'SUBMITTED', 'ministry', current_timestamp)",
                            e[0], recipient, caseId);
                }
            }
        }

        migrate(url, user, password, schema, null);

        try (Connection c = DriverManager.getConnection(url, user, password)) {
            assertEquals(Map.of(3L, 1L, 7L, 2L, 12L, 3L), seqs(c, "alpha"));
            assertEquals(Map.of(4L, 1L, 8L, 2L, 9L, 3L), seqs(c, "beta"), "alpha's events leave no gaps in beta's");
            assertEquals(Map.of(3L, 1L, 4L, 2L, 7L, 3L, 8L, 4L, 9L, 5L, 12L, 6L), seqs(c, "ministry"));
            assertEquals(Map.of("alpha", 3L, "beta", 3L, "ministry", 6L, "idle", 0L), counters(c));

            SQLException duplicate = assertThrows(SQLException.class, () -> update(c, "insert into case_event"
                    + " (audit_ref, seq, recipient_org, case_id, type, status, actor_org, created_at)"
                    + " values (20, 2, 'alpha', 'case-a', 'case.message', 'SUBMITTED', 'ministry', current_timestamp)"));
            assertTrue(duplicate.getSQLState().startsWith("23"), "one event per number and recipient");
            // Since V18 an event is written unnumbered and the audit sequencer's batch numbers it.
            update(c, "insert into case_event (audit_ref, recipient_org, case_id, type, status, actor_org, created_at)"
                    + " values (21, 'alpha', 'case-a', 'case.message', 'SUBMITTED', 'ministry', current_timestamp)");
            update(c, "insert into case_event (audit_ref, recipient_org, case_id, type, status, actor_org, created_at)"
                    + " values (22, 'alpha', 'case-a', 'case.message', 'SUBMITTED', 'ministry', current_timestamp)");
            assertEquals(Map.of(3L, 1L, 7L, 2L, 12L, 3L), seqs(c, "alpha"), "unnumbered events are in no stream yet");
            SQLException negative = assertThrows(SQLException.class,
                    () -> update(c, "update inbox_sequence set last_seq = -1 where organization_id = 'idle'"));
            assertTrue(negative.getSQLState().startsWith("23"));
            SQLException stranger = assertThrows(SQLException.class,
                    () -> update(c, "insert into inbox_sequence (organization_id, last_seq) values ('nobody', 0)"));
            assertTrue(stranger.getSQLState().startsWith("23"), "counters belong to registered organisations");
        }
    }

    private static void migrate(String url, String user, String password, String schema, String target) {
        var config = Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration");
        if (schema != null) {
            config.schemas(schema);
        }
        if (target != null) {
            config.target(target);
        }
        config.load().migrate();
    }

    private static void update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }

    private static Map<Long, Long> seqs(Connection c, String recipient) throws SQLException {
        Map<Long, Long> seqs = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "select audit_ref, seq from case_event where recipient_org = ? and seq is not null order by audit_ref")) {
            s.setString(1, recipient);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    seqs.put(r.getLong(1), r.getLong(2));
                }
            }
        }
        return seqs;
    }

    private static Map<String, Long> counters(Connection c) throws SQLException {
        Map<String, Long> counters = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select organization_id, last_seq from inbox_sequence")) {
            while (r.next()) {
                counters.put(r.getString(1), r.getLong(2));
            }
        }
        return counters;
    }
}
