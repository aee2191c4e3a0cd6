package org.electionpool.hub.audit.domain;

/**
 * Signs the checkpoint of a tree (C2SP {@code tlog-checkpoint} body in a C2SP signed note, with
 * the hub's Ed25519 log key).
 *
 * <p>Invariant: the note states exactly {@code size} and {@code root}, the RFC 9162 §2.1 tree head
 * of the first {@code size} entries.
 */
@FunctionalInterface
public interface CheckpointSigner {

    /** @return the signed note, as stored in {@code audit_checkpoint.note} */
    String sign(long size, byte[] root);
}
