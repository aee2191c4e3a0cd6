package org.electionpool.hub.web.http;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.electionpool.hub.api.cases.AttachmentRequest;
import org.electionpool.hub.api.cases.CreateCaseRequest;
import org.electionpool.hub.api.cases.ItemResponseRequest;
import org.electionpool.hub.api.cases.MessageRequest;
import org.electionpool.hub.api.cases.TransitionRequest;
import org.electionpool.hub.api.keys.AddKeyRequest;
import org.electionpool.hub.api.organizations.CreateOrganizationRequest;
import org.electionpool.hub.api.problem.HubException;
import org.electionpool.hub.api.problem.ProblemType;
import org.electionpool.hub.api.webhooks.WebhookRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every kind of coercion Yasson would do on its own is refused, naming the field, never the value. */
class StrictBindingTest {

    /** Every record a request body binds to. */
    static final List<Class<?>> REQUEST_RECORDS = List.of(CreateCaseRequest.class, TransitionRequest.class,
            ItemResponseRequest.class, MessageRequest.class, AttachmentRequest.class, CreateOrganizationRequest.class,
            WebhookRequest.class, AddKeyRequest.class);

    static JsonValue json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    static JsonObject removalOrder() throws IOException {
        return json(Files.readString(Path.of("../docs/examples/removal-order.json"))).asJsonObject();
    }

    static JsonObject with(JsonObject o, String member, String valueJson) {
        JsonObjectBuilder b = Json.createObjectBuilder(o);
        b.add(member, json(valueJson));
        return b.build();
    }

    static JsonObject response(String statementMember, String valueJson) {
        JsonObject statement = json("""
                {"decisionVisibility":"DECISION_VISIBILITY_CONTENT_REMOVED",
                 "decisionGround":"DECISION_GROUND_ILLEGAL_CONTENT",
                 "category":"STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS",
                 "automatedDetection":false,"automatedDecision":"AUTOMATED_DECISION_NOT_AUTOMATED",
                 "territorialScope":["FI"],"facts":"Removed on the order OM 42/2027."}""").asJsonObject();
        if (statementMember != null) {
            statement = with(statement, statementMember, valueJson);
        }
        return Json.createObjectBuilder().add("outcome", "REMOVED").add("actionTakenAt", "2027-04-12T08:05:00Z")
                .add("statement", statement).build();
    }

    static HubException refused(JsonValue body, Type type) {
        HubException e = assertThrows(HubException.class, () -> StrictBinding.check(body, type));
        assertEquals(ProblemType.MALFORMED_REQUEST, e.type());
        return e;
    }

    static void assertRefused(String expectedDetail, JsonValue body, Type type, String refusedValue) {
        HubException e = refused(body, type);
        assertEquals(expectedDetail, e.getMessage());
        if (refusedValue != null) {
            assertFalse(e.getMessage().contains(refusedValue), "the detail quotes the refused value: " + e.getMessage());
        }
    }

    @Test
    void everyRequestRecordIsOfTypesTheCheckKnows() throws IOException, URISyntaxException {
        for (Class<?> record : REQUEST_RECORDS) {
            assertDoesNotThrow(() -> StrictBinding.requireSupported(record), record.getName());
        }
        // Every record named *Request in hub-api (outside the envelope's own types) is in the list.
        Path root = Path.of(CreateCaseRequest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        TreeSet<String> found = new TreeSet<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> files = Files.walk(root)) {
                files.map(p -> root.relativize(p).toString().replace('/', '.'))
                        .filter(n -> n.endsWith("Request.class") && !n.contains(".hxp.") && !n.contains("$"))
                        .forEach(n -> found.add(n.substring(0, n.length() - ".class".length())));
            }
            TreeSet<String> listed = new TreeSet<>(REQUEST_RECORDS.stream().map(Class::getName).toList());
            assertEquals(listed, found, "a request record the strict binding test does not list");
        }
    }

    @Test
    void theExampleRemovalOrderIsAcceptedUnchanged() throws IOException {
        assertDoesNotThrow(() -> StrictBinding.check(removalOrder(), CreateCaseRequest.class));
        assertDoesNotThrow(() -> StrictBinding.check(response(null, null), ItemResponseRequest.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"yes\"", "\"true\"", "\"false\"", "1", "0", "[]", "{}", "\"\""})
    void aBooleanIsOnlyTrueOrFalse(String hostile) throws IOException {
        assertRefused("providerMayBeInformed must be true or false.",
                with(removalOrder(), "providerMayBeInformed", hostile), CreateCaseRequest.class, hostile);
        assertRefused("statement.automatedDetection must be true or false.",
                response("automatedDetection", hostile), ItemResponseRequest.class, hostile);
    }

    @Test
    void aBooleanMayBeNullWhereValidationDecides() throws IOException {
        assertDoesNotThrow(() -> StrictBinding.check(with(removalOrder(), "providerMayBeInformed", "null"),
                CreateCaseRequest.class));
        assertDoesNotThrow(() -> StrictBinding.check(with(removalOrder(), "providerMayBeInformed", "false"),
                CreateCaseRequest.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"9007199254740993", "4294967297", "2147483648", "-2147483649", "1.5", "1.0", "\"1\"",
            "1e10", "1E+400", "1e1000000000", "-1e1000000000", "true", "[1]", "{\"n\":1}", "1.0000000000000000001"})
    void anIntegerIsOnlyAnIntegralNumberInRange(String hostile) {
        JsonObject message = Json.createObjectBuilder().add("text", "Which account?").add("item", json(hostile)).build();
        assertRefused("item must be an integer from -2147483648 to 2147483647.", message, MessageRequest.class, null);
        JsonObject attachment = Json.createObjectBuilder().add("filename", "a.txt").add("mediaType", "text/plain")
                .add("content", "aGk=").add("item", json(hostile)).build();
        assertRefused("item must be an integer from -2147483648 to 2147483647.", attachment, AttachmentRequest.class,
                null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "3", "2147483647", "-2147483648", "0", "1e2", "null"})
    void anIntegralNumberInRangeIsAccepted(String fine) {
        JsonObject message = Json.createObjectBuilder().add("text", "Which account?").add("item", json(fine)).build();
        // @Positive decides the sign. 1e2 is integral here; over HXP/1 it never arrives so: the
        // envelope's JSON library reads it as the double 100.0, which is refused (StrictInputIT).
        assertDoesNotThrow(() -> StrictBinding.check(message, MessageRequest.class));
    }

    /** Each bounded integer type has its own range; primitives refuse null. */
    record Numbers(byte b, short s, int i, long l, Long boxed, BigInteger big, double d, boolean flag) {
    }

    @Test
    void everyIntegerTypeHasItsRangeAndPrimitivesRefuseNull() {
        String ok = "{\"b\":127,\"s\":-32768,\"i\":1,\"l\":9223372036854775807,\"boxed\":-9223372036854775808,"
                + "\"big\":123456789012345678901234567890,\"d\":1.5e300,\"flag\":true}";
        assertDoesNotThrow(() -> StrictBinding.check(json(ok), Numbers.class));
        assertEquals("b must be an integer from -128 to 127.",
                refused(json(ok.replace("\"b\":127", "\"b\":128")), Numbers.class).getMessage());
        assertEquals("s must be an integer from -32768 to 32767.",
                refused(json(ok.replace("\"s\":-32768", "\"s\":-32769")), Numbers.class).getMessage());
        assertEquals("l must be an integer from -9223372036854775808 to 9223372036854775807.",
                refused(json(ok.replace("9223372036854775807", "9223372036854775808")), Numbers.class).getMessage());
        assertEquals("boxed must be an integer from -9223372036854775808 to 9223372036854775807.",
                refused(json(ok.replace("-9223372036854775808", "-9223372036854775809")), Numbers.class).getMessage());
        assertEquals("big must be an integer.",
                refused(json(ok.replace("123456789012345678901234567890", "1e100000")), Numbers.class).getMessage());
        assertEquals("d must be a number.", refused(json(ok.replace("1.5e300", "1e400")), Numbers.class).getMessage());
        assertEquals("d must be a number.", refused(json(ok.replace("1.5e300", "\"1.5\"")), Numbers.class).getMessage());
        assertEquals("i must not be null.", refused(json(ok.replace("\"i\":1", "\"i\":null")), Numbers.class).getMessage());
        assertEquals("flag must not be null.",
                refused(json(ok.replace("\"flag\":true", "\"flag\":null")), Numbers.class).getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"42", "true", "false", "[\"OM 42\"]", "{\"a\":\"b\"}", "4.2"})
    void aStringIsOnlyAString(String hostile) throws IOException {
        assertRefused("reference must be a string.", with(removalOrder(), "reference", hostile),
                CreateCaseRequest.class, hostile);
        assertRefused("statement.facts must be a string.", response("facts", hostile), ItemResponseRequest.class, hostile);
        assertRefused("url must be a string.", Json.createObjectBuilder().add("url", json(hostile)).build(),
                WebhookRequest.class, hostile);
    }

    @Test
    void aStringNeverHoldsNul() throws IOException {
        assertRefused("title must not contain U+0000.", with(removalOrder(), "title", "\"Forged\\u0000notice\""),
                CreateCaseRequest.class, "Forged");
        assertRefused("jwk.* must not contain U+0000.",
                json("{\"jwk\":{\"kty\":\"EC\",\"crv\":\"P-256\\u0000\"},\"use\":\"sig\"}"), AddKeyRequest.class, "P-256");
        assertRefused("jwk must not contain U+0000.", json("{\"jwk\":{\"k\\u0000\":\"EC\"}}"), AddKeyRequest.class, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"removal_order\"", "\"REMOVAL_ORDER \"", "\"\"", "0", "1", "true", "[\"REMOVAL_ORDER\"]",
            "{\"name\":\"REMOVAL_ORDER\"}"})
    void anEnumIsOnlyAStringNamingAConstant(String hostile) throws IOException {
        assertRefused("kind must be one of REMOVAL_ORDER, REFERRAL, INFORMATION_REQUEST, ALERT.",
                with(removalOrder(), "kind", hostile), CreateCaseRequest.class, "removal_order");
        HubException e = refused(json("{\"action\":" + hostile + "}"), TransitionRequest.class);
        assertEquals(true, e.getMessage().startsWith("action must be one of "), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1700000000", "1700000000000", "\"2027-04-12\"", "\"2027-04-12 07:30:00\"", "\"tomorrow\"",
            "true", "[2027,4,12]", "{\"epochSecond\":1}", "\"2027-04-12T07:30:00\""})
    void anInstantIsOnlyADateTimeString(String hostile) throws IOException {
        for (String field : List.of("deadline", "issuedAt")) {
            assertRefused(field + " must be an RFC 3339 date-time string such as 2027-04-12T07:30:00Z.",
                    with(removalOrder(), field, hostile), CreateCaseRequest.class, hostile);
        }
        JsonObject r = Json.createObjectBuilder(response(null, null)).add("actionTakenAt", json(hostile)).build();
        assertRefused("actionTakenAt must be an RFC 3339 date-time string such as 2027-04-12T07:30:00Z.", r,
                ItemResponseRequest.class, hostile);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"+300000-01-01T00:00:00Z\"", "\"+584556016-06-01T00:00:00Z\"", "\"2027-04-12T10:30:00+03:00\""})
    void anInstantOutsideTheWindowIsWellFormedAndLeftToValidation(String dateTime) throws IOException {
        assertDoesNotThrow(() -> StrictBinding.check(with(removalOrder(), "deadline", dateTime), CreateCaseRequest.class));
    }

    @Test
    void aListIsOnlyAnArrayAndEachElementIsChecked() throws IOException {
        assertRefused("territorialScope must be an array.", with(removalOrder(), "territorialScope", "\"FI\""),
                CreateCaseRequest.class, "FI");
        assertRefused("territorialScope must be an array.", with(removalOrder(), "territorialScope", "{\"0\":\"FI\"}"),
                CreateCaseRequest.class, "FI");
        assertRefused("territorialScope[1] must be a string.", with(removalOrder(), "territorialScope", "[\"FI\",246]"),
                CreateCaseRequest.class, "246");
        assertRefused("items must be an array.", with(removalOrder(), "items", "{}"), CreateCaseRequest.class, "{}");
        assertRefused("items[0] must be an object.", with(removalOrder(), "items", "[\"https://x.example/\"]"),
                CreateCaseRequest.class, "x.example");
        assertRefused("items[1].type must be one of CONTENT_URL, PLATFORM_CONTENT_ID, ACCOUNT, HASHTAG, CONTENT_HASH.",
                with(removalOrder(), "items", "[{\"type\":\"ACCOUNT\",\"value\":\"a\"},{\"type\":3,\"value\":\"b\"}]"),
                CreateCaseRequest.class, "3");
        assertRefused("statement.territorialScope[0] must be a string.", response("territorialScope", "[true]"),
                ItemResponseRequest.class, "true");
        assertDoesNotThrow(() -> StrictBinding.check(with(removalOrder(), "territorialScope", "[\"FI\",null]"),
                CreateCaseRequest.class)); // @NotNull on the element answers validation-failed
    }

    @Test
    void aRecordIsOnlyAnObjectOfItsOwnMembers() throws IOException {
        assertRefused("issuingOfficial must be an object.", with(removalOrder(), "issuingOfficial", "\"Aino Virtanen\""),
                CreateCaseRequest.class, "Aino");
        assertRefused("issuingOfficial has a member this endpoint does not know.",
                with(removalOrder(), "issuingOfficial", "{\"name\":\"A\",\"role\":\"B\",\"nickname\":\"x\"}"),
                CreateCaseRequest.class, "nickname");
        assertRefused("The body has a member this endpoint does not know.", with(removalOrder(), "providerMayBeInfomred",
                "true"), CreateCaseRequest.class, "Infomred");
        assertRefused("statement must be an object.",
                Json.createObjectBuilder(response(null, null)).add("statement", "facts").build(),
                ItemResponseRequest.class, "facts");
        assertRefused("issuingOfficial.name must be a string.",
                with(removalOrder(), "issuingOfficial", "{\"name\":1,\"role\":\"B\"}"), CreateCaseRequest.class, "1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"x\"", "1", "true", "[{\"action\":\"ACKNOWLEDGE\"}]"})
    void aBodyIsOnlyAnObject(String hostile) {
        for (Class<?> record : REQUEST_RECORDS) {
            assertRefused("The body must be an object.", json(hostile), record, "x");
        }
    }

    @Test
    void theOrganisationAndKeyRequestsAreStrictToo() {
        assertRefused("kind must be one of AUTHORITY, PLATFORM, AUDITOR, OPERATOR.",
                json("{\"id\":\"org-x\",\"name\":\"X\",\"kind\":1,\"country\":\"FI\",\"contactPoint\":\"a@b.example\"}"),
                CreateOrganizationRequest.class, "1");
        assertRefused("country must be a string.",
                json("{\"id\":\"org-x\",\"name\":\"X\",\"kind\":\"PLATFORM\",\"country\":246,\"contactPoint\":\"a@b.example\"}"),
                CreateOrganizationRequest.class, "246");
        assertRefused("jwk must be an object.", json("{\"jwk\":\"{}\",\"use\":\"sig\"}"), AddKeyRequest.class, "{}");
        assertRefused("pem must be a string.", json("{\"pem\":[\"-----BEGIN\"],\"use\":\"sig\"}"), AddKeyRequest.class,
                "BEGIN");
        assertDoesNotThrow(() -> StrictBinding.check(json("{\"jwk\":{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"AQ\","
                + "\"y\":\"AQ\",\"key_ops\":[\"verify\"],\"ext\":true,\"n\":1},\"kid\":\"k-1\"}"), AddKeyRequest.class));
    }

    @Test
    void aTypeTheCheckDoesNotKnowIsFoundBeforeItShips() {
        record WithDate(java.util.Date when) {
        }
        assertThrows(IllegalArgumentException.class, () -> StrictBinding.requireSupported(WithDate.class));
        assertDoesNotThrow(() -> StrictBinding.requireSupported(Numbers.class));
        assertDoesNotThrow(() -> StrictBinding.requireSupported(Map.class));
    }
}
