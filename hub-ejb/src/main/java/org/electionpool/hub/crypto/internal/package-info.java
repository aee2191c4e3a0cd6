/**
 * crypto's implementation details: the one Bouncy Castle provider instance (never registered
 * JVM-wide) and the replay store's cleaner. No other domain imports this package.
 */
package org.electionpool.hub.crypto.internal;
