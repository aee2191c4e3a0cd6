/**
 * The indicators domain's implementation: the services (indicators, sightings, sharing groups, the
 * DISARM catalogue), the store with the one visibility rule in SQL, and the publication of events.
 */
package org.electionpool.hub.indicators.internal;
