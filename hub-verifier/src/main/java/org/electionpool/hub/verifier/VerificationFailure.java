package org.electionpool.hub.verifier;

/**
 * A well-formed bundle states something that does not hold: the checkpoint, or the entry at one
 * index. {@link #getMessage()} is the verifier's one-line verdict, {@code FAIL checkpoint (size N):
 * <reason>} or {@code FAIL index I: <reason>} (exit code 1).
 */
final class VerificationFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private VerificationFailure(String line) {
        super(line);
    }

    /**
     * @param size   the tree size the bundle states
     * @param reason what does not hold
     * @return a failure of the checkpoint
     */
    static VerificationFailure checkpoint(long size, String reason) {
        return new VerificationFailure("FAIL checkpoint (size " + size + "): " + reason);
    }

    /**
     * @param index  the log index of the entry that fails
     * @param reason what does not hold
     * @return a failure of one entry
     */
    static VerificationFailure index(long index, String reason) {
        return new VerificationFailure("FAIL index " + index + ": " + reason);
    }
}
