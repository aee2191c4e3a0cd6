package org.electionpool.hub.api.problem;

import java.util.Objects;

/**
 * One invalid field of a request, reported in the {@code errors} extension member of a
 * {@link ProblemType#VALIDATION_FAILED} problem.
 *
 * @param field   the path of the field inside the request body, e.g. {@code country} or
 *                {@code items[2].url}; never {@code null}
 * @param message why the value was refused; never contains the refused value itself, so that a
 *                problem can be logged without leaking what the caller sent
 */
public record FieldViolation(String field, String message) {

    /** Checks that neither component is {@code null}. */
    public FieldViolation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
