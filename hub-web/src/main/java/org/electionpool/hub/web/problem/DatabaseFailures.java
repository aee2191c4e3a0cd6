package org.electionpool.hub.web.problem;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells a database outage from any other failure, by walking the cause chain of what the
 * container threw: JDBC connection exceptions, SQLSTATE class {@code 08} (connection exception,
 * SQL standard), PostgreSQL's {@code 57P01}–{@code 57P03} (administrator shutdown, crash
 * shutdown, cannot connect now) and {@code 53xxx} (insufficient resources), the pool's
 * "unable to get a managed connection" ({@code jakarta.resource.ResourceException}) and
 * Hibernate's {@code JDBCConnectionException}. An outage is answered {@code 503} with
 * {@code Retry-After}; everything else remains a server fault.
 *
 * <p>Class names are compared as strings so that this module depends on neither IronJacamar nor
 * Hibernate. Thread-safe: stateless.
 */
public final class DatabaseFailures {

    /** Seconds a caller should wait before retrying during an outage ({@code Retry-After}). */
    public static final int RETRY_AFTER_SECONDS = 5;

    private static final Set<String> OUTAGE_CLASSES = Set.of(
            "jakarta.resource.ResourceException",
            "org.hibernate.exception.JDBCConnectionException",
            "org.h2.jdbc.JdbcSQLNonTransientConnectionException");

    private DatabaseFailures() {
    }

    /** @return whether {@code failure} or one of its causes says the database cannot be reached */
    public static boolean isOutage(Throwable failure) {
        int depth = 0;
        for (Throwable c = failure; c != null && depth < 64; c = c.getCause(), depth++) {
            if (c instanceof SQLTransientConnectionException || c instanceof SQLNonTransientConnectionException
                    || c instanceof SQLRecoverableException) {
                return true;
            }
            if (c instanceof SQLException sql && isOutageState(sql.getSQLState())) {
                return true;
            }
            for (Class<?> k = c.getClass(); k != null; k = k.getSuperclass()) {
                if (OUTAGE_CLASSES.contains(k.getName())) {
                    return true;
                }
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    /** @return whether the SQLSTATE is one of a connection that failed or a server that is going away */
    static boolean isOutageState(String state) {
        if (state == null || state.length() != 5) {
            return false;
        }
        return state.startsWith("08") || state.startsWith("57P") || state.startsWith("53");
    }
}
