package org.electionpool.hub.organizations.domain;

/**
 * The key id is taken in its organisation, or the same key material is registered already.
 */
public class DuplicateKeyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what is duplicated */
    public DuplicateKeyException(String message) {
        super(message);
    }
}
