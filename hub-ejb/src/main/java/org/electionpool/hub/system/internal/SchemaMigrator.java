package org.electionpool.hub.system.internal;

import org.electionpool.hub.system.HubConfiguration;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jboss.logging.Logger;

/**
 * Brings the database schema up to date before anything else touches it.
 *
 * <p>Runs once per deployment at start-up, outside any JTA transaction (Flyway manages its own),
 * against {@code java:comp/DefaultDataSource}. Migrations live in {@code db/migration} of this
 * module and are written for both H2 and PostgreSQL. When several nodes start at once, Flyway's
 * own lock on its history table lets exactly one of them migrate. A failed migration fails the
 * deployment: a hub never serves on a schema it does not know.
 *
 * <p>Start-up beans that need the schema declare {@code @DependsOn("SchemaMigrator")}.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigrator {

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class);

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Inject
    HubConfiguration configuration;

    @PostConstruct
    void migrate() {
        String database = describe(dataSource);
        LOG.infof("Election Pool Hub starting in %s mode, issuer %s, database %s",
                configuration.mode(), configuration.issuer(), database);
        MigrateResult result = Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .validateMigrationNaming(true)
                .load()
                .migrate();
        LOG.infof("Database schema at version %s (%d migration(s) applied now)",
                result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
                result.migrationsExecuted);
    }

    private static String describe(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            // Product and version only: the URL may carry credentials.
            return c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            throw new IllegalStateException("The hub's database is not reachable: " + e.getMessage(), e);
        }
    }
}
