package org.electionpool.hub.api.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.electionpool.hub.api.problem.FieldViolation;
import org.junit.jupiter.api.Test;

/** Field rules (Bean Validation) and what each kind requires on top. */
class CreateCaseRequestTest {

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator())
            .buildValidatorFactory().getValidator();

    static CreateCaseRequest order(CaseKind kind) {
        return new CreateCaseRequest("ref-1", kind, "platform-alpha", "OM 12/2027", "Forged voting instructions",
                Instant.parse("2027-04-01T08:00:00Z"), new CreateCaseRequest.Official("A. Virtanen", "Senior Officer"),
                "vaalit@om.example", "Criminal Code 14:2", "Posts give a false polling date.", "ELECTORAL_DISINFORMATION",
                List.of("FI"), "Administrative Court of Helsinki, 30 days", "fi", Boolean.TRUE, Priority.HIGH, "AMBER",
                "fi-parliamentary-2027", null, List.of(new CreateCaseRequest.ItemRequest(ItemType.CONTENT_URL,
                        "https://social.example/p/1", null)));
    }

    private static Set<String> fields(List<FieldViolation> v) {
        return v.stream().map(FieldViolation::field).collect(Collectors.toSet());
    }

    @Test
    void aCompleteRemovalOrderIsValid() {
        assertTrue(VALIDATOR.validate(order(CaseKind.REMOVAL_ORDER)).isEmpty());
        assertTrue(order(CaseKind.REMOVAL_ORDER).kindViolations().isEmpty());
    }

    @Test
    void aRemovalOrderWithoutItsLegalFieldsNamesEachOne() {
        CreateCaseRequest o = order(CaseKind.REMOVAL_ORDER);
        CreateCaseRequest bare = new CreateCaseRequest(o.clientRef(), o.kind(), o.addressee(), o.reference(), o.title(),
                null, null, null, null, null, null, null, null, null, null, o.priority(), o.tlp(), null, null, o.items());
        assertEquals(Set.of("issuedAt", "issuingOfficial", "contact", "legalBasis", "redress", "language", "category",
                "providerMayBeInformed", "territorialScope", "statementOfReasons"), fields(bare.kindViolations()));
    }

    @Test
    void anAlertNeedsNothingBeyondTitleAndItems() {
        CreateCaseRequest o = order(CaseKind.ALERT);
        CreateCaseRequest bare = new CreateCaseRequest(o.clientRef(), CaseKind.ALERT, o.addressee(), o.reference(),
                o.title(), null, null, null, null, null, null, null, null, null, null, o.priority(), o.tlp(), null, null,
                o.items());
        assertTrue(bare.kindViolations().isEmpty());
        CreateCaseRequest referral = new CreateCaseRequest(o.clientRef(), CaseKind.REFERRAL, o.addressee(),
                o.reference(), o.title(), null, null, null, null, null, null, null, null, null, null, o.priority(),
                o.tlp(), null, null, o.items());
        assertEquals(Set.of("statementOfReasons"), fields(referral.kindViolations()));
    }

    @Test
    void aRemovalOrderDoesNotTargetHashtags() {
        CreateCaseRequest o = order(CaseKind.REMOVAL_ORDER);
        CreateCaseRequest tagged = new CreateCaseRequest(o.clientRef(), o.kind(), o.addressee(), o.reference(), o.title(),
                o.issuedAt(), o.issuingOfficial(), o.contact(), o.legalBasis(), o.statementOfReasons(), o.category(),
                o.territorialScope(), o.redress(), o.language(), o.providerMayBeInformed(), o.priority(), o.tlp(),
                o.election(), null, List.of(new CreateCaseRequest.ItemRequest(ItemType.HASHTAG, "#vaalit", null)));
        assertEquals(Set.of("items[0].type"), fields(tagged.kindViolations()));
    }

    @Test
    void fieldRulesRefuseBadMarkingsCodesAndReferences() {
        CreateCaseRequest o = order(CaseKind.REFERRAL);
        CreateCaseRequest bad = new CreateCaseRequest("has space", o.kind(), "Platform_Alpha", o.reference(), o.title(),
                null, null, "not-an-email", null, "x", "lower", List.of("XX"), null, "fin", null, o.priority(), "AMBER+",
                "Bad Election", null, List.of());
        Set<String> paths = VALIDATOR.validate(bad).stream().map(v -> v.getPropertyPath().toString())
                .collect(Collectors.toSet());
        assertTrue(paths.containsAll(Set.of("clientRef", "addressee", "contact", "category", "language", "tlp",
                "election", "items")), paths.toString());
        assertTrue(paths.stream().anyMatch(p -> p.startsWith("territorialScope")), paths.toString());
    }
}
