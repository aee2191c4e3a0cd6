package org.electionpool.hub.api.problem;

import java.util.List;
import java.util.Objects;

/**
 * An RFC 9457 problem details object as the hub sends it.
 *
 * <p>Members: the standard {@code type}, {@code title}, {@code status}, {@code detail} and
 * {@code instance}, plus two extension members: {@code correlation_id} (the id the request was
 * logged under, always present) and {@code errors} (field violations, only for
 * {@link ProblemType#VALIDATION_FAILED}).
 *
 * <p>Invariant: {@code title} and {@code status} are those of the catalogue entry; {@code detail}
 * never carries exception text, stack traces or values the caller sent.
 *
 * @param type          the catalogue entry; never {@code null}
 * @param detail        a human-readable explanation of this occurrence, may be {@code null}
 * @param instance      the request path the problem occurred on, may be {@code null}
 * @param correlationId the request's correlation id, may be {@code null} outside a request
 * @param errors        field violations; never {@code null}, empty unless validation failed
 */
public record Problem(ProblemType type, String detail, String instance, String correlationId,
                      List<FieldViolation> errors) {

    /** Normalises {@code errors} to an immutable list. */
    public Problem {
        Objects.requireNonNull(type, "type");
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** @return the HTTP status, always {@code type().status()} */
    public int status() {
        return type.status();
    }

    /** @return the catalogue title of the type */
    public String title() {
        return type.title();
    }
}
