package org.electionpool.hub.protocol.json;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * A strict RFC 8259 syntax check run on every JOSE header, claims set and body before any parser
 * sees it: the text must be exactly one JSON value, nested at most {@code maxDepth} deep, with no
 * duplicate member names in any object (RFC 7515 §4 and RFC 7519 §4 require parsers to reject
 * duplicates or use the last; HXP/1 rejects). It builds no tree, so hostile input costs linear
 * time and constant stack. Stateless and thread-safe.
 */
public final class StrictJson {

    private final String text;
    private final int maxDepth;
    private int pos;

    private StrictJson(String text, int maxDepth) {
        this.text = text;
        this.maxDepth = maxDepth;
    }

    /**
     * @param text     the JSON text
     * @param maxDepth deepest allowed nesting of objects and arrays (1 = a flat object)
     * @throws IllegalArgumentException naming the first problem: syntax, depth or duplicate member
     */
    public static void check(String text, int maxDepth) {
        new StrictJson(text, maxDepth).run();
    }

    /**
     * Checks the text like {@link #check}, then builds its value: {@code Map<String, Object>}
     * (insertion-ordered), {@code List<Object>}, {@code String}, {@code Double}, {@code Boolean} or
     * {@code null}. Numbers are read as IEEE 754 doubles (I-JSON, RFC 7493).
     *
     * @throws IllegalArgumentException as {@link #check} does, or for a number out of double range
     */
    public static Object parse(String text, int maxDepth) {
        check(text, maxDepth);
        StrictJson json = new StrictJson(text, maxDepth);
        json.skipWhitespace();
        return json.value(); // depth already bounded by check(), so the recursion is too
    }

    private Object value() {
        char c = peek();
        Object result;
        if (c == '{') {
            pos++;
            java.util.Map<String, Object> object = new java.util.LinkedHashMap<>();
            skipWhitespace();
            if (peek() == '}') {
                pos++;
                return object;
            }
            while (true) {
                skipWhitespace();
                String name = readString();
                skipWhitespace();
                next(); // ':'
                skipWhitespace();
                object.put(name, value());
                skipWhitespace();
                if (next() == '}') {
                    return object;
                }
            }
        }
        if (c == '[') {
            pos++;
            java.util.List<Object> array = new java.util.ArrayList<>();
            skipWhitespace();
            if (peek() == ']') {
                pos++;
                return array;
            }
            while (true) {
                skipWhitespace();
                array.add(value());
                skipWhitespace();
                if (next() == ']') {
                    return array;
                }
            }
        }
        if (c == '"') {
            return readString();
        }
        if (text.startsWith("true", pos)) {
            pos += 4;
            return Boolean.TRUE;
        }
        if (text.startsWith("false", pos)) {
            pos += 5;
            return Boolean.FALSE;
        }
        if (text.startsWith("null", pos)) {
            pos += 4;
            return null;
        }
        int start = pos;
        readNumber();
        result = Double.parseDouble(text.substring(start, pos));
        if (((Double) result).isInfinite()) {
            throw new IllegalArgumentException("number out of range at " + start);
        }
        return result;
    }

    /** Like {@link #check} and also requires the value to be an object. */
    public static void checkObject(String text, int maxDepth) {
        StrictJson json = new StrictJson(text, maxDepth);
        json.skipWhitespace();
        if (json.pos >= text.length() || text.charAt(json.pos) != '{') {
            throw new IllegalArgumentException("not a JSON object");
        }
        json.run();
    }

    private void run() {
        // Explicit stack of containers: each entry is the set of member names seen (objects) or null (arrays).
        Deque<Set<String>> stack = new ArrayDeque<>();
        Deque<Boolean> isObject = new ArrayDeque<>();
        skipWhitespace();
        boolean expectValue = true;
        while (true) {
            if (expectValue) {
                char c = peek();
                if (c == '{' || c == '[') {
                    pos++;
                    if (stack.size() >= maxDepth) {
                        throw new IllegalArgumentException("JSON nested deeper than " + maxDepth);
                    }
                    boolean object = c == '{';
                    stack.push(object ? new HashSet<>() : new HashSet<>(0));
                    isObject.push(object);
                    skipWhitespace();
                    char close = object ? '}' : ']';
                    if (peek() == close) {
                        pos++;
                        stack.pop();
                        isObject.pop();
                        expectValue = false;
                    } else if (object) {
                        readMemberName(stack.peek());
                    }
                    continue;
                }
                readScalar();
                expectValue = false;
            } else {
                skipWhitespace();
                if (stack.isEmpty()) {
                    if (pos != text.length()) {
                        throw new IllegalArgumentException("trailing characters after the JSON value");
                    }
                    return;
                }
                char c = next();
                boolean object = isObject.peek();
                if (c == ',') {
                    skipWhitespace();
                    if (object) {
                        readMemberName(stack.peek());
                    }
                    expectValue = true;
                } else if ((object && c == '}') || (!object && c == ']')) {
                    stack.pop();
                    isObject.pop();
                } else {
                    throw new IllegalArgumentException("unexpected character at " + (pos - 1));
                }
            }
        }
    }

    private void readMemberName(Set<String> seen) {
        if (peek() != '"') {
            throw new IllegalArgumentException("member name expected at " + pos);
        }
        String name = readString();
        if (!seen.add(name)) {
            throw new IllegalArgumentException("duplicate member name");
        }
        skipWhitespace();
        if (next() != ':') {
            throw new IllegalArgumentException("':' expected at " + (pos - 1));
        }
        skipWhitespace();
    }

    private void readScalar() {
        char c = peek();
        if (c == '"') {
            readString();
        } else if (text.startsWith("true", pos)) {
            pos += 4;
        } else if (text.startsWith("false", pos)) {
            pos += 5;
        } else if (text.startsWith("null", pos)) {
            pos += 4;
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            readNumber();
        } else {
            throw new IllegalArgumentException("value expected at " + pos);
        }
    }

    private String readString() {
        StringBuilder out = new StringBuilder();
        pos++; // opening quote
        while (true) {
            char c = next();
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw new IllegalArgumentException("control character in string at " + (pos - 1));
            }
            if (c == '\\') {
                char e = next();
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (pos + 4 > text.length()) {
                            throw new IllegalArgumentException("truncated \\u escape");
                        }
                        try {
                            out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw new IllegalArgumentException("bad \\u escape at " + pos);
                        }
                        pos += 4;
                    }
                    default -> throw new IllegalArgumentException("bad escape at " + (pos - 1));
                }
            } else {
                out.append(c);
            }
        }
    }

    private void readNumber() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else {
            digits();
        }
        if (pos < text.length() && text.charAt(pos) == '.') {
            pos++;
            digits();
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            digits();
        }
        if (pos - start > 64) {
            throw new IllegalArgumentException("number too long at " + start);
        }
    }

    private void digits() {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        if (pos == start) {
            throw new IllegalArgumentException("digit expected at " + pos);
        }
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private char peek() {
        if (pos >= text.length()) {
            throw new IllegalArgumentException("unexpected end of JSON");
        }
        return text.charAt(pos);
    }

    private char next() {
        char c = peek();
        pos++;
        return c;
    }
}
