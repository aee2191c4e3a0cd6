package org.electionpool.hub.api.people;

import java.util.Optional;

/**
 * What an attempt to sign in gave. A failure never says which of user name, password or code was
 * wrong, nor whether the account exists or is throttled: one message for all (no enumeration).
 *
 * @param outcome the result
 * @param session the signed-in person for {@link Outcome#SIGNED_IN}, otherwise empty
 */
public record SignIn(Outcome outcome, Optional<PersonSession> session) {

    /** The result of an attempt. */
    public enum Outcome {
        /** Signed in. */
        SIGNED_IN,
        /** The password was right and the account has a second factor: ask for its code. */
        CODE_REQUIRED,
        /**
         * The password was right, the hub requires a second factor of this person and none is
         * enrolled: enrol one ({@link PeopleService#newTotpSecret}) and sign in with its code.
         */
        ENROLMENT_REQUIRED,
        /** Wrong user name, password or code, an inactive account, or too many attempts. */
        FAILED
    }

    /** @return a failed attempt */
    public static SignIn failed() {
        return new SignIn(Outcome.FAILED, Optional.empty());
    }
}
