package org.electionpool.hub.cases.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.electionpool.hub.api.cases.CaseKind;
import org.electionpool.hub.api.cases.CaseStatus;
import org.electionpool.hub.api.cases.CaseView;
import org.electionpool.hub.api.cases.CreateCaseRequest;
import org.electionpool.hub.api.cases.ItemResponseRequest;
import org.electionpool.hub.api.cases.ItemType;
import org.electionpool.hub.api.cases.Outcome;
import org.electionpool.hub.api.cases.StatementOfReasons;
import org.electionpool.hub.api.cases.Priority;
import org.electionpool.hub.api.cases.TcoReason;
import org.junit.jupiter.api.Test;

/** The export of item responses as DSA Transparency Database statements of reasons. */
class DsaStatementsTest {

    private static final String ID = "case-3f1c2a9e-8b7d-4c6e-9f01-23456789abcd";
    private static final Instant ISSUED = Instant.parse("2027-04-11T09:30:00Z");
    private static final Instant CREATED = Instant.parse("2027-04-11T09:31:00Z");
    private static final String CATEGORY = "STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS";
    /** The TDB's PUID rule: letters, digits, '-' and '_', at most 500. */
    private static final Pattern TDB_PUID = Pattern.compile("[a-zA-Z0-9_-]{1,500}");
    private static final Pattern TDB_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private static ItemResponseRequest.Statement statement(String visibility, String ground, List<String> scope,
                                                           String facts) {
        return new ItemResponseRequest.Statement(visibility, ground, CATEGORY, Boolean.FALSE,
                "AUTOMATED_DECISION_NOT_AUTOMATED", scope, facts);
    }

    private static CaseView.ResponseView response(Outcome outcome, Instant at, ItemResponseRequest.Statement s) {
        return new CaseView.ResponseView(outcome, at, outcome == Outcome.CANNOT_COMPLY
                ? TcoReason.INSUFFICIENT_INFORMATION : null, s, at.plusSeconds(60));
    }

    private static CaseView.ItemView item(int n, ItemType type, String value, CaseView.ResponseView response) {
        return new CaseView.ItemView(n, type, value, value.toLowerCase(), null, response);
    }

    private static CaseView removalOrder(List<String> scope, String legalBasis, String reasons,
                                         List<CaseView.ItemView> items) {
        return new CaseView(ID, "om-42", CaseKind.REMOVAL_ORDER, CaseStatus.IN_PROGRESS, false,
                "ministry-of-justice-fi", "platform-alpha", "OM 42/2027", "Forged voting instructions", ISSUED,
                new CreateCaseRequest.Official("A. Virtanen", "Senior officer"), "vaalit@om.example", legalBasis,
                reasons, "ELECTORAL_DISINFORMATION", scope, "Helsinki Administrative Court, 30 days", "fi",
                Boolean.FALSE, Priority.HIGH, "AMBER", "fi-parliamentary-2027", CREATED.plusSeconds(86_400), items,
                List.of(), CREATED, CREATED.plusSeconds(7200));
    }

    /** The order of the brief: removed, disabled in its territory, cannot comply. */
    private static CaseView threeItemOrder() {
        CaseView.ItemView removed = item(1, ItemType.CONTENT_URL, "https://social.example/p/1",
                response(Outcome.REMOVED, Instant.parse("2027-04-12T08:05:00Z"),
                        statement("DECISION_VISIBILITY_CONTENT_REMOVED", "DECISION_GROUND_ILLEGAL_CONTENT",
                                List.of("FI"), "Removed on the order OM 42/2027.")));
        CaseView.ItemView disabled = item(2, ItemType.PLATFORM_CONTENT_ID, "post-88121",
                response(Outcome.DISABLED_IN_TERRITORY, Instant.parse("2027-04-12T23:40:00Z"),
                        statement("DECISION_VISIBILITY_CONTENT_DISABLED", "DECISION_GROUND_ILLEGAL_CONTENT",
                                null, "Geo-blocked in the order's territory.")));
        CaseView.ItemView cannot = item(3, ItemType.ACCOUNT, "@vaalibotti",
                response(Outcome.CANNOT_COMPLY, Instant.parse("2027-04-12T08:10:00Z"),
                        statement("DECISION_VISIBILITY_OTHER", "DECISION_GROUND_ILLEGAL_CONTENT", null,
                                "Two accounts match the handle.")));
        return removalOrder(List.of("FI", "AX"), "Criminal Code of Finland 14:2 (election fraud)",
                "The post gives a false polling date.", List.of(removed, disabled, cannot));
    }

    private static Map<String, Object> only(CaseView c) {
        List<Map<String, Object>> all = attributes(DsaStatements.of(c));
        assertEquals(1, all.size(), "statements: " + all);
        return all.get(0);
    }

    private static CaseView oneItem(Outcome outcome, ItemResponseRequest.Statement s) {
        return removalOrder(List.of("FI"), "Criminal Code of Finland 14:2", "False polling date.",
                List.of(item(1, ItemType.CONTENT_URL, "https://social.example/p/9",
                        response(outcome, Instant.parse("2027-04-12T08:05:00Z"), s))));
    }

    @Test
    void aRemovalOrderWithThreeItemsGivesAStatementForEachRestrictionAndNoneForCannotComply() {
        List<Map<String, Object>> statements = attributes(DsaStatements.of(threeItemOrder()));

        Map<String, Object> removed = new LinkedHashMap<>();
        removed.put("decision_visibility", List.of("DECISION_VISIBILITY_CONTENT_REMOVED"));
        removed.put("decision_ground", "DECISION_GROUND_ILLEGAL_CONTENT");
        removed.put("illegal_content_legal_ground", "Criminal Code of Finland 14:2 (election fraud)");
        removed.put("illegal_content_explanation", "The post gives a false polling date.");
        removed.put("content_type", List.of("CONTENT_TYPE_OTHER"));
        removed.put("content_type_other", "Unspecified (identified by URL)");
        removed.put("category", CATEGORY);
        removed.put("territorial_scope", List.of("FI"));
        removed.put("content_date", "2027-04-11");
        removed.put("application_date", "2027-04-12");
        removed.put("decision_facts", "Removed on the order OM 42/2027.");
        removed.put("source_type", "SOURCE_TYPE_OTHER_NOTIFICATION");
        removed.put("source_identity", "ministry-of-justice-fi");
        removed.put("automated_detection", "No");
        removed.put("automated_decision", "AUTOMATED_DECISION_NOT_AUTOMATED");
        removed.put("puid", ID + "_1");

        Map<String, Object> disabled = new LinkedHashMap<>(removed);
        disabled.put("decision_visibility", List.of("DECISION_VISIBILITY_CONTENT_DISABLED"));
        disabled.put("content_type_other", "Unspecified (identified by the platform's content id)");
        disabled.put("territorial_scope", List.of("FI"));
        disabled.put("application_date", "2027-04-12");
        disabled.put("decision_facts", "Geo-blocked in the order's territory.");
        disabled.put("puid", ID + "_2");

        assertEquals(List.of(removed, disabled), statements);
        assertEquals(new ArrayList<>(removed.keySet()), new ArrayList<>(statements.get(0).keySet()),
                "attributes in the TDB's order");
    }

    @Test
    void noActionAndCannotComplyAndUnansweredItemsGiveNoStatement() {
        ItemResponseRequest.Statement s = statement("DECISION_VISIBILITY_CONTENT_REMOVED",
                "DECISION_GROUND_ILLEGAL_CONTENT", List.of("FI"), "Assessed.");
        Instant at = Instant.parse("2027-04-12T08:05:00Z");
        CaseView c = removalOrder(List.of("FI"), "Criminal Code 14:2", "Reasons.", List.of(
                item(1, ItemType.CONTENT_URL, "https://social.example/p/1", response(Outcome.NO_ACTION, at, s)),
                item(2, ItemType.CONTENT_URL, "https://social.example/p/2", response(Outcome.CANNOT_COMPLY, at, s)),
                item(3, ItemType.CONTENT_URL, "https://social.example/p/3", null)));

        assertEquals(List.of(), attributes(DsaStatements.of(c)));
        assertEquals(Optional.empty(), DsaStatements.of(c, c.items().get(2)).map(StatementOfReasons::attributes));
    }

    @Test
    void puidsAreUniquePerItemStableAcrossExportsAndInTheTdbAlphabet() {
        List<Map<String, Object>> first = attributes(DsaStatements.of(threeItemOrder()));
        List<Map<String, Object>> again = attributes(DsaStatements.of(threeItemOrder()));

        List<Object> puids = first.stream().map(m -> m.get("puid")).toList();
        assertEquals(List.of(ID + "_1", ID + "_2"), puids);
        assertEquals(puids.size(), new HashSet<>(puids).size());
        assertEquals(first, again);
        puids.forEach(p -> assertTrue(TDB_PUID.matcher((String) p).matches(), "TDB PUID syntax: " + p));
    }

    @Test
    void datesAreUtcCalendarDatesAndTheContentDateIsTheEarliestKnown() {
        Map<String, Object> disabled = attributes(DsaStatements.of(threeItemOrder())).get(1);

        assertEquals("2027-04-12", disabled.get("application_date"), "23:40Z stays on the 12th: UTC dates");
        assertEquals("2027-04-11", disabled.get("content_date"), "the order's issue date bounds the content's");
        assertTrue(TDB_DATE.matcher((String) disabled.get("content_date")).matches());

        CaseView early = removalOrder(List.of("FI"), "Criminal Code 14:2", "Reasons.",
                List.of(item(1, ItemType.CONTENT_URL, "https://social.example/p/1",
                        response(Outcome.REMOVED, Instant.parse("2027-04-02T07:00:00Z"),
                                statement("DECISION_VISIBILITY_CONTENT_REMOVED", "DECISION_GROUND_ILLEGAL_CONTENT",
                                        null, "Already removed before the order arrived.")))));
        assertEquals("2027-04-02", only(early).get("content_date"), "action before issue: the action date");
        assertEquals("2027-04-02", only(early).get("application_date"));
    }

    @Test
    void territorialScopeFallsBackToTheCaseAndKeepsOnlyEuAndEeaCountries() {
        assertEquals(List.of("FI"), attributes(DsaStatements.of(threeItemOrder())).get(1).get("territorial_scope"),
                "no scope in the response: the case's FI+AX, Åland being part of Finland");
        assertEquals(List.of("SE", "NO"), DsaStatements.territorialScope(List.of("SE", "GB", "NO", "SE"), List.of("FI")),
                "the response's own scope wins; GB is not in the TDB's list");
        assertEquals(DsaStatements.EU, DsaStatements.territorialScope(List.of("EU"), null));
        assertEquals(List.of(), DsaStatements.territorialScope(null, null), "no scope anywhere");

        CaseView outside = oneItem(Outcome.DISABLED_IN_TERRITORY, statement("DECISION_VISIBILITY_CONTENT_DISABLED",
                "DECISION_GROUND_ILLEGAL_CONTENT", List.of("GB", "US"), "Blocked in GB and the US only."));
        assertEquals(List.of(), attributes(DsaStatements.of(outside)), "a restriction outside the EU/EEA is not the TDB's");
    }

    @Test
    void illegalContentCarriesTheAuthoritysGroundsCutToTheTdbLimits() {
        String longBasis = "§".repeat(600);
        String longReasons = "😀".repeat(2500);
        CaseView c = removalOrder(List.of("FI"), longBasis, longReasons,
                List.of(item(1, ItemType.CONTENT_URL, "https://social.example/p/1",
                        response(Outcome.REMOVED, Instant.parse("2027-04-12T08:05:00Z"),
                                statement("DECISION_VISIBILITY_CONTENT_REMOVED", "DECISION_GROUND_ILLEGAL_CONTENT",
                                        null, "Removed.")))));
        Map<String, Object> s = only(c);

        String ground = (String) s.get("illegal_content_legal_ground");
        String explanation = (String) s.get("illegal_content_explanation");
        assertEquals(500, ground.codePointCount(0, ground.length()));
        assertTrue(ground.endsWith("§…"));
        assertEquals(2000, explanation.codePointCount(0, explanation.length()), "code points, not UTF-16 units");
        assertTrue(explanation.endsWith("😀…"), "no surrogate pair split");
        assertFalse(s.containsKey("incompatible_content_ground"));
        assertFalse(s.containsKey("incompatible_content_explanation"));
    }

    @Test
    void anIllegalContentReferralWithoutLegalBasisUsesThePlatformsFacts() {
        CaseView c = removalOrder(List.of("FI"), null, " ",
                List.of(item(1, ItemType.CONTENT_URL, "https://social.example/p/1",
                        response(Outcome.REMOVED, Instant.parse("2027-04-12T08:05:00Z"),
                                statement("DECISION_VISIBILITY_CONTENT_REMOVED", "DECISION_GROUND_ILLEGAL_CONTENT",
                                        null, "Illegal under Election Act 2:13.")))));
        Map<String, Object> s = only(c);

        assertEquals("Illegal under Election Act 2:13.", s.get("illegal_content_legal_ground"));
        assertEquals("Illegal under Election Act 2:13.", s.get("illegal_content_explanation"));
    }

    @Test
    void incompatibleContentCarriesThePlatformsContractualGroundsAndNoLegalOnes() {
        Map<String, Object> s = only(oneItem(Outcome.REMOVED, statement("DECISION_VISIBILITY_CONTENT_REMOVED",
                "DECISION_GROUND_INCOMPATIBLE_CONTENT", List.of("FI"), "Community Guidelines 4.2: election integrity.")));

        assertEquals("DECISION_GROUND_INCOMPATIBLE_CONTENT", s.get("decision_ground"));
        assertEquals("Community Guidelines 4.2: election integrity.", s.get("incompatible_content_ground"));
        assertEquals("Community Guidelines 4.2: election integrity.", s.get("incompatible_content_explanation"));
        assertFalse(s.containsKey("illegal_content_legal_ground"));
        assertFalse(s.containsKey("illegal_content_explanation"));
    }

    @Test
    void restrictedVisibilityKeepsTheResponsesRestrictionUnlessItContradictsTheOutcome() {
        assertEquals(List.of("DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED"), only(oneItem(Outcome.RESTRICTED_VISIBILITY,
                statement("DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED", "DECISION_GROUND_ILLEGAL_CONTENT", null, "Age-gated.")))
                .get("decision_visibility"));
        assertEquals(List.of("DECISION_VISIBILITY_CONTENT_DEMOTED"), only(oneItem(Outcome.RESTRICTED_VISIBILITY,
                statement("DECISION_VISIBILITY_CONTENT_REMOVED", "DECISION_GROUND_ILLEGAL_CONTENT", null, "Demoted.")))
                .get("decision_visibility"));

        Map<String, Object> other = only(oneItem(Outcome.RESTRICTED_VISIBILITY,
                statement("DECISION_VISIBILITY_OTHER", "DECISION_GROUND_ILLEGAL_CONTENT", null, "Hidden from search.")));
        assertEquals(List.of("DECISION_VISIBILITY_OTHER"), other.get("decision_visibility"));
        assertEquals("Hidden from search.", other.get("decision_visibility_other"));
    }

    @Test
    void theOutcomeWinsOverAContradictingVisibilityAndLabellingIsARestriction() {
        assertEquals(List.of("DECISION_VISIBILITY_CONTENT_REMOVED"), only(oneItem(Outcome.REMOVED,
                statement("DECISION_VISIBILITY_CONTENT_LABELLED", "DECISION_GROUND_ILLEGAL_CONTENT", null, "Removed.")))
                .get("decision_visibility"));
        assertEquals(List.of("DECISION_VISIBILITY_CONTENT_LABELLED"), only(oneItem(Outcome.LABELLED,
                statement("DECISION_VISIBILITY_CONTENT_DEMOTED", "DECISION_GROUND_ILLEGAL_CONTENT", null, "Fact-check.")))
                .get("decision_visibility"));
    }

    @Test
    void anAccountSuspensionIsAnAccountRestrictionWithTheResponsesVisibility() {
        CaseView c = removalOrder(List.of("FI"), "Criminal Code 14:2", "Reasons.",
                List.of(item(1, ItemType.ACCOUNT, "@vaalibotti",
                        response(Outcome.ACCOUNT_SUSPENDED, Instant.parse("2027-04-12T08:05:00Z"),
                                new ItemResponseRequest.Statement("DECISION_VISIBILITY_CONTENT_DISABLED",
                                        "DECISION_GROUND_ILLEGAL_CONTENT", CATEGORY, Boolean.TRUE,
                                        "AUTOMATED_DECISION_PARTIALLY", null, "Suspended.")))));
        Map<String, Object> s = only(c);

        assertEquals("DECISION_ACCOUNT_SUSPENDED", s.get("decision_account"));
        assertEquals(List.of("DECISION_VISIBILITY_CONTENT_DISABLED"), s.get("decision_visibility"));
        assertEquals("Account", s.get("content_type_other"));
        assertEquals("Yes", s.get("automated_detection"));
        assertEquals("AUTOMATED_DECISION_PARTIALLY", s.get("automated_decision"));

        Map<String, Object> unknown = only(removalOrder(List.of("FI"), "Criminal Code 14:2", "Reasons.",
                List.of(item(1, ItemType.ACCOUNT, "@vaalibotti", response(Outcome.ACCOUNT_SUSPENDED,
                        Instant.parse("2027-04-12T08:05:00Z"), statement("DECISION_VISIBILITY_CONTENT_HIDDEN",
                                "DECISION_GROUND_ILLEGAL_CONTENT", null, "Suspended."))))));
        assertFalse(unknown.containsKey("decision_visibility"), "a value the TDB does not know is left out");
        assertEquals("DECISION_ACCOUNT_SUSPENDED", unknown.get("decision_account"));
    }

    /** The statements as the TDB's attribute maps, what their JSON holds. */
    private static List<Map<String, Object>> attributes(List<StatementOfReasons> statements) {
        return statements.stream().map(StatementOfReasons::attributes).toList();
    }

    @Test
    void theJsonOfAStatementIsPinned() {
        String json = jakarta.json.bind.JsonbBuilder.create(new jakarta.json.bind.JsonbConfig().withNullValues(false))
                .toJson(DsaStatements.of(threeItemOrder()).get(0));
        assertEquals("{\"decision_visibility\":[\"DECISION_VISIBILITY_CONTENT_REMOVED\"],"
                + "\"decision_ground\":\"DECISION_GROUND_ILLEGAL_CONTENT\","
                + "\"illegal_content_legal_ground\":\"Criminal Code of Finland 14:2 (election fraud)\","
                + "\"illegal_content_explanation\":\"The post gives a false polling date.\","
                + "\"content_type\":[\"CONTENT_TYPE_OTHER\"],"
                + "\"content_type_other\":\"Unspecified (identified by URL)\","
                + "\"category\":\"" + CATEGORY + "\","
                + "\"territorial_scope\":[\"FI\"],"
                + "\"content_date\":\"2027-04-11\","
                + "\"application_date\":\"2027-04-12\","
                + "\"decision_facts\":\"Removed on the order OM 42/2027.\","
                + "\"source_type\":\"SOURCE_TYPE_OTHER_NOTIFICATION\","
                + "\"source_identity\":\"ministry-of-justice-fi\","
                + "\"automated_detection\":\"No\","
                + "\"automated_decision\":\"AUTOMATED_DECISION_NOT_AUTOMATED\","
                + "\"puid\":\"" + ID + "_1\"}", json);
        java.util.Map<String, Object> other = new java.util.LinkedHashMap<>(DsaStatements.of(oneItem(Outcome.RESTRICTED_VISIBILITY,
                statement("DECISION_VISIBILITY_OTHER", "DECISION_GROUND_INCOMPATIBLE_CONTENT", List.of("FI"), "Shadow-banned.")))
                .get(0).attributes());
        String otherJson = jakarta.json.bind.JsonbBuilder.create(new jakarta.json.bind.JsonbConfig().withNullValues(false))
                .toJson(DsaStatements.of(oneItem(Outcome.RESTRICTED_VISIBILITY, statement("DECISION_VISIBILITY_OTHER",
                        "DECISION_GROUND_INCOMPATIBLE_CONTENT", List.of("FI"), "Shadow-banned."))).get(0));
        assertEquals(jakarta.json.bind.JsonbBuilder.create().toJson(other), otherJson,
                "the record writes exactly what the attribute map of earlier versions wrote, in its order");
    }
}
