package org.electionpool.hub.protocol.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Known-answer vectors from an independent implementation: the shortest round-trip digits of every
 * power of two (2^-1074 … 2^1023) as CPython prints them. Powers of two are where "round to the
 * nearest n-digit decimal" misses the shortest representation, because the gap below x is half the
 * gap above; RFC 8785 §3.2.2.3 (ECMAScript Number::toString) requires the shortest.
 */
class CanonicalJsonPowersOfTwoTest {

    @Test
    void everyPowerOfTwoGetsTheShortestDigitsAnIndependentImplementationPrints() throws Exception {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("/vectors/powers-of-two-shortest.txt"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] v = line.split(" ");
                double x = Math.scalb(1.0, Integer.parseInt(v[0]));
                BigDecimal ours = new BigDecimal(CanonicalJson.number(x));
                String digits = ours.unscaledValue().toString().replaceAll("0+$", "");
                int n = ours.precision() - ours.scale();
                if (!digits.equals(v[1]) || n != Integer.parseInt(v[2])) {
                    wrong.add(v[0] + ": " + CanonicalJson.number(x) + " but expected digits " + v[1] + " e" + v[2]);
                }
                checked++;
            }
        }
        assertEquals(2098, checked);
        assertEquals(List.of(), wrong);
    }

    @Test
    void theReviewersExampleIsShortest() {
        assertEquals("7.291122019556398e-304", CanonicalJson.number(Math.scalb(1.0, -1007)));
    }
}
