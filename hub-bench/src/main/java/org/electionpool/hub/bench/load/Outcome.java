package org.electionpool.hub.bench.load;

/**
 * What became of one request.
 *
 * <p>Invariant: an accepted request has no error; a failed one names its error as
 * {@code "<operation> <status> <problem type>"} or {@code "<operation> exception <class>: <message>"}.
 * {@code verified} is true only for an accepted answer that was fully opened and verified.
 *
 * @param accepted whether the answer had the operation's expected 2xx status (and, when verified, verified)
 * @param verified whether the answer was fully verified
 * @param error    the error's name, or {@code null} when accepted
 */
public record Outcome(boolean accepted, boolean verified, String error) {

    /** Checks the invariant. */
    public Outcome {
        if (accepted == (error != null)) {
            throw new IllegalArgumentException("an outcome is accepted or names its error, never both or neither");
        }
        if (verified && !accepted) {
            throw new IllegalArgumentException("only an accepted answer counts as verified");
        }
    }

    /** @return an accepted answer, verified or counted on its status */
    public static Outcome accepted(boolean verified) {
        return new Outcome(true, verified, null);
    }

    /** @return a failed request named {@code error} */
    public static Outcome failed(String error) {
        return new Outcome(false, false, error);
    }
}
