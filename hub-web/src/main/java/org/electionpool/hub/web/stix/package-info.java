/** STIX 2.1 bundles over HXP/1 (docs/taxii.md, STIX). */
package org.electionpool.hub.web.stix;
