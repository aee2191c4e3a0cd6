/**
 * The offline audit verifier: checks an {@code hxp-audit-bundle/1} file — a C2SP signed
 * checkpoint, RFC 8785 canonical leaves, RFC 9162 inclusion proofs or the whole tree, and the
 * senders' signed requests (RFC 7515 JWS) kept as evidence — without the hub and without trusting
 * it beyond its log key. Run as {@code java -jar hub-audit-verifier.jar}; see {@code docs/verifier.md}.
 */
package org.electionpool.hub.verifier;
