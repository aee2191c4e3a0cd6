package org.electionpool.hub.crypto;

/**
 * A key offered for registration is not acceptable; the message says why, for the caller, and
 * never quotes key material.
 */
public class UnacceptableKeyException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param reason why the key is refused */
    public UnacceptableKeyException(String reason) {
        super(reason);
    }
}
