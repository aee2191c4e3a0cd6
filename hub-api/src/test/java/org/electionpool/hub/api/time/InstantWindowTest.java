package org.electionpool.hub.api.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.electionpool.hub.api.cases.CaseKind;
import org.electionpool.hub.api.cases.CreateCaseRequest;
import org.electionpool.hub.api.cases.ItemResponseRequest;
import org.electionpool.hub.api.cases.ItemType;
import org.electionpool.hub.api.cases.Outcome;
import org.electionpool.hub.api.cases.Priority;
import org.electionpool.hub.api.problem.HubException;
import org.electionpool.hub.api.problem.ProblemType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one window of instants: its edges, hostile years, body fields and query parameters alike. */
class InstantWindowTest {

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator())
            .buildValidatorFactory().getValidator();

    @ParameterizedTest
    @ValueSource(strings = {"1970-01-01T00:00:00Z", "2027-04-12T07:30:00Z", "9999-12-31T23:59:59Z",
            "9999-12-31T00:00:00.123456789Z"})
    void theWindowHoldsItsEdgesAndEverythingBetween(String instant) {
        assertTrue(InstantWindow.Bounds.contains(Instant.parse(instant)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1969-12-31T23:59:59.999999999Z", "9999-12-31T23:59:59.000000001Z",
            "9999-12-31T23:59:59.5Z", "+10000-01-01T00:00:00Z", "+300000-01-01T00:00:00Z", "-300000-01-01T00:00:00Z",
            "+584556016-06-01T00:00:00Z", "-1000000000-01-01T00:00:00Z", "+1000000000-12-31T23:59:59.999999999Z",
            "0000-01-01T00:00:00Z", "1900-01-01T00:00:00Z"})
    void everythingOutsideIsRefused(String instant) {
        assertFalse(InstantWindow.Bounds.contains(Instant.parse(instant)));
    }

    static CreateCaseRequest order(Instant issuedAt, Instant deadline) {
        return new CreateCaseRequest("ref-1", CaseKind.REMOVAL_ORDER, "platform-alpha", "OM 12/2027", "Forged",
                issuedAt, new CreateCaseRequest.Official("A. Virtanen", "Senior Officer"), "vaalit@om.example",
                "Criminal Code 14:2", "False polling date.", "ELECTORAL_DISINFORMATION", List.of("FI"), "Court, 30 days",
                "fi", Boolean.TRUE, Priority.HIGH, "AMBER", null, deadline,
                List.of(new CreateCaseRequest.ItemRequest(ItemType.CONTENT_URL, "https://social.example/p/1", null)));
    }

    static Set<String> invalid(Object request) {
        Set<ConstraintViolation<Object>> violations = VALIDATOR.validate(request);
        violations.forEach(v -> assertEquals(InstantWindow.MESSAGE, v.getMessage()));
        return violations.stream().map(v -> v.getPropertyPath().toString()).collect(Collectors.toSet());
    }

    @Test
    void everyInstantOfEveryRequestRecordIsHeldToTheWindow() {
        Instant wrapped = Instant.parse("+584556016-06-01T00:00:00Z");
        Instant far = Instant.parse("+300000-01-01T00:00:00Z");
        assertEquals(Set.of(), invalid(order(Instant.parse("1970-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59Z"))));
        assertEquals(Set.of("deadline"), invalid(order(Instant.parse("2027-04-01T08:00:00Z"), wrapped)));
        assertEquals(Set.of("issuedAt", "deadline"), invalid(order(far, far)));
        assertEquals(Set.of("issuedAt"), invalid(order(Instant.parse("-300000-01-01T00:00:00Z"), null)));
        ItemResponseRequest.Statement statement = new ItemResponseRequest.Statement("DECISION_VISIBILITY_CONTENT_REMOVED",
                "DECISION_GROUND_ILLEGAL_CONTENT", "STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE", false,
                "AUTOMATED_DECISION_NOT_AUTOMATED", List.of("FI"), "Removed.");
        assertEquals(Set.of("actionTakenAt"), invalid(new ItemResponseRequest(Outcome.REMOVED, far, null, statement)));
        assertEquals(Set.of(), invalid(new ItemResponseRequest(Outcome.REMOVED, Instant.parse("2027-04-12T08:05:00Z"),
                null, statement)));
    }

    @Test
    void aQueryParameterInTheWindowIsParsedWithItsOffset() {
        assertEquals(Instant.parse("2027-04-12T07:30:00Z"),
                InstantWindow.Bounds.parameter("since", "2027-04-12T10:30:00+03:00"));
        assertEquals(InstantWindow.Bounds.LATEST, InstantWindow.Bounds.parameter("since", "9999-12-31T23:59:59Z"));
        assertEquals(InstantWindow.Bounds.EARLIEST, InstantWindow.Bounds.parameter("since", "1970-01-01T00:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+300000-01-01T00:00:00Z", "-300000-01-01T00:00:00Z", "+584556016-06-01T00:00:00Z",
            "1969-12-31T23:59:59Z", "9999-12-31T23:59:59.5Z", "9999-12-31T23:59:59-00:01"})
    void aQueryParameterOutsideTheWindowIsAnInvalidParameter(String value) {
        HubException e = assertThrows(HubException.class, () -> InstantWindow.Bounds.parameter("updated_since", value));
        assertEquals(ProblemType.INVALID_PARAMETER, e.type());
        assertEquals("updated_since must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z.", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2027-04-12", "2027-04-12T07:30:00", "1700000000", "", "2027-13-01T00:00:00Z"})
    void aQueryParameterThatIsNoDateTimeIsAnInvalidParameterWithoutItsValue(String value) {
        HubException e = assertThrows(HubException.class, () -> InstantWindow.Bounds.parameter("since", value));
        assertEquals(ProblemType.INVALID_PARAMETER, e.type());
        assertEquals("since must be an RFC 3339 date-time.", e.getMessage());
    }
}
