package org.electionpool.hub.web.http;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.electionpool.hub.api.problem.HubException;
import org.electionpool.hub.api.time.InstantWindow;

/**
 * An instant query parameter: absent, or an RFC 3339 date-time with offset inside
 * {@link InstantWindow}, checked by the hub's one parser of them ({@link InstantWindow.Bounds#parameter});
 * the violation's message is that parser's detail, naming the parameter.
 */
@Documented
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = InstantParameter.Validator.class)
public @interface InstantParameter {

    /** @return the parameter's name, for the detail */
    String value();

    String message() default "must be an RFC 3339 date-time inside the instant window";

    Class<?>[] groups() default {};

    /** @return {@code QueryParameter.class} at every use, so the violation is an invalid-parameter */
    Class<? extends Payload>[] payload() default {};

    /** Checks with {@link InstantWindow.Bounds#parameter}. Thread-safe after initialisation. */
    final class Validator implements ConstraintValidator<InstantParameter, String> {

        private String name;

        @Override
        public void initialize(InstantParameter annotation) {
            name = annotation.value();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            try {
                InstantWindow.Bounds.parameter(name, value);
                return true;
            } catch (HubException e) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(e.getMessage().replace("\\", "\\\\").replace("{", "\\{")
                        .replace("}", "\\}").replace("$", "\\$")).addConstraintViolation();
                return false;
            }
        }
    }
}
