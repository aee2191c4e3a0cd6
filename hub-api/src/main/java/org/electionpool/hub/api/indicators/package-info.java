/**
 * Indicator sharing: indicators with their versions, sightings and sharing groups under TLP 2.0,
 * and the DISARM technique catalogue (docs/indicators.md). The services decide visibility for
 * every tier; records here are the wire shapes of HXP/1.
 */
package org.electionpool.hub.api.indicators;
