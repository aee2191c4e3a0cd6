package org.electionpool.hub.protocol.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.electionpool.hub.protocol.json.StrictJson;

/**
 * The JSON Canonicalization Scheme (RFC 8785): one byte sequence per JSON value, so that a hash
 * or signature over it can be recomputed by anyone.
 *
 * <p>Rules: no whitespace; object members sorted by the UTF-16 code units of their names
 * (§3.2.3); strings escaped as ECMAScript's {@code JSON.stringify} does (§3.2.2.2); numbers as
 * IEEE 754 doubles written as ECMAScript's {@code Number.prototype.toString} (§3.2.2.3), with the
 * shortest digit string that reads back to the same double; UTF-8 output (§3.2.4). Input that is
 * not I-JSON (duplicate names, lone surrogates, non-finite numbers) is refused. Stateless and
 * thread-safe.
 */
public final class CanonicalJson {

    /** Deepest nesting accepted when canonicalising JSON text. */
    public static final int MAX_DEPTH = 64;

    private CanonicalJson() {
    }

    /**
     * @param json JSON text
     * @return its canonical form as UTF-8 bytes
     * @throws IllegalArgumentException if the text is not I-JSON
     */
    public static byte[] canonicalize(String json) {
        return write(StrictJson.parse(json, MAX_DEPTH));
    }

    /**
     * @param value a tree of {@code Map<String, ?>}, {@code List<?>}, {@code String}, {@code Number},
     *              {@code Boolean} and {@code null}
     * @return its canonical form as UTF-8 bytes
     */
    public static byte[] write(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void append(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (value instanceof String s) {
            appendString(out, s);
        } else if (value instanceof Number n) {
            out.append(number(n.doubleValue()));
        } else if (value instanceof Map<?, ?> map) {
            List<String> names = new ArrayList<>();
            for (Object key : map.keySet()) {
                if (!(key instanceof String name)) {
                    throw new IllegalArgumentException("object member names must be strings");
                }
                names.add(name);
            }
            Collections.sort(names); // String.compareTo compares UTF-16 code units (RFC 8785 §3.2.3)
            out.append('{');
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                appendString(out, names.get(i));
                out.append(':');
                append(out, map.get(names.get(i)));
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                append(out, list.get(i));
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }

    private static void appendString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
                if (!paired) {
                    throw new IllegalArgumentException("lone surrogate in string (not I-JSON)");
                }
                out.append(c).append(s.charAt(++i));
                continue;
            }
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * ECMAScript {@code Number.prototype.toString} of a double (ECMA-262 §6.1.6.1.20), as RFC 8785
     * §3.2.2.3 requires.
     *
     * @param x a finite double
     * @return its canonical text
     */
    public static String number(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            throw new IllegalArgumentException("NaN and infinities are not JSON numbers");
        }
        if (x == 0) {
            return "0"; // also -0
        }
        if (x < 0) {
            return "-" + number(-x);
        }
        // Shortest decimal s x 10^(n-k) that reads back as x; the closest one at that length. The
        // nearest decimal of a length may miss x while the other neighbour hits it (where the gap
        // below x is half the gap above, at powers of two), so both neighbours are tried.
        BigDecimal exact = new BigDecimal(x);
        BigDecimal shortest = null;
        for (int precision = 1; precision <= 17 && shortest == null; precision++) {
            BigDecimal nearest = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (nearest.doubleValue() == x) {
                shortest = nearest;
                break;
            }
            for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
                BigDecimal candidate = exact.round(new MathContext(precision, mode));
                if (candidate.doubleValue() == x && (shortest == null
                        || candidate.subtract(exact).abs().compareTo(shortest.subtract(exact).abs()) < 0)) {
                    shortest = candidate;
                }
            }
        }
        if (shortest != null) {
            shortest = shortest.stripTrailingZeros();
        }
        if (shortest == null) {
            throw new IllegalStateException("no round-tripping decimal for " + x);
        }
        String s = shortest.unscaledValue().toString();
        int k = s.length();
        int n = k - shortest.scale();
        if (k <= n && n <= 21) {
            return s + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return s.substring(0, n) + "." + s.substring(n);
        }
        if (-6 < n && n <= 0) {
            return "0." + "0".repeat(-n) + s;
        }
        int e = n - 1;
        String exponent = (e >= 0 ? "+" : "-") + Math.abs(e);
        return k == 1 ? s + "e" + exponent : s.charAt(0) + "." + s.substring(1) + "e" + exponent;
    }
}
