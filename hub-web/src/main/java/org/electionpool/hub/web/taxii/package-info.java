/**
 * The TAXII 2.1 server's HTTP surface (docs/taxii.md): {@code /taxii2/} discovery, the
 * {@code /taxii2/hub/} API root, credentials over HXP/1. Thin: the service decides everything.
 */
package org.electionpool.hub.web.taxii;
