package org.electionpool.hub.cases.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.electionpool.hub.api.cases.ItemType;

/**
 * Normalises item values so that two cases about the same thing link up: a URL with its scheme
 * and host in lower case, without default port, fragment or trailing slash; an account or hashtag
 * in lower case without its {@code @} or {@code #}; a content hash in lower case. The result is
 * prefixed by the type, so an account and a hashtag with the same text never match.
 *
 * <p>Normalising can lengthen a value: lower-casing {@code İ} (U+0130) gives two characters, and
 * {@code http} becomes {@code https}. So the limit is checked on the result, {@link #fits}: a
 * normalised value (without its type prefix) of at most {@link #MAX_VALUE_LENGTH} characters,
 * which with the longest prefix stays inside the 2100 characters of {@code case_item.normalized}.
 *
 * <p>Pure and thread-safe.
 */
public final class ItemNormalizer {

    /** Longest normalised value, without the type prefix; the same as the longest value sent. */
    public static final int MAX_VALUE_LENGTH = 2048;

    private ItemNormalizer() {
    }

    /**
     * @param type  the item type
     * @param value the value as sent (not blank)
     * @return {@code <TYPE>:<normalised value>}
     */
    public static String normalize(ItemType type, String value) {
        String v = value.strip();
        String normalized = switch (type) {
            case CONTENT_URL -> url(v);
            case ACCOUNT -> stripPrefix(v, '@').toLowerCase(Locale.ROOT);
            case HASHTAG -> stripPrefix(v, '#').toLowerCase(Locale.ROOT);
            case CONTENT_HASH -> v.toLowerCase(Locale.ROOT);
            case PLATFORM_CONTENT_ID -> v;
        };
        return type.name() + ":" + normalized;
    }

    /**
     * @param type       the item type
     * @param normalized what {@link #normalize} returned for it
     * @return whether the normalised value is at most {@link #MAX_VALUE_LENGTH} characters long
     */
    public static boolean fits(ItemType type, String normalized) {
        return normalized.length() - type.name().length() - 1 <= MAX_VALUE_LENGTH;
    }

    private static String stripPrefix(String value, char prefix) {
        return !value.isEmpty() && value.charAt(0) == prefix ? value.substring(1) : value;
    }

    private static String url(String value) {
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null || uri.getRawAuthority() == null) {
                return value;
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
            return value;
        }
    }
}
