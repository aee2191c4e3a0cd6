package org.electionpool.hub.it;

import static org.electionpool.hub.it.CaseRequests.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.electionpool.hub.client.HubClient;
import org.electionpool.hub.client.HubResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 10, items 3, 5 and 6, over real HXP/1 requests: a value of the wrong JSON type is
 * {@code 400 malformed-request} naming the field (never coerced), an instant outside the window or
 * an item too long once normalised is {@code 400 validation-failed} naming it (never a 500, never a
 * wrapped timestamp), an instant query parameter outside the window is {@code 400
 * invalid-parameter}; each refusal is one sealed {@code request.refused} entry and stores nothing.
 * The window's edges and the longest encodings are accepted and read back exactly.
 */
@ExtendWith(ArquillianExtension.class)
class StrictInputIT {

    private static final String CASES = "/api/v1/cases";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return HubDeployment.ear();
    }

    private final HubClient ministry = DemoClients.as(DemoClients.MINISTRY);
    private final HubClient platform = DemoClients.as(DemoClients.PLATFORM_A);

    private static JsonValue json(String text) {
        try (var reader = Json.createReader(new StringReader("[" + text + "]"))) {
            return reader.readArray().get(0);
        }
    }

    private static String with(String body, String member, String valueJson) {
        return Json.createObjectBuilder(parse(body)).add(member, json(valueJson)).build().toString();
    }

    private static String order() {
        return CaseRequests.removalOrder(DemoClients.PLATFORM_A);
    }

    /** @return the ministry's newest case id: unchanged means no case was stored */
    private String newestCase() {
        HubResponse page = ministry.get(CASES + "?limit=1");
        assertEquals(200, page.status(), page.problem());
        List<JsonObject> cases = parse(page.body()).getJsonArray("cases").getValuesAs(JsonObject.class);
        return cases.isEmpty() ? "" : cases.get(0).getString("id");
    }

    /** Asserts a sealed 400 of the type, recorded as one request.refused entry; @return the problem */
    private static JsonObject refused(HubResponse r, String slug) {
        assertEquals(400, r.status(), () -> "expected 400 " + slug + ", got " + r.status() + " " + r.problem() + r.body());
        assertTrue(r.sealed(), "after the envelope passed, the problem travels sealed");
        JsonObject problem = parse(r.problem());
        assertEquals(HttpClientSupport.PROBLEM_PREFIX + slug, problem.getString("type"), problem.toString());
        assertNotNull(r.receipt(), "the refusal is audited");
        JsonObject entry = parse(new String(Base64.getDecoder().decode(parse(r.receipt()).getString("leaf")),
                StandardCharsets.UTF_8));
        assertEquals("request.refused", entry.getString("action"));
        assertEquals(slug, entry.getJsonObject("details").getString("reason"));
        assertEquals(r.requestJti(), entry.getString("jti"));
        return problem;
    }

    private static void malformed(HubResponse r, String detail) {
        assertEquals(detail, refused(r, "malformed-request").getString("detail"));
    }

    private static void invalidFields(HubResponse r, String... fields) {
        JsonObject problem = refused(r, "validation-failed");
        Set<String> named = problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).collect(Collectors.toSet());
        assertEquals(Set.of(fields), named, problem.toString());
    }

    @Test
    void aCaseWithAValueOfTheWrongJsonTypeIsMalformedNamingTheFieldAndStoresNothing() {
        String before = newestCase();
        String[][] vectors = {
                {"providerMayBeInformed", "\"yes\"", "providerMayBeInformed must be true or false."},
                {"providerMayBeInformed", "\"true\"", "providerMayBeInformed must be true or false."},
                {"providerMayBeInformed", "1", "providerMayBeInformed must be true or false."},
                {"kind", "\"removal_order\"", "kind must be one of REMOVAL_ORDER, REFERRAL, INFORMATION_REQUEST, ALERT."},
                {"priority", "2", "priority must be one of NORMAL, HIGH, CRITICAL."},
                {"title", "42", "title must be a string."},
                {"title", "\"Forged\\u0000notice\"", "title must not contain U+0000."},
                {"reference", "[\"OM 42/2027\"]", "reference must be a string."},
                {"issuedAt", "1700000000", "issuedAt must be an RFC 3339 date-time string such as 2027-04-12T07:30:00Z."},
                {"deadline", "\"2027-04-20\"", "deadline must be an RFC 3339 date-time string such as 2027-04-12T07:30:00Z."},
                {"territorialScope", "\"FI\"", "territorialScope must be an array."},
                {"territorialScope", "[\"FI\",246]", "territorialScope[1] must be a string."},
                {"issuingOfficial", "\"Aino Virtanen\"", "issuingOfficial must be an object."},
                {"issuingOfficial", "{\"name\":\"A\",\"role\":\"B\",\"rank\":3}",
                        "issuingOfficial has a member this endpoint does not know."},
                {"items", "[{\"type\":1,\"value\":\"@x\"}]",
                        "items[0].type must be one of CONTENT_URL, PLATFORM_CONTENT_ID, ACCOUNT, HASHTAG, CONTENT_HASH."},
                {"items", "[{\"type\":\"ACCOUNT\",\"value\":12345}]", "items[0].value must be a string."},
                {"items", "{\"type\":\"ACCOUNT\",\"value\":\"@x\"}", "items must be an array."},
                {"providerMayBeInfomred", "true", "The body has a member this endpoint does not know."},
        };
        for (String[] v : vectors) {
            malformed(ministry.post(CASES, with(order(), v[0], v[1])), v[2]);
        }
        assertEquals(before, newestCase(), "no refused case was stored");
    }

    @Test
    void aCaseWithAnInstantOutsideTheWindowOrAnItemTooLongOnceNormalisedFailsValidationAndStoresNothing() {
        String before = newestCase();
        String[][] vectors = {
                {"deadline", "\"+300000-01-01T00:00:00Z\""},
                {"deadline", "\"+584556016-06-01T00:00:00Z\""}, // used to be 201, stored as 1967-03-01
                {"deadline", "\"+10000-01-01T00:00:00Z\""},
                {"deadline", "\"9999-12-31T23:59:59.5Z\""},
                {"issuedAt", "\"+300000-01-01T00:00:00Z\""},
                {"issuedAt", "\"-300000-01-01T00:00:00Z\""},
                {"issuedAt", "\"1969-12-31T23:59:59Z\""},
        };
        for (String[] v : vectors) {
            invalidFields(ministry.post(CASES, with(order(), v[0], v[1])), v[0]);
        }
        String dotted = "\u0130".repeat(2048); // 2,048 characters sent, 4,096 once lower-cased
        for (String type : List.of("ACCOUNT", "HASHTAG", "CONTENT_HASH")) {
            String items = Json.createArrayBuilder()
                    .add(Json.createObjectBuilder().add("type", "CONTENT_URL").add("value", "https://social.example/p/1"))
                    .add(Json.createObjectBuilder().add("type", type).add("value", dotted)).build().toString();
            String body = with(order(), "items", items);
            if (type.equals("HASHTAG")) {
                body = with(body, "kind", "\"REFERRAL\""); // a removal order names no hashtags
            }
            invalidFields(ministry.post(CASES, body), "items[1].value");
        }
        assertEquals(before, newestCase(), "no refused case was stored");
    }

    @Test
    void theWindowsEdgesAndTheLongestNormalisedItemAreStoredAndReadBackExactly() {
        String items = Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", "ACCOUNT")
                .add("value", "@" + "\u0130".repeat(1024))).build().toString(); // 2,048 once normalised
        String body = with(with(with(order(), "deadline", "\"9999-12-31T23:59:59Z\""), "issuedAt",
                "\"1970-01-01T00:00:00Z\""), "items", items);
        HubResponse created = ministry.post(CASES, body);
        assertEquals(201, created.status(), created.problem());
        String id = parse(created.body()).getString("id");
        JsonObject read = parse(ministry.get(CASES + "/" + id).body());
        assertEquals("9999-12-31T23:59:59Z", read.getString("deadline"));
        assertEquals("1970-01-01T00:00:00Z", read.getString("issuedAt"));
        assertEquals("ACCOUNT:" + "i\u0307".repeat(1024), read.getJsonArray("items").getJsonObject(0).getString("normalized"));
        assertTrue(read.getBoolean("providerMayBeInformed"));
    }

    private String acknowledgedCase() {
        String id = CaseRequests.create(ministry, DemoClients.PLATFORM_A);
        assertEquals(200, platform.post(CASES + "/" + id + "/transitions", CaseRequests.transition("ACKNOWLEDGE", null))
                .status());
        return id;
    }

    private static String response(String member, String valueJson) {
        JsonObject r = parse(CaseRequests.response("REMOVED", null));
        if (member.startsWith("statement.")) {
            JsonObjectBuilder statement = Json.createObjectBuilder(r.getJsonObject("statement"))
                    .add(member.substring("statement.".length()), json(valueJson));
            return Json.createObjectBuilder(r).add("statement", statement).build().toString();
        }
        return Json.createObjectBuilder(r).add(member, json(valueJson)).build().toString();
    }

    @Test
    void anItemResponseIsStrictAndHeldToTheWindowAndStoresNothingWhenRefused() {
        String id = acknowledgedCase();
        String item = CASES + "/" + id + "/items/1/response";
        String[][] malformedVectors = {
                {"statement.automatedDetection", "\"false\"", "statement.automatedDetection must be true or false."},
                {"statement.automatedDetection", "0", "statement.automatedDetection must be true or false."},
                {"statement.automatedDetection", "\"yes\"", "statement.automatedDetection must be true or false."},
                {"statement.facts", "5000", "statement.facts must be a string."},
                {"statement.territorialScope", "[true]", "statement.territorialScope[0] must be a string."},
                {"outcome", "\"removed\"", "outcome must be one of REMOVED, DISABLED_IN_TERRITORY, RESTRICTED_VISIBILITY,"
                        + " LABELLED, ACCOUNT_SUSPENDED, NO_ACTION, CANNOT_COMPLY."},
                {"actionTakenAt", "1776000000", "actionTakenAt must be an RFC 3339 date-time string such as 2027-04-12T07:30:00Z."},
        };
        for (String[] v : malformedVectors) {
            malformed(platform.put(item, response(v[0], v[1])), v[2]);
        }
        for (String when : List.of("\"+300000-01-01T00:00:00Z\"", "\"-300000-01-01T00:00:00Z\"",
                "\"+584556016-06-01T00:00:00Z\"", "\"1969-12-31T23:59:59Z\"")) {
            invalidFields(platform.put(item, response("actionTakenAt", when)), "actionTakenAt");
        }
        invalidFields(platform.put(item, response("statement.facts", Json.createValue("\"".repeat(5001)).toString())),
                "statement.facts");
        JsonObject c = parse(ministry.get(CASES + "/" + id).body());
        assertFalse(c.getJsonArray("items").getJsonObject(0).containsKey("response"), "no refused response was stored");
    }

    @Test
    void factsAtTheirLimitAreStoredWhateverTheirJsonEncodingCosts() {
        String id = acknowledgedCase();
        // 5,000 quotes used to be a 500: the statement column held 8,000 characters of JSON, the
        // escaped quotes need 10,000. Control characters cost six each: almost 30,000.
        for (String facts : List.of("\"".repeat(5000), "x" + "\u0001".repeat(4999), "\\".repeat(5000))) {
            HubResponse r = platform.put(CASES + "/" + id + "/items/1/response",
                    response("statement.facts", Json.createValue(facts).toString()));
            assertEquals(200, r.status(), r.problem());
            JsonObject statement = parse(ministry.get(CASES + "/" + id).body()).getJsonArray("items").getJsonObject(0)
                    .getJsonObject("response").getJsonObject("statement");
            assertEquals(facts, statement.getString("facts"));
            assertFalse(statement.getBoolean("automatedDetection"));
        }
    }

    @Test
    void aMessageItemIsAnIntegerInRangeNeverRoundedOrParsedFromText() {
        String id = CaseRequests.create(ministry, DemoClients.PLATFORM_A);
        String thread = CASES + "/" + id + "/messages";
        int before = parse(ministry.get(thread).body()).getJsonArray("messages").size();
        for (String hostile : List.of("9007199254740993", "4294967297", "2147483648", "-4294967295", "1.5", "1.0",
                "1e0", "\"1\"", "true", "[1]")) {
            malformed(ministry.post(thread, "{\"text\":\"About item one\",\"item\":" + hostile + "}"),
                    "item must be an integer from -2147483648 to 2147483647.");
            malformed(ministry.post(CASES + "/" + id + "/attachments", "{\"filename\":\"a.txt\",\"mediaType\":\"text/plain\","
                    + "\"content\":\"aGk=\",\"item\":" + hostile + "}"), "item must be an integer from -2147483648 to 2147483647.");
        }
        invalidFields(ministry.post(thread, "{\"text\":\"About item 2147483647\",\"item\":2147483647}"), "item");
        invalidFields(ministry.post(thread, "{\"text\":\"About item zero\",\"item\":0}"), "item");
        malformed(ministry.post(thread, "{\"text\":42}"), "text must be a string.");
        malformed(ministry.post(CASES + "/" + id + "/transitions", "{\"action\":1}"),
                "action must be one of ACKNOWLEDGE, START, REQUEST_INFORMATION, PROVIDE_INFORMATION, RESOLVE, CLOSE,"
                        + " WITHDRAW, REOPEN.");
        malformed(ministry.post(CASES + "/" + id + "/transitions", "{\"action\":\"WITHDRAW\",\"note\":false}"),
                "note must be a string.");
        assertEquals(before, parse(ministry.get(thread).body()).getJsonArray("messages").size(), "nothing was posted");
        assertEquals("SUBMITTED", parse(ministry.get(CASES + "/" + id).body()).getString("status"));

        HubResponse one = ministry.post(thread, "{\"text\":\"About item one\",\"item\":1}");
        assertEquals(201, one.status(), one.problem());
        assertEquals(1, parse(one.body()).getInt("item"));
    }

    @Test
    void theOrganisationWebhookAndKeyRequestsAreStrictToo() {
        HubClient operator = DemoClients.as(DemoClients.OPERATOR);
        malformed(operator.post("/api/v1/organizations", "{\"id\":\"it-strict-org\",\"name\":\"X\",\"kind\":1,"
                + "\"country\":\"FI\",\"contactPoint\":\"x@example.org\"}"),
                "kind must be one of AUTHORITY, PLATFORM, AUDITOR, OPERATOR.");
        malformed(operator.post("/api/v1/organizations", "{\"id\":\"it-strict-org\",\"name\":true,\"kind\":\"PLATFORM\","
                + "\"country\":\"FI\",\"contactPoint\":\"x@example.org\"}"), "name must be a string.");
        assertEquals(404, operator.get("/api/v1/organizations/it-strict-org").status(), "nothing was registered");
        malformed(platform.put("/api/v1/webhook", "{\"url\":[\"https://hooks.example/\"]}"), "url must be a string.");
        malformed(platform.post("/api/v1/organizations/" + DemoClients.PLATFORM_A + "/keys",
                "{\"jwk\":\"{}\",\"use\":\"sig\"}"), "jwk must be an object.");
        malformed(platform.post("/api/v1/organizations/" + DemoClients.PLATFORM_A + "/keys",
                "{\"pem\":\"x\",\"use\":1}"), "use must be one of SIG, ENC.");
    }

    @Test
    void anInstantQueryParameterOutsideTheWindowIsAnInvalidParameter() {
        for (String when : List.of("%2B300000-01-01T00:00:00Z", "-300000-01-01T00:00:00Z", "1969-12-31T23:59:59Z",
                "%2B584556016-06-01T00:00:00Z")) {
            JsonObject p = refused(ministry.get(CASES + "?updated_since=" + when), "invalid-parameter");
            assertEquals("updated_since must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z.", p.getString("detail"));
            p = refused(platform.get(CASES + "/statements?since=" + when), "invalid-parameter");
            assertEquals("since must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z.", p.getString("detail"));
        }
        JsonObject p = refused(ministry.get(CASES + "?updated_since=yesterday"), "invalid-parameter");
        assertEquals("updated_since must be an RFC 3339 date-time.", p.getString("detail"));
        assertEquals(200, ministry.get(CASES + "?updated_since=1970-01-01T00:00:00Z&limit=1").status());
        assertEquals(200, ministry.get(CASES + "?updated_since=9999-12-31T23:59:59Z").status());
        assertEquals(200, platform.get(CASES + "/statements?since=9999-12-31T23:59:59Z").status());

        // The case list's own cursor carries an instant too: a forged one from year 300000 is refused.
        String id = CaseRequests.create(ministry, DemoClients.PLATFORM_A);
        for (String when : List.of("+300000-01-01T00:00:00Z", "-300000-01-01T00:00:00Z")) {
            String cursor = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((when + "|" + id).getBytes(StandardCharsets.UTF_8));
            refused(ministry.get(CASES + "?after=" + cursor), "invalid-parameter");
        }
    }
}
