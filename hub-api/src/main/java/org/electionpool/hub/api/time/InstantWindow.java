package org.electionpool.hub.api.time;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.electionpool.hub.api.problem.HubException;
import org.electionpool.hub.api.problem.ProblemType;

/**
 * The annotated instant lies in the hub's one window of accepted instants,
 * {@value #EARLIEST_TEXT} to {@value #LATEST_TEXT}, both inclusive. {@code null} is valid (combine
 * with {@code @NotNull}).
 *
 * <p>Invariant: every instant the API accepts from outside — each {@code Instant} component of a
 * request record (this annotation) and each instant query parameter ({@link Bounds#parameter}) —
 * is inside this window before any service or database sees it. Both databases the hub runs on
 * (H2 2.2 and PostgreSQL 15, {@code timestamp with time zone}) hold every instant of the window
 * exactly to the microsecond, and JDBC's millisecond arithmetic cannot overflow inside it, so an
 * accepted instant is stored and read back as sent; one outside is {@code 400}, never a 500 or a
 * silently wrapped timestamp (year +584556016 used to come back as 1967).
 */
@Documented
@Constraint(validatedBy = InstantWindow.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface InstantWindow {

    /** The first accepted instant, as text. */
    String EARLIEST_TEXT = "1970-01-01T00:00:00Z";

    /** The last accepted instant, as text. */
    String LATEST_TEXT = "9999-12-31T23:59:59Z";

    /** The violation message. */
    String MESSAGE = "must be between " + EARLIEST_TEXT + " and " + LATEST_TEXT;

    /** @return the violation message */
    String message() default MESSAGE;

    /** @return validation groups */
    Class<?>[] groups() default {};

    /** @return payload */
    Class<? extends Payload>[] payload() default {};

    /** The window itself, and the one parser of instant query parameters. Thread-safe. */
    final class Bounds {

        /** The first accepted instant. */
        public static final Instant EARLIEST = Instant.parse(EARLIEST_TEXT);

        /** The last accepted instant (the window ends exactly here: 23:59:59.5 that night is outside). */
        public static final Instant LATEST = Instant.parse(LATEST_TEXT);

        private Bounds() {
        }

        /**
         * @param instant an instant, not {@code null}
         * @return whether it lies in the window
         */
        public static boolean contains(Instant instant) {
            return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
        }

        /**
         * Parses an instant query parameter: an RFC 3339 date-time with offset, inside the window.
         *
         * @param name  the parameter's name, for the problem's detail
         * @param value the parameter as sent
         * @return the instant
         * @throws HubException {@link ProblemType#INVALID_PARAMETER} naming the parameter (never
         *                      quoting the value) when it is not such a date-time
         */
        public static Instant parameter(String name, String value) {
            Instant instant;
            try {
                instant = OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                throw new HubException(ProblemType.INVALID_PARAMETER, name + " must be an RFC 3339 date-time.");
            }
            if (!contains(instant)) {
                throw new HubException(ProblemType.INVALID_PARAMETER, name + " " + MESSAGE + ".");
            }
            return instant;
        }
    }

    /** Checks {@link Bounds#contains}. Thread-safe. */
    final class Validator implements ConstraintValidator<InstantWindow, Instant> {

        @Override
        public boolean isValid(Instant value, ConstraintValidatorContext context) {
            return value == null || Bounds.contains(value);
        }
    }
}
