/**
 * Which JCA provider does which elliptic-curve operation (ADR 0010): {@link
 * org.electionpool.hub.protocol.jca.CryptoProviders} hands out Nimbus signers, verifiers,
 * encrypters and decrypters with the provider <em>instance</em> set through their {@code JCAContext},
 * and signs and verifies Ed25519 (RFC 8032) for signed notes. One place decides; the hub, the Java
 * client and the offline verifier ask it.
 */
package org.electionpool.hub.protocol.jca;
