package org.electionpool.hub.crypto.internal;

import java.security.Provider;
import org.electionpool.hub.protocol.jca.CryptoProviders;

/**
 * The Bouncy Castle provider instance the hub uses, never registered with
 * {@code java.security.Security}: WildFly ships its own copy of Bouncy Castle and registers it
 * JVM-wide, so the name "BC" may resolve to that one, and adding a provider from a deployment
 * leaks across redeployments.
 */
public final class BouncyCastle {

    /** The provider instance: the one {@link CryptoProviders} uses. */
    public static final Provider PROVIDER = CryptoProviders.bouncyCastle();

    private BouncyCastle() {
    }
}
