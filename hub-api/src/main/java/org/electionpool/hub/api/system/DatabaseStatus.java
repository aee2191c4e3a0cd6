package org.electionpool.hub.api.system;

/**
 * What the hub knows about its database right now.
 *
 * @param up            whether a connection could be obtained and validated
 * @param product       the database product name, e.g. {@code PostgreSQL} or {@code H2}; {@code null} when down
 * @param schemaVersion the latest applied Flyway migration version; {@code null} when down or unmigrated
 */
public record DatabaseStatus(boolean up, String product, String schemaVersion) {
}
