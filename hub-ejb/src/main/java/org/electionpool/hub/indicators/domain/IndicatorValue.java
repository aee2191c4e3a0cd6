package org.electionpool.hub.indicators.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.electionpool.hub.api.indicators.IndicatorType;
import org.electionpool.hub.api.problem.FieldViolation;
import org.electionpool.hub.values.domain.ValueNormalizer;

/**
 * An indicator's value with what its type needs (the platform of an account, the algorithm of a
 * hash, the language of a narrative), checked and normalised by the hub's one set of rules
 * ({@link ValueNormalizer}).
 *
 * <p>Invariants of a value that passed {@link #violations()}: a {@code URL} is an absolute
 * {@code http}/{@code https} URL with a host; a {@code DOMAIN} is a host name of letters, digits and
 * hyphens in labels of at most 63 characters (after punycode); a handle and a hashtag have no white
 * space; a hash is hex of its algorithm's length ({@code TMK} and {@code PDQ} are opaque hex, PDQ
 * 256 bits); a member that the type does not use is absent. {@link #normalized()} is what readers
 * see and compare; {@link #valueKey()} (type and value, without platform or algorithm) is what
 * the value search matches; {@link #reportKey()} (the whole normalised form) what "also reported
 * by" matches.
 *
 * @param type      the type
 * @param value     the value as sent
 * @param platform  {@code ACCOUNT}: the platform, else {@code null}
 * @param algorithm {@code CONTENT_HASH}: the algorithm, else {@code null}
 * @param language  {@code NARRATIVE}: the language, else {@code null}
 */
public record IndicatorValue(IndicatorType type, String value, String platform, String algorithm, String language) {

    /** Longest normalised form. */
    public static final int MAX_NORMALIZED = 2200;

    private static final Map<String, Integer> HEX_LENGTH = Map.of("SHA-256", 64, "SHA-512", 128, "SHA-1", 40,
            "MD5", 32, "PDQ", 64);

    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    /** @return the fields that are wrong for the type, by field path; empty when the value is sound */
    public List<FieldViolation> violations() {
        List<FieldViolation> v = new ArrayList<>();
        only(v, "platform", platform, IndicatorType.ACCOUNT);
        only(v, "algorithm", algorithm, IndicatorType.CONTENT_HASH);
        only(v, "language", language, IndicatorType.NARRATIVE);
        String s = value.strip();
        switch (type) {
            case URL -> {
                if (!isWebUrl(s)) {
                    v.add(new FieldViolation("value", "must be an absolute http or https URL with a host"));
                }
            }
            case DOMAIN -> {
                if (!isDomain(ValueNormalizer.domain(s))) {
                    v.add(new FieldViolation("value", "must be a domain name such as example.fi"));
                }
            }
            case ACCOUNT -> {
                if (platform == null) {
                    v.add(new FieldViolation("platform", "is required for an ACCOUNT"));
                }
                String handle = ValueNormalizer.account(s);
                if (handle.isEmpty() || handle.length() > 256 || handle.codePoints().anyMatch(Character::isWhitespace)) {
                    v.add(new FieldViolation("value", "must be an account handle or id without white space, at most 256 characters"));
                }
            }
            case HASHTAG -> {
                String tag = ValueNormalizer.hashtag(s);
                if (tag.isEmpty() || tag.length() > 280 || tag.codePoints().anyMatch(Character::isWhitespace)) {
                    v.add(new FieldViolation("value", "must be a hashtag without white space, at most 280 characters"));
                }
            }
            case CONTENT_HASH -> {
                if (algorithm == null) {
                    v.add(new FieldViolation("algorithm", "is required for a CONTENT_HASH"));
                } else if (!HEX.matcher(s).matches() || s.length() % 2 != 0
                        || (HEX_LENGTH.containsKey(algorithm) && s.length() != HEX_LENGTH.get(algorithm))) {
                    v.add(new FieldViolation("value", HEX_LENGTH.containsKey(algorithm)
                            ? "must be " + HEX_LENGTH.get(algorithm) + " hex digits for " + algorithm
                            : "must be hex digits (an even number) for " + algorithm));
                }
            }
            case NARRATIVE -> {
                if (language == null) {
                    v.add(new FieldViolation("language", "is required for a NARRATIVE"));
                }
            }
        }
        if (v.isEmpty() && normalized().length() > MAX_NORMALIZED) {
            v.add(new FieldViolation("value", "is too long once normalised"));
        }
        return v;
    }

    /** @return the normalised form readers see: the value, prefixed by platform or algorithm where the type has one */
    public String normalized() {
        return switch (type) {
            case ACCOUNT -> platform + ":" + ValueNormalizer.account(value);
            case CONTENT_HASH -> algorithm.toLowerCase(Locale.ROOT) + ":" + ValueNormalizer.hash(value);
            default -> typed(type, value);
        };
    }

    /** @return the key the value search matches: SHA-256 (base64url) of the type and the bare normalised value */
    public String valueKey() {
        return valueKey(type, value);
    }

    /** @return the key "also reported by" matches: SHA-256 (base64url) of the type and {@link #normalized()} */
    public String reportKey() {
        return sha256(type.name() + ":" + normalized());
    }

    /**
     * @return the value-search key of {@code value} read as {@code type}, as {@link #valueKey()}
     */
    public static String valueKey(IndicatorType type, String value) {
        return sha256(type.name() + ":" + typed(type, value));
    }

    private static String typed(IndicatorType type, String value) {
        return switch (type) {
            case URL -> ValueNormalizer.url(value);
            case DOMAIN -> ValueNormalizer.domain(value);
            case ACCOUNT -> ValueNormalizer.account(value);
            case HASHTAG -> ValueNormalizer.hashtag(value);
            case CONTENT_HASH -> ValueNormalizer.hash(value);
            case NARRATIVE -> ValueNormalizer.narrative(value);
        };
    }

    private void only(List<FieldViolation> v, String field, String member, IndicatorType owner) {
        if (member != null && type != owner) {
            v.add(new FieldViolation(field, "is only for an " + owner));
        }
    }

    private static boolean isWebUrl(String s) {
        try {
            URI uri = new URI(s);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean isDomain(String d) {
        if (d.isEmpty() || d.length() > 253 || !d.contains(".")) {
            return false;
        }
        for (String label : d.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    private static String sha256(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
