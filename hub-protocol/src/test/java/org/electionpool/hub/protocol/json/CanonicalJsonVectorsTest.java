package org.electionpool.hub.protocol.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RFC 8785 known answers: the §3.2.2/3.2.3/3.2.4 sample, the §3.2.3 sorting example, and number
 * serialisations of ECMAScript (RFC 8785 Appendix B) and common edge cases.
 */
class CanonicalJsonVectorsTest {

    private static String canonical(String json) {
        return new String(CanonicalJson.canonicalize(json), StandardCharsets.UTF_8);
    }

    @Test
    void rfc8785SampleIsCanonicalizedByteForByte() {
        String input = "{\n  \"numbers\": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],\n"
                + "  \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n"
                + "  \"literals\": [null, true, false]\n}";
        String expected = "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                + "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";
        assertEquals(expected, canonical(input));
        // §3.2.4: the UTF-8 bytes, as printed in the RFC.
        assertArrayEquals(HexFormat.of().parseHex((""
                + "7b226c69746572616c73223a5b6e756c6c2c7472"
                + "75652c66616c73655d2c226e756d62657273223a"
                + "5b3333333333333333332e333333333333332c31"
                + "652b33302c342e352c302e3030322c31652d3237"
                + "5d2c22737472696e67223a22e282ac245c753030"
                + "30665c6e4127425c225c5c5c5c5c222f227d")),
                CanonicalJson.canonicalize(input));
    }

    @Test
    void membersAreSortedByUtf16CodeUnits() {
        String input = "{\"\\u20ac\":\"Euro Sign\",\"\\r\":\"Carriage Return\",\"\\ufb33\":\"Hebrew Letter Dalet With Dagesh\","
                + "\"1\":\"One\",\"\\ud83d\\ude00\":\"Emoji: Grinning Face\",\"\\u0080\":\"Control\","
                + "\"\\u00f6\":\"Latin Small Letter O With Diaeresis\"}";
        assertEquals("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\",\"\u00f6\":\"Latin Small Letter O"
                + " With Diaeresis\",\"\u20ac\":\"Euro Sign\",\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew"
                + " Letter Dalet With Dagesh\"}", canonical(input));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "0000000000000000, 0",
        "8000000000000000, 0",
        "0000000000000001, 5e-324",
        "8000000000000001, -5e-324",
        "7fefffffffffffff, 1.7976931348623157e+308",
        "ffefffffffffffff, -1.7976931348623157e+308",
        "4340000000000000, 9007199254740992",
        "c340000000000000, -9007199254740992",
        "4430000000000000, 295147905179352830000",
        "44b52d02c7e14af5, 9.999999999999997e+22",
        "44b52d02c7e14af6, 1e+23",
        "3eb0c6f7a0b5ed8d, 0.000001",
        "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
        "3ff0000000000000, 1",
        "3fd5555555555555, 0.3333333333333333",
        "444b1ae4d6e2ef50, 1e+21",
        "4415af1d78b58c40, 100000000000000000000"})
    void numbersAreWrittenAsEcmascriptDoes(String bits, String expected) {
        assertEquals(expected, CanonicalJson.number(Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16))));
    }

    @Test
    void sumOfTenthsShowsEveryDigitItNeeds() {
        assertEquals("0.30000000000000004", CanonicalJson.number(0.1 + 0.2));
    }

    @Test
    void treesAreWrittenLikeTheirTextForm() {
        assertEquals("{\"a\":[1,\"x\",null],\"b\":true}", new String(CanonicalJson.write(
                Map.of("b", true, "a", java.util.Arrays.asList(1L, "x", null))), StandardCharsets.UTF_8));
        assertEquals("[]", new String(CanonicalJson.write(List.of()), StandardCharsets.UTF_8));
    }

    @Test
    void nonIJsonIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> canonical("{\"a\":1,\"a\":2}"));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(Map.of("s", "\ud800")));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.number(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.number(Double.POSITIVE_INFINITY));
    }
}
