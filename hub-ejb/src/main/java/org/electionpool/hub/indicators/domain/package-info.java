/**
 * The indicators domain's model: values with their normalisation, stored indicators with their
 * versions, sightings, and list positions. Pure Java; visibility is decided in the store's SQL.
 */
package org.electionpool.hub.indicators.domain;
