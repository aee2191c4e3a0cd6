/** STIX 2.1 building blocks that need nothing of the hub: deterministic identifiers. */
package org.electionpool.hub.protocol.stix;
