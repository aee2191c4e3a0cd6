package org.electionpool.hub.system.internal;

import org.electionpool.hub.system.HubConfiguration;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.electionpool.hub.api.system.DatabaseStatus;
import org.electionpool.hub.api.system.HubMode;
import org.electionpool.hub.api.system.HubStatusService;
import org.jboss.logging.Logger;

/**
 * Probes the database directly over JDBC, outside any transaction, so that a broken database
 * shows up as DOWN rather than as an exception in the health endpoint.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HubStatusServiceBean implements HubStatusService {

    private static final Logger LOG = Logger.getLogger(HubStatusServiceBean.class);

    /** Seconds a connection has to answer the validity probe. */
    private static final int PROBE_TIMEOUT_SECONDS = 2;

    // Quoted: Flyway creates its history table with lower-case quoted names, and H2 would
    // otherwise upper-case unquoted ones.
    private static final String CURRENT_VERSION = "select \"version\" from \"flyway_schema_history\""
            + " where \"success\" = true and \"version\" is not null order by \"installed_rank\" desc";

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Inject
    HubConfiguration configuration;

    @Override
    public DatabaseStatus database() {
        try (Connection c = dataSource.getConnection()) {
            if (!c.isValid(PROBE_TIMEOUT_SECONDS)) {
                return new DatabaseStatus(false, null, null);
            }
            String product = c.getMetaData().getDatabaseProductName();
            try (PreparedStatement s = c.prepareStatement(CURRENT_VERSION)) {
                s.setMaxRows(1);
                s.setQueryTimeout(PROBE_TIMEOUT_SECONDS);
                try (ResultSet rs = s.executeQuery()) {
                    return new DatabaseStatus(true, product, rs.next() ? rs.getString(1) : null);
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("Database probe failed: %s", e.getMessage());
            return new DatabaseStatus(false, null, null);
        }
    }

    @Override
    public HubMode mode() {
        return configuration.mode();
    }
}
