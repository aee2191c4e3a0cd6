package org.electionpool.hub.verifier;

/**
 * The input is not a well-formed {@code hxp-audit-bundle/1} document (wrong format string, kind,
 * member type, encoding or size). Distinct from {@link VerificationFailure}: nothing was found to
 * be false, the file simply cannot be read as a bundle (exit code 2).
 */
final class MalformedBundleException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message what is malformed, naming the member (e.g. {@code entries[3].leaf}) */
    MalformedBundleException(String message) {
        super(message);
    }
}
