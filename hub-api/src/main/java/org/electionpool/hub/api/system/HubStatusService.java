package org.electionpool.hub.api.system;

import jakarta.ejb.Local;

/**
 * Reports on the hub's own state for health checks and operators.
 *
 * <p>Takes no caller, by design: its only users are the readiness probe (hub-probes, served on the
 * management port, which the network exposes to the orchestrator only) and the hub's own
 * components; it reveals no member's data — whether the database answers, its product and schema
 * version, the run mode.
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
