package org.electionpool.hub.values.domain;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.Normalizer;
import java.util.Locale;

/**
 * The one set of rules by which the hub normalises what cases and indicators point at, so that the
 * same thing sent twice — in a case item, in an indicator, by two organisations — compares equal
 * (docs/api.md, Items; docs/indicators.md, Values):
 * <ul>
 *   <li>a URL: scheme and host in lower case, {@code http} as {@code https}, without {@code www.},
 *       default port, fragment or trailing slash; path and query as sent;</li>
 *   <li>a domain: lower case, without {@code www.} and trailing dot, internationalised names in
 *       their ASCII (punycode) form (RFC 5890);</li>
 *   <li>an account handle and a hashtag: lower case, without the leading {@code @} or {@code #};</li>
 *   <li>a hash: lower case;</li>
 *   <li>a narrative: Unicode NFC, white space collapsed to single spaces, lower case.</li>
 * </ul>
 * Each input is stripped of surrounding white space first. A value that is not what its kind says
 * (a URL that does not parse) is kept as stripped: normalising never fails.
 *
 * <p>Pure and thread-safe.
 */
public final class ValueNormalizer {

    private ValueNormalizer() {
    }

    /** @return the URL normalised */
    public static String url(String value) {
        String v = value.strip();
        try {
            URI uri = new URI(v);
            if (uri.getScheme() == null || uri.getRawAuthority() == null) {
                return v;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? uri.getRawAuthority().toLowerCase(Locale.ROOT)
                    : uri.getHost().toLowerCase(Locale.ROOT);
            if (host.startsWith("www.")) {
                host = host.substring(4);
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            while (path.length() > 1 && path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            if ("/".equals(path)) {
                path = "";
            }
            if ("http".equals(scheme)) {
                scheme = "https"; // the same content; platforms redirect one to the other
            }
            return scheme + "://" + host + (defaultPort ? "" : ":" + port) + path
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (URISyntaxException e) {
            return v;
        }
    }

    /** @return the domain name normalised */
    public static String domain(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        while (v.endsWith(".")) {
            v = v.substring(0, v.length() - 1);
        }
        try {
            v = IDN.toASCII(v, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            // not a valid IDN: kept as lower-cased
        }
        return v.startsWith("www.") ? v.substring(4) : v;
    }

    /** @return the account handle normalised */
    public static String account(String value) {
        return stripPrefix(value.strip(), '@').toLowerCase(Locale.ROOT);
    }

    /** @return the hashtag normalised */
    public static String hashtag(String value) {
        return stripPrefix(value.strip(), '#').toLowerCase(Locale.ROOT);
    }

    /** @return the hash normalised */
    public static String hash(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }

    /** @return the narrative normalised */
    public static String narrative(String value) {
        return Normalizer.normalize(value.strip(), Normalizer.Form.NFC).replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static String stripPrefix(String value, char prefix) {
        return !value.isEmpty() && value.charAt(0) == prefix ? value.substring(1) : value;
    }
}
