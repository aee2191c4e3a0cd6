package org.electionpool.hub.crypto;

import java.security.PublicKey;
import java.util.Arrays;
import org.electionpool.hub.protocol.log.SignedNote;

/**
 * The C2SP signed-note verifier key of a JDK Ed25519 key (c2sp.org/signed-note), for discovery;
 * the encoding itself is {@link SignedNote#verifierKey}. Stateless and thread-safe.
 */
public final class NoteVerifierKey {

    private NoteVerifierKey() {
    }

    /**
     * @param name      the key name (for a log: its origin); no whitespace, no '+'
     * @param publicKey an Ed25519 public key
     * @return the verifier key string
     * @throws IllegalArgumentException for an invalid name or a key that is not Ed25519
     */
    public static String of(String name, PublicKey publicKey) {
        byte[] encoded = publicKey.getEncoded();
        if (!publicKey.getAlgorithm().matches("Ed25519|EdDSA") || encoded.length != 44) {
            throw new IllegalArgumentException("not an Ed25519 public key");
        }
        return of(name, Arrays.copyOfRange(encoded, 12, 44));
    }

    /**
     * @param name   the key name
     * @param rawKey the 32-byte Ed25519 public key (RFC 8032)
     * @return the verifier key string
     */
    public static String of(String name, byte[] rawKey) {
        return SignedNote.verifierKey(name, rawKey);
    }
}
