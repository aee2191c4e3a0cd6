/**
 * The hub's own start-up machinery: schema migration, loading (and in dev mode creating) the hub's
 * keystore, the clock, and the status probes behind the health checks. Nothing here knows about
 * cases or organisations; no other domain imports this package.
 */
package org.electionpool.hub.system.internal;
