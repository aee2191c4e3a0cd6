package org.electionpool.hub.api.organizations;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;
import java.util.Set;

/**
 * The annotated string is an ISO 3166-1 alpha-2 country code in upper case ({@code FI}, {@code SE}),
 * or {@code EU} for bodies of the European Union. {@code null} is valid (combine with
 * {@code @NotNull}).
 */
@Documented
@Constraint(validatedBy = IsoCountry.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface IsoCountry {

    /** @return the violation message */
    String message() default "must be an ISO 3166-1 alpha-2 country code such as FI, or EU";

    /** @return validation groups */
    Class<?>[] groups() default {};

    /** @return payload */
    Class<? extends Payload>[] payload() default {};

    /** Checks against the JDK's list of ISO 3166-1 alpha-2 codes. Thread-safe. */
    final class Validator implements ConstraintValidator<IsoCountry, String> {

        private static final Set<String> CODES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || "EU".equals(value) || CODES.contains(value);
        }
    }
}
