package org.electionpool.hub.web.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseFailuresTest {

    @Test
    void connectionFailuresDeepInTheCauseChainAreOutages() {
        assertTrue(DatabaseFailures.isOutage(new RuntimeException(new IllegalStateException(
                new SQLException("Connection refused", "08001")))));
        assertTrue(DatabaseFailures.isOutage(new IllegalStateException(new SQLNonTransientConnectionException("closed"))));
        assertTrue(DatabaseFailures.isOutage(new SQLException("terminating connection due to administrator command", "57P01")));
        assertTrue(DatabaseFailures.isOutage(new SQLException("the database system is starting up", "57P03")));
        assertTrue(DatabaseFailures.isOutage(new SQLException("too many connections", "53300")));
    }

    @Test
    void otherDatabaseErrorsAndBugsAreNot() {
        assertFalse(DatabaseFailures.isOutage(new SQLException("duplicate key", "23505")));
        assertFalse(DatabaseFailures.isOutage(new SQLException("value too long", "22001")));
        assertFalse(DatabaseFailures.isOutage(new SQLException("no state")));
        assertFalse(DatabaseFailures.isOutage(new NullPointerException()));
        assertFalse(DatabaseFailures.isOutage(null));
    }
}
