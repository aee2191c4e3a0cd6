package org.electionpool.hub.api.organizations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreateOrganizationRequestValidationTest {

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void createValidator() {
        factory = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void closeValidator() {
        factory.close();
    }

    private static Set<String> invalidFields(CreateOrganizationRequest request) {
        return validator.validate(request).stream().map(ConstraintViolation::getPropertyPath)
                .map(Object::toString).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void completeRequestIsValid() {
        assertEquals(Set.of(), invalidFields(new CreateOrganizationRequest("fi-election-authority",
                "Election authority", OrganizationKind.AUTHORITY, "FI", "vaalit@example.fi")));
    }

    @Test
    void everyMissingFieldIsReported() {
        assertEquals(Set.of("contactPoint", "country", "id", "kind", "name"),
                invalidFields(new CreateOrganizationRequest(null, null, null, null, null)));
    }

    @Test
    void overlongNameAndContactAreReported() {
        assertEquals(Set.of("contactPoint", "name"), invalidFields(new CreateOrganizationRequest("platform-b",
                "n".repeat(201), OrganizationKind.PLATFORM, "SE", "c".repeat(321))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"FI", "SE", "EE", "DE", "EU"})
    void isoCountryCodesAndEuAreAccepted(String country) {
        assertEquals(Set.of(), invalidFields(new CreateOrganizationRequest("platform-b", "B",
                OrganizationKind.PLATFORM, country, "x@example.org")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fi", "ZZ", "FIN", "", "XK1", "EUR"})
    void otherCountryValuesAreRefused(String country) {
        assertEquals(Set.of("country"), invalidFields(new CreateOrganizationRequest("platform-b", "B",
                OrganizationKind.PLATFORM, country, "x@example.org")));
    }
}
