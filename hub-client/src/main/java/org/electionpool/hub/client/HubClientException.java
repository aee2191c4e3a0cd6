package org.electionpool.hub.client;

/**
 * The exchange with the hub failed: the hub could not be reached, or its answer did not verify
 * (then the message names the failed check, and the answer must not be trusted).
 */
public class HubClientException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what failed; @param cause the underlying error */
    public HubClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
