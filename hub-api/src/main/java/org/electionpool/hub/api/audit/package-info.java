/**
 * The audit log's wire formats and proofs, shared by the hub, {@code HubClient} (receipts) and the
 * offline verifier: RFC 8785 canonical JSON (the leaf bytes), RFC 9162 Merkle tree hashing and
 * proofs, and C2SP signed notes and checkpoints. Pure Java (JDK SHA-256 and Ed25519 only), no
 * container, thread-safe.
 */
package org.electionpool.hub.api.audit;
