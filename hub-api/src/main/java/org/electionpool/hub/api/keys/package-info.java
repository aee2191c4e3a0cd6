/**
 * Contract of the key registry: the public keys organisations sign and receive with (RFC 7517
 * JWK), their life cycle (active, retired, revoked; never deleted), and the hub's own keys.
 */
package org.electionpool.hub.api.keys;
