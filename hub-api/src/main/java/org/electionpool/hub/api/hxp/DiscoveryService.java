package org.electionpool.hub.api.hxp;

import jakarta.ejb.Local;

/**
 * What the hub publishes about itself, without authentication.
 *
 * <p>Takes no caller, by design: a client needs the hub's keys and the discovery document before
 * it can sign its first request (docs/protocol.md), and both are public.
 */
@Local
public interface DiscoveryService {

    /** @return the hub's public signing and encryption keys as a JWK Set (RFC 7517 §5), JSON text */
    String publicJwks();

    /** @return the discovery document */
    HxpConfiguration configuration();
}
