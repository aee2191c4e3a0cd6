/** HXP/1 resources of indicator sharing: indicators, sightings, sharing groups and the DISARM catalogue. */
package org.electionpool.hub.web.indicators;
