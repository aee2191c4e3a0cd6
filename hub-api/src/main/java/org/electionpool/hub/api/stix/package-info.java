/**
 * STIX 2.1 bundles of indicators and sightings: export of what the caller may read, import as the
 * caller's own (docs/taxii.md, STIX).
 */
package org.electionpool.hub.api.stix;
