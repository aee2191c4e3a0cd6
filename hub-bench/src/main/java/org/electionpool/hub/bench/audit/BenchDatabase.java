package org.electionpool.hub.bench.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The database a benchmark runs on: connection settings, the hub's schema (applied with Flyway
 * exactly as {@code SchemaMigrator} applies it) and table sizes.
 *
 * <p>Settings come from the system properties {@code bench.db.url}, {@code bench.db.user},
 * {@code bench.db.password}, else the environment ({@code BENCH_DB_URL}, {@code BENCH_DB_USER},
 * {@code BENCH_DB_PASSWORD}), else {@code jdbc:postgresql://localhost:5432/hub_bench} as
 * {@code hub_bench}/{@code hub_bench}. A database named {@code hub} — the hub's own — is refused
 * unless {@code bench.db.allow-hub=true}: the seeder truncates the audit tables.
 *
 * @param url      the JDBC URL
 * @param user     the user
 * @param password the password
 */
public record BenchDatabase(String url, String user, String password) {

    /** The default JDBC URL. */
    public static final String DEFAULT_URL = "jdbc:postgresql://localhost:5432/hub_bench";

    /** Checks the URL against the hub's own database. */
    public BenchDatabase {
        String db = url.replaceFirst("^jdbc:postgresql://[^/]*/", "").replaceFirst("[?;].*$", "");
        if (url.startsWith("jdbc:postgresql:") && db.equals("hub") && !Boolean.getBoolean("bench.db.allow-hub")) {
            throw new IllegalArgumentException("refusing the hub's own database 'hub'; use a database of its own"
                    + " (or -Dbench.db.allow-hub=true)");
        }
    }

    /** @return the settings from system properties, environment or defaults */
    public static BenchDatabase fromEnvironment() {
        return new BenchDatabase(setting("bench.db.url", DEFAULT_URL), setting("bench.db.user", "hub_bench"),
                setting("bench.db.password", "hub_bench"));
    }

    /**
     * @param url overrides the URL when not {@code null}
     * @return these settings with that URL
     */
    public BenchDatabase withUrl(String url) {
        return url == null ? this : new BenchDatabase(url, user, password);
    }

    private static String setting(String property, String fallback) {
        String value = System.getProperty(property);
        if (value == null) {
            value = System.getenv(property.toUpperCase(Locale.ROOT).replace('.', '_'));
        }
        return value == null || value.isBlank() ? fallback : value;
    }

    /** @return whether this is PostgreSQL */
    public boolean postgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    /** @return a new connection */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /**
     * Applies the hub's migrations ({@code classpath:db/migration} of hub-ejb, V1 … V10) with the
     * configuration of {@code SchemaMigrator.migrate()}.
     *
     * @return the schema version reached
     */
    public String migrate() {
        MigrateResult result = Flyway.configure(BenchDatabase.class.getClassLoader())
                .dataSource(url, user, password)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .validateMigrationNaming(true)
                .load()
                .migrate();
        return result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
    }

    /**
     * @param c a connection
     * @return the database product and version
     */
    public static String describe(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
    }

    /**
     * @param c a PostgreSQL connection
     * @return {@code pg_total_relation_size} (table, TOAST and indexes) and {@code pg_relation_size}
     *         (heap only) of each audit table, in bytes: {@code [total, heap, indexes]}
     */
    public static Map<String, long[]> tableSizes(Connection c) throws SQLException {
        Map<String, long[]> sizes = new LinkedHashMap<>();
        try (Statement s = c.createStatement()) {
            for (String table : new String[] {"audit_entry", "audit_node", "audit_checkpoint", "audit_head"}) {
                try (ResultSet r = s.executeQuery("select pg_total_relation_size('" + table + "'),"
                        + " pg_relation_size('" + table + "'), pg_indexes_size('" + table + "')")) {
                    r.next();
                    sizes.put(table, new long[] {r.getLong(1), r.getLong(2), r.getLong(3)});
                }
            }
        }
        return sizes;
    }

    /**
     * @param c a connection
     * @return the log's size ({@code audit_head.size})
     */
    public static long headSize(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select size from audit_head where id = 1")) {
            r.next();
            return r.getLong(1);
        }
    }

    /**
     * @param bytes a size in bytes
     * @return it in MiB with one decimal
     */
    public static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }
}
