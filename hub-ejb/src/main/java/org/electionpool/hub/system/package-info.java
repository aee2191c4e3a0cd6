/**
 * What every domain may use of the hub's own machinery: the validated configuration
 * ({@link org.electionpool.hub.system.HubConfiguration}) and the classification of database
 * errors ({@link org.electionpool.hub.system.JdbcErrors}). The start-up work (schema migration,
 * keystore loading, the clock, status probes) is in {@code system.internal}, which no other domain
 * imports.
 */
package org.electionpool.hub.system;
