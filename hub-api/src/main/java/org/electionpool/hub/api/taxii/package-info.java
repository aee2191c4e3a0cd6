/**
 * The TAXII 2.1 server's contract (docs/taxii.md): credentials issued over HXP/1, and the TAXII
 * requests of CTI tools, answered under the same visibility rule as every other read.
 */
package org.electionpool.hub.api.taxii;
