package org.electionpool.hub.api.system;

import jakarta.ejb.Local;

/**
 * Reports on the hub's own state for health checks and operators.
 */
@Local
public interface HubStatusService {

    /**
     * Probes the database with a fresh connection; never throws.
     *
     * @return the status; {@code up} is {@code false} if the probe failed for any reason
     */
    DatabaseStatus database();

    /** @return the configured run mode */
    HubMode mode();
}
