/**
 * The hub's own machinery: configuration, schema migration at start-up, the clock, and the status
 * probes behind the health checks. Nothing here knows about cases or organisations.
 */
package org.electionpool.hub.system.internal;
