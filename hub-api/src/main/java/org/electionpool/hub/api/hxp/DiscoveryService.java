package org.electionpool.hub.api.hxp;

import jakarta.ejb.Local;

/**
 * What the hub publishes about itself, without authentication.
 */
@Local
public interface DiscoveryService {

    /** @return the hub's public signing and encryption keys as a JWK Set (RFC 7517 §5), JSON text */
    String publicJwks();

    /** @return the discovery document */
    HxpConfiguration configuration();
}
