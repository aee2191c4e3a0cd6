package org.electionpool.hub.protocol.json;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictJsonTest {

    @ParameterizedTest
    @ValueSource(strings = {
        // RFC 8259 §13 examples, and the shapes HXP/1 uses.
        "{\"Image\":{\"Width\":800,\"Height\":600,\"Title\":\"View from 15th Floor\",\"Thumbnail\":{\"Url\":"
            + "\"http://www.example.com/image/481989943\",\"Height\":125,\"Width\":100},\"Animated\":false,"
            + "\"IDs\":[116,943,234,38793]}}",
        "[{\"precision\":\"zip\",\"Latitude\":37.7668,\"Longitude\":-122.3959,\"Address\":\"\",\"City\":\"SAN FRANCISCO\","
            + "\"State\":\"CA\",\"Zip\":\"94107\",\"Country\":\"US\"}]",
        "\"Hello world!\"", "42", "true", "null", "-0.5e-10", " { } ", "[]",
        "{\"a\":\"\\u00e4\\n\\\"\\\\\\/\",\"b\":[1,{\"a\":2}],\"c\":{\"a\":3}}",
        "{\"alg\":\"ES256\",\"kid\":\"abc\",\"typ\":\"hxp+jwt\"}"})
    void acceptsWellFormedJson(String json) {
        assertDoesNotThrow(() -> StrictJson.check(json, 32));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "{", "}", "{\"a\":}", "{\"a\" 1}", "{a:1}", "{'a':1}", "[1,]", "{\"a\":1,}",
        "01", "1.", ".5", "+1", "--1", "1e", "tru", "nul", "\"unterminated", "\"bad \\x escape\"", "\"\\u12\"",
        "{} {}", "[] x", "\"tab\tinside\"", "NaN", "Infinity", "{\"a\":1}}"})
    void refusesMalformedJson(String json) {
        assertThrows(IllegalArgumentException.class, () -> StrictJson.check(json, 32));
    }

    @Test
    void refusesDuplicateMemberNamesAtAnyDepth() {
        assertThrows(IllegalArgumentException.class, () -> StrictJson.check("{\"a\":1,\"a\":2}", 32));
        assertThrows(IllegalArgumentException.class, () -> StrictJson.check("{\"x\":[{\"b\":1,\"b\":1}]}", 32));
        // The same name after unescaping is the same member.
        assertThrows(IllegalArgumentException.class, () -> StrictJson.check("{\"iss\":1,\"i\\u0073s\":2}", 32));
        // The same name in sibling objects is fine.
        assertDoesNotThrow(() -> StrictJson.check("{\"a\":{\"b\":1},\"c\":{\"b\":2}}", 32));
    }

    @Test
    void depthIsCountedOverObjectsAndArrays() {
        String depth32 = "[".repeat(16) + "{\"a\":".repeat(16) + "1" + "}".repeat(16) + "]".repeat(16);
        String depth33 = "[" + depth32 + "]";
        assertDoesNotThrow(() -> StrictJson.check(depth32, 32));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StrictJson.check(depth33, 32));
        assertTrue(e.getMessage().contains("deeper than 32"));
    }

    @Test
    void hostileDepthCostsNoStack() {
        String bomb = "[".repeat(1_000_000);
        assertThrows(IllegalArgumentException.class, () -> StrictJson.check(bomb, 32));
    }

    @Test
    void objectCheckRefusesOtherValues() {
        assertThrows(IllegalArgumentException.class, () -> StrictJson.checkObject("[1]", 32));
        assertThrows(IllegalArgumentException.class, () -> StrictJson.checkObject("\"s\"", 32));
        assertDoesNotThrow(() -> StrictJson.checkObject(" {\"a\":[1]}", 32));
    }

    @Test
    void overlongNumbersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> StrictJson.check("1" + "0".repeat(100), 32));
    }

    @Test
    void parseBuildsTheValueWithNumbersAsDoubles() {
        Object value = StrictJson.parse(" {\"a\":[1, 2.5e1, \"x\\u00e4\", true, null], \"b\":{}} ", 32);
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Map.of("a", java.util.Arrays.asList(1.0, 25.0, "x\u00e4",
                true, null), "b", java.util.Map.of()), value);
        org.junit.jupiter.api.Assertions.assertEquals("s", StrictJson.parse("\"s\"", 32));
        assertThrows(IllegalArgumentException.class, () -> StrictJson.parse("{\"a\":1,\"a\":1}", 32));
        assertThrows(IllegalArgumentException.class, () -> StrictJson.parse("1e999", 32));
    }
}
