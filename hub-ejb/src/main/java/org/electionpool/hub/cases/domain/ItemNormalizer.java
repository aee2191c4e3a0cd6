package org.electionpool.hub.cases.domain;

import org.electionpool.hub.api.cases.ItemType;
import org.electionpool.hub.values.domain.ValueNormalizer;

/**
 * Normalises item values so that two cases about the same thing link up, by the hub's one set of
 * rules ({@link ValueNormalizer}, shared with indicators). The result is prefixed by the type, so
 * an account and a hashtag with the same text never match.
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
            case CONTENT_URL -> ValueNormalizer.url(v);
            case ACCOUNT -> ValueNormalizer.account(v);
            case HASHTAG -> ValueNormalizer.hashtag(v);
            case CONTENT_HASH -> ValueNormalizer.hash(v);
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
}
