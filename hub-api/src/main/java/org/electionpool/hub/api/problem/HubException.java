package org.electionpool.hub.api.problem;

import jakarta.ejb.ApplicationException;
import java.util.List;
import java.util.Objects;

/**
 * The one application exception of the hub: any layer throws it to end a request with a given
 * RFC 9457 problem type; the REST layer turns it into a problem response.
 *
 * <p>It is an EJB application exception that rolls the transaction back, so a refused request
 * leaves no business change behind. The {@link #getMessage() message} is the problem's
 * {@code detail} and is shown to the caller: it must never contain secrets, stack traces or the
 * values the caller sent.
 */
@ApplicationException(rollback = true)
public class HubException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ProblemType type;
    private final List<FieldViolation> violations;

    /**
     * @param type   the problem type; never {@code null}
     * @param detail the caller-facing explanation of this occurrence; never {@code null}
     */
    public HubException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    /**
     * @param type       the problem type; never {@code null}
     * @param detail     the caller-facing explanation of this occurrence; never {@code null}
     * @param violations field violations, for {@link ProblemType#VALIDATION_FAILED}
     */
    public HubException(ProblemType type, String detail, List<FieldViolation> violations) {
        super(Objects.requireNonNull(detail, "detail"), null, false, false);
        this.type = Objects.requireNonNull(type, "type");
        this.violations = List.copyOf(violations);
    }

    /** @return a {@link ProblemType#NOT_FOUND} exception naming what was not found */
    public static HubException notFound(String what) {
        return new HubException(ProblemType.NOT_FOUND, what + " not found");
    }

    /** @return a {@link ProblemType#VALIDATION_FAILED} exception for one field */
    public static HubException invalidField(String field, String message) {
        return new HubException(ProblemType.VALIDATION_FAILED, "The request has invalid fields.",
                List.of(new FieldViolation(field, message)));
    }

    /** @return the problem type this exception ends the request with */
    public ProblemType type() {
        return type;
    }

    /** @return the field violations; empty unless the type is a validation failure */
    public List<FieldViolation> violations() {
        return violations;
    }
}
