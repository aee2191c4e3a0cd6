/**
 * HXP/1, the hub exchange protocol: the fixed names (media type, {@code typ} values, claims,
 * algorithms, discovery paths) shared by the hub and its clients, and the contract of the
 * envelope service that opens requests and seals answers. The exact specification is
 * {@code docs/protocol.md}.
 */
package org.electionpool.hub.api.hxp;
