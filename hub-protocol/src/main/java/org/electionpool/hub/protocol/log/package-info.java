/**
 * The audit log's verifiable structures, as the hub, the client and the offline verifier all
 * compute them: the RFC 9162 §2.1 Merkle tree hash, inclusion and consistency proofs
 * ({@link org.electionpool.hub.protocol.log.MerkleTree}), C2SP checkpoints in C2SP signed notes
 * with Ed25519 ({@link org.electionpool.hub.protocol.log.Checkpoint},
 * {@link org.electionpool.hub.protocol.log.SignedNote}), cosignatures and receipts. Plain Java,
 * no Jakarta EE and no hub services.
 */
package org.electionpool.hub.protocol.log;
