/**
 * The hub's cryptography, behind small interfaces and depending on no other domain: the hub's own
 * keys ({@link org.electionpool.hub.crypto.HubKeys}) and their PKCS#12 keystore
 * ({@link org.electionpool.hub.crypto.Pkcs12HubKeyStore}), public-key parsing and allow-lists
 * ({@link org.electionpool.hub.crypto.PublicKeys}), the receiving side of the HXP/1 envelope
 * ({@link org.electionpool.hub.crypto.HxpEnvelope}), attachment encryption at rest, the dev
 * certificate authority, and the web UI's people: Argon2id password hashes
 * ({@link org.electionpool.hub.crypto.PasswordHasher}, Bouncy Castle's lightweight API) and TOTP
 * ({@link org.electionpool.hub.crypto.Totp}, the JDK's HMAC). Besides hub-protocol (which holds the sender's side of HXP/1), this is the
 * only place that imports Nimbus JOSE+JWT or Bouncy Castle; both rules are checked by
 * {@code ArchitectureRulesTest}. Bouncy Castle is always used through a provider instance, never
 * registered JVM-wide.
 */
package org.electionpool.hub.crypto;
