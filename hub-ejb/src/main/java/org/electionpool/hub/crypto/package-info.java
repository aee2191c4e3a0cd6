/**
 * All cryptography of the hub, behind small interfaces: the hub's own keys ({@link
 * org.electionpool.hub.crypto.HubKeys}), and — in {@code internal} — their PKCS#12 keystore, key
 * parsing and the HXP/1 envelope. This is the only place that imports Nimbus JOSE+JWT or Bouncy
 * Castle (checked by {@code ArchitectureRulesTest}). Bouncy Castle is always used through a
 * provider instance, never registered JVM-wide.
 */
package org.electionpool.hub.crypto;
