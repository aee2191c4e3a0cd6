package org.electionpool.hub.indicators.stix;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.electionpool.hub.api.indicators.IndicatorType;
import org.electionpool.hub.indicators.domain.IndicatorValue;
import org.electionpool.hub.values.domain.ValueNormalizer;

/**
 * The STIX 2.1 patterns (§9) of the hub's indicator types, written and read back. The hub writes
 * exactly one comparison form per type (docs/taxii.md, STIX mapping):
 * <ul>
 *   <li>{@code URL} {@code [url:value = '…']} (the URL as the author sent it: the hub's normalised form
 *       is {@code x_hub_normalized}), {@code DOMAIN} {@code [domain-name:value = '…']};</li>
 *   <li>{@code ACCOUNT} {@code [user-account:account_type = 'platform' AND user-account:account_login = 'handle']};</li>
 *   <li>{@code CONTENT_HASH} {@code [file:hashes.'SHA-256' = 'hex']} (any algorithm by its name);</li>
 *   <li>{@code HASHTAG} {@code [text:value = '#tag']} (OpenCTI's {@code text} observable);</li>
 *   <li>{@code NARRATIVE} {@code [x-hub-narrative:value = 'claim']}, the language in the indicator's {@code lang}.</li>
 * </ul>
 * String literals escape {@code \} and {@code '} with a backslash and nothing else (§9.3). Reading
 * accepts these forms with any white space around operators, the two account comparisons in either
 * order and a bare hash name ({@code hashes.MD5}); any other pattern is not one the hub can represent.
 */
public final class StixPatterns {

    /** A string literal; possessive, so a long literal never recurses (no stack overflow on 4,200 characters). */
    private static final String STRING = "'((?:[^'\\\\]++|\\\\['\\\\])*+)'";

    private static final Pattern SINGLE = Pattern.compile(
            "\\[\\s*(url|domain-name|text|x-hub-narrative):value\\s*=\\s*" + STRING + "\\s*]");

    private static final Pattern HASH = Pattern.compile(
            "\\[\\s*file:hashes\\.(?:'([A-Za-z0-9_-]{3,250})'|([A-Za-z0-9_-]{3,250}))\\s*=\\s*" + STRING + "\\s*]");

    private static final Pattern ACCOUNT = Pattern.compile(
            "\\[\\s*user-account:(account_type|account_login)\\s*=\\s*" + STRING
                    + "\\s+AND\\s+user-account:(account_type|account_login)\\s*=\\s*" + STRING + "\\s*]");

    private StixPatterns() {
    }

    /** @return the pattern of the value */
    public static String pattern(IndicatorValue v) {
        return switch (v.type()) {
            case URL -> "[url:value = " + literal(v.value().strip()) + "]";
            case DOMAIN -> "[domain-name:value = " + literal(ValueNormalizer.domain(v.value())) + "]";
            case ACCOUNT -> "[user-account:account_type = " + literal(v.platform())
                    + " AND user-account:account_login = " + literal(ValueNormalizer.account(v.value())) + "]";
            case HASHTAG -> "[text:value = " + literal("#" + ValueNormalizer.hashtag(v.value())) + "]";
            case CONTENT_HASH -> "[file:hashes.'" + v.algorithm() + "' = " + literal(ValueNormalizer.hash(v.value())) + "]";
            case NARRATIVE -> "[x-hub-narrative:value = " + literal(v.value().strip()) + "]";
        };
    }

    /** @return the STIX string literal of the text */
    public static String literal(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /**
     * @param pattern  a pattern from outside
     * @param language the indicator's {@code lang}, for a narrative
     * @return the value it stands for (not yet checked: {@link IndicatorValue#violations()}), or
     *         empty when it is not one of the forms the hub reads
     */
    public static Optional<IndicatorValue> parse(String pattern, String language) {
        if (pattern == null || pattern.length() > 4200) {
            return Optional.empty();
        }
        String p = pattern.strip();
        Matcher m = SINGLE.matcher(p);
        if (m.matches()) {
            String value = unescape(m.group(2));
            return Optional.of(switch (m.group(1)) {
                case "url" -> new IndicatorValue(IndicatorType.URL, value, null, null, null);
                case "domain-name" -> new IndicatorValue(IndicatorType.DOMAIN, value, null, null, null);
                case "text" -> new IndicatorValue(IndicatorType.HASHTAG, value, null, null, null);
                default -> new IndicatorValue(IndicatorType.NARRATIVE, value, null, null,
                        language == null ? null : language.toLowerCase(Locale.ROOT));
            });
        }
        m = HASH.matcher(p);
        if (m.matches()) {
            String algorithm = (m.group(1) != null ? m.group(1) : m.group(2)).toUpperCase(Locale.ROOT);
            if (algorithm.equals("SHA256") || algorithm.equals("SHA512") || algorithm.equals("SHA1")) {
                algorithm = algorithm.substring(0, 3) + "-" + algorithm.substring(3);
            }
            return Optional.of(new IndicatorValue(IndicatorType.CONTENT_HASH, unescape(m.group(3)), null, algorithm, null));
        }
        m = ACCOUNT.matcher(p);
        if (m.matches() && !m.group(1).equals(m.group(3))) {
            String type = m.group(1).equals("account_type") ? unescape(m.group(2)) : unescape(m.group(4));
            String login = m.group(1).equals("account_login") ? unescape(m.group(2)) : unescape(m.group(4));
            return Optional.of(new IndicatorValue(IndicatorType.ACCOUNT, login, type.toLowerCase(Locale.ROOT), null, null));
        }
        return Optional.empty();
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                c = s.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }
}
