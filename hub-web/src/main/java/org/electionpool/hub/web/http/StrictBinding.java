package org.electionpool.hub.web.http;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.electionpool.hub.api.problem.HubException;
import org.electionpool.hub.api.problem.ProblemType;

/**
 * The shape check every request body passes before JSON-B binds it: the parsed JSON value must
 * have exactly the JSON type of the Java type it binds to, so nothing is coerced.
 *
 * <p>Invariant: a body that passes binds to the target type without any conversion between JSON
 * types — Yasson on its own reads {@code "yes"} as {@code false}, {@code "false"} as a boolean,
 * {@code 1.5}, {@code "1"} or {@code 4294967297} as the int {@code 1}. Here, per Java type:
 * <ul>
 *   <li>{@code boolean}/{@code Boolean}: only {@code true} or {@code false};</li>
 *   <li>{@code byte}, {@code short}, {@code int}, {@code long} (and boxes), {@code BigInteger}: only a
 *       JSON number without a fraction part ({@code 1.0} and {@code 1.5} are refused) whose value
 *       lies in the Java type's range (so an exponent cannot overflow it);</li>
 *   <li>{@code double}, {@code float}, {@code BigDecimal} (and boxes): only a JSON number, finite in
 *       the type;</li>
 *   <li>{@code String}: only a JSON string, without U+0000 (no database stores it);</li>
 *   <li>an enum: only a JSON string naming one of its constants exactly;</li>
 *   <li>{@code Instant}: only a JSON string in RFC 3339 / ISO 8601 instant form (the window is a
 *       validation rule, {@code @InstantWindow});</li>
 *   <li>{@code List}/{@code Set}/{@code Collection}: only an array, each element checked against the
 *       element type;</li>
 *   <li>{@code Map<String, V>}: only an object, each value checked against {@code V};</li>
 *   <li>a record: only an object whose every member names a component (by its
 *       {@code @JsonbProperty} name if it has one), each checked against the component's type;</li>
 *   <li>{@code Object}: any JSON value, with the string rule applied to every string and member name
 *       inside it;</li>
 *   <li>{@code null} for any reference type (whether it may be null is a validation rule), never for
 *       a primitive.</li>
 * </ul>
 * A refusal is a {@link ProblemType#MALFORMED_REQUEST} whose detail names the field path
 * ({@code statement.automatedDetection must be true or false}) but never the refused value or an
 * unknown member's name. Types outside this list are refused by {@link #requireSupported} so that a
 * new request record cannot silently escape the check (a unit test runs it on every request record).
 *
 * <p>Stateless and thread-safe; the check is linear in the size of the value.
 */
public final class StrictBinding {

    private static final Map<Class<?>, Class<?>> BOXES = Map.of(boolean.class, Boolean.class, byte.class, Byte.class,
            short.class, Short.class, int.class, Integer.class, long.class, Long.class, float.class, Float.class,
            double.class, Double.class);

    private static final Map<Class<?>, BigInteger[]> INTEGER_RANGES = Map.of(
            Byte.class, range(Byte.MIN_VALUE, Byte.MAX_VALUE),
            Short.class, range(Short.MIN_VALUE, Short.MAX_VALUE),
            Integer.class, range(Integer.MIN_VALUE, Integer.MAX_VALUE),
            Long.class, range(Long.MIN_VALUE, Long.MAX_VALUE));

    /** More integer digits than any bounded Java integer has; BigInteger is bounded here too. */
    private static final int MAX_INTEGER_DIGITS = 40;

    private static final Map<Class<?>, Map<String, RecordComponent>> MEMBERS = new java.util.concurrent.ConcurrentHashMap<>();

    private StrictBinding() {
    }

    /**
     * @param value the parsed body
     * @param type  the Java type it will be bound to (a class or a parameterised type)
     * @throws HubException {@link ProblemType#MALFORMED_REQUEST} naming the first field whose JSON
     *                      type does not match
     * @throws IllegalArgumentException when {@code type} holds a Java type this check does not know
     */
    public static void check(JsonValue value, Type type) {
        check(value, type, "");
    }

    /**
     * @param type a Java type request bodies bind to
     * @throws IllegalArgumentException naming the first type, anywhere inside it, this check does not
     *                                  know (it would otherwise be refused at run time)
     */
    public static void requireSupported(Type type) {
        requireSupported(type, new java.util.HashSet<>());
    }

    private static void requireSupported(Type type, Set<Type> seen) {
        if (!seen.add(type)) {
            return;
        }
        Class<?> raw = raw(type);
        if (raw == Object.class || raw == String.class || raw == Instant.class || raw.isEnum()
                || raw == BigInteger.class || raw == BigDecimal.class || BOXES.containsKey(raw) || BOXES.containsValue(raw)) {
            return;
        }
        if (raw.isRecord()) {
            for (RecordComponent c : raw.getRecordComponents()) {
                requireSupported(c.getGenericType(), seen);
            }
            return;
        }
        if (raw == List.class || raw == Set.class || raw == Collection.class) {
            requireSupported(argument(type, 0), seen);
            return;
        }
        if (raw == Map.class && stringKeys(type)) {
            requireSupported(argument(type, 1), seen);
            return;
        }
        throw new IllegalArgumentException("StrictBinding does not know " + type.getTypeName());
    }

    private static void check(JsonValue value, Type type, String path) {
        Class<?> raw = raw(type);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            if (raw.isPrimitive()) {
                throw refused(path, "must not be null");
            }
            return;
        }
        Class<?> boxed = BOXES.getOrDefault(raw, raw);
        if (boxed == Object.class) {
            anyValue(value, path);
        } else if (boxed == Boolean.class) {
            if (value.getValueType() != JsonValue.ValueType.TRUE && value.getValueType() != JsonValue.ValueType.FALSE) {
                throw refused(path, "must be true or false");
            }
        } else if (INTEGER_RANGES.containsKey(boxed) || boxed == BigInteger.class) {
            integer(value, boxed, path);
        } else if (boxed == Double.class || boxed == Float.class || boxed == BigDecimal.class) {
            if (!(value instanceof JsonNumber n) || !finite(n.bigDecimalValue(), boxed)) {
                throw refused(path, "must be a number");
            }
        } else if (boxed == String.class) {
            string(value, path);
        } else if (boxed.isEnum()) {
            enumConstant(value, boxed, path);
        } else if (boxed == Instant.class) {
            instant(value, path);
        } else if (boxed == List.class || boxed == Set.class || boxed == Collection.class) {
            if (!(value instanceof JsonArray array)) {
                throw refused(path, "must be an array");
            }
            Type element = argument(type, 0);
            for (int i = 0; i < array.size(); i++) {
                check(array.get(i), element, path + "[" + i + "]");
            }
        } else if (boxed == Map.class && stringKeys(type)) {
            if (!(value instanceof JsonObject object)) {
                throw refused(path, "must be an object");
            }
            Type valueType = argument(type, 1);
            for (Map.Entry<String, JsonValue> member : object.entrySet()) {
                noNul(member.getKey(), path);
                check(member.getValue(), valueType, join(path, "*"));
            }
        } else if (boxed.isRecord()) {
            record(value, boxed, path);
        } else {
            throw new IllegalArgumentException("StrictBinding does not know " + type.getTypeName());
        }
    }

    private static void record(JsonValue value, Class<?> type, String path) {
        if (!(value instanceof JsonObject object)) {
            throw refused(path, "must be an object");
        }
        Map<String, RecordComponent> members = MEMBERS.computeIfAbsent(type, StrictBinding::members);
        for (Map.Entry<String, JsonValue> member : object.entrySet()) {
            RecordComponent component = members.get(member.getKey());
            if (component == null) {
                // Never the member's name: it is the caller's text.
                throw new HubException(ProblemType.MALFORMED_REQUEST,
                        (path.isEmpty() ? "The body" : path) + " has a member this endpoint does not know.");
            }
            check(member.getValue(), component.getGenericType(), join(path, member.getKey()));
        }
    }

    private static Map<String, RecordComponent> members(Class<?> type) {
        Map<String, RecordComponent> members = new LinkedHashMap<>();
        for (RecordComponent c : type.getRecordComponents()) {
            members.put(jsonName(type, c), c);
        }
        return members;
    }

    private static String jsonName(Class<?> type, RecordComponent component) {
        JsonbProperty property = component.getAccessor().getAnnotation(JsonbProperty.class);
        if (property == null) {
            try {
                Field field = type.getDeclaredField(component.getName());
                property = field.getAnnotation(JsonbProperty.class);
            } catch (NoSuchFieldException e) {
                property = null;
            }
        }
        return property == null || property.value().isEmpty() ? component.getName() : property.value();
    }

    private static void integer(JsonValue value, Class<?> type, String path) {
        BigInteger[] bounds = INTEGER_RANGES.get(type);
        String expected = bounds == null ? "must be an integer"
                : "must be an integer from " + bounds[0] + " to " + bounds[1];
        if (!(value instanceof JsonNumber n)) {
            throw refused(path, expected);
        }
        BigDecimal decimal = n.bigDecimalValue();
        // scale > 0: written with a fraction part (1.5, and 1.0 too). Digits are bounded before
        // toBigIntegerExact, which would otherwise expand an exponent such as 1e1000000000.
        if (decimal.scale() > 0 || decimal.precision() - decimal.scale() > MAX_INTEGER_DIGITS) {
            throw refused(path, expected);
        }
        BigInteger integer = decimal.toBigIntegerExact();
        if (bounds != null && (integer.compareTo(bounds[0]) < 0 || integer.compareTo(bounds[1]) > 0)) {
            throw refused(path, expected);
        }
    }

    private static boolean finite(BigDecimal value, Class<?> type) {
        if (type == BigDecimal.class) {
            return value.precision() - value.scale() <= 400;
        }
        double d = type == Float.class ? value.floatValue() : value.doubleValue();
        return !Double.isInfinite(d);
    }

    private static void string(JsonValue value, String path) {
        if (!(value instanceof JsonString s)) {
            throw refused(path, "must be a string");
        }
        noNul(s.getString(), path);
    }

    private static void noNul(String text, String path) {
        if (text.indexOf('\u0000') >= 0) {
            throw refused(path, "must not contain U+0000");
        }
    }

    private static void enumConstant(JsonValue value, Class<?> type, String path) {
        Set<String> names = Arrays.stream(type.getEnumConstants()).map(e -> ((Enum<?>) e).name())
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        if (!(value instanceof JsonString s) || !names.contains(s.getString())) {
            throw refused(path, "must be one of " + String.join(", ", names));
        }
    }

    private static void instant(JsonValue value, String path) {
        String expected = "must be an RFC 3339 date-time string such as 2027-04-12T07:30:00Z";
        if (!(value instanceof JsonString s)) {
            throw refused(path, expected);
        }
        try {
            DateTimeFormatter.ISO_INSTANT.parse(s.getString()); // what Yasson's Instant deserialiser reads
        } catch (DateTimeParseException e) {
            throw refused(path, expected);
        }
    }

    private static void anyValue(JsonValue value, String path) {
        switch (value.getValueType()) {
            case STRING -> noNul(((JsonString) value).getString(), path);
            case ARRAY -> {
                JsonArray array = value.asJsonArray();
                for (int i = 0; i < array.size(); i++) {
                    anyValue(array.get(i), path + "[" + i + "]");
                }
            }
            case OBJECT -> {
                for (Map.Entry<String, JsonValue> member : value.asJsonObject().entrySet()) {
                    noNul(member.getKey(), path);
                    anyValue(member.getValue(), join(path, "*"));
                }
            }
            default -> {
                // numbers, true, false, null: any is fine where the target is Object
            }
        }
    }

    private static HubException refused(String path, String rule) {
        return new HubException(ProblemType.MALFORMED_REQUEST, (path.isEmpty() ? "The body" : path) + " " + rule + ".");
    }

    /** @return the member's path; {@code *} stands for a member of a map, whose name is the caller's */
    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** @return whether a map type's keys are strings (or a raw map's, which JSON makes strings) */
    private static boolean stringKeys(Type type) {
        Class<?> key = raw(argument(type, 0));
        return key == String.class || key == Object.class;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof WildcardType w && w.getLowerBounds().length == 0 && w.getUpperBounds().length == 1) {
            return raw(w.getUpperBounds()[0]);
        }
        throw new IllegalArgumentException("StrictBinding does not know " + type.getTypeName());
    }

    private static Type argument(Type type, int index) {
        if (type instanceof ParameterizedType p) {
            Type argument = p.getActualTypeArguments()[index];
            return argument instanceof WildcardType w && w.getUpperBounds().length == 1 && w.getLowerBounds().length == 0
                    ? w.getUpperBounds()[0] : argument;
        }
        return Object.class; // a raw List or Map: its elements bind as Object
    }

    private static BigInteger[] range(long min, long max) {
        return new BigInteger[] {BigInteger.valueOf(min), BigInteger.valueOf(max)};
    }
}
