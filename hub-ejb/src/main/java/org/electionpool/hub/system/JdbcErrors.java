package org.electionpool.hub.system;

import java.sql.SQLException;

/**
 * Classifies database errors portably (SQLSTATE, shared by H2 and PostgreSQL).
 */
public final class JdbcErrors {

    /** SQLSTATE class of integrity constraint violations (SQL standard). */
    private static final String INTEGRITY_CONSTRAINT_CLASS = "23";

    private JdbcErrors() {
    }

    /** @return whether {@code t} or a cause is an integrity-constraint violation (unique, foreign key, check) */
    public static boolean isIntegrityViolation(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith(INTEGRITY_CONSTRAINT_CLASS)) {
                return true;
            }
        }
        return false;
    }
}
