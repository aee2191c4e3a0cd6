package org.electionpool.hub.api.indicators;

/**
 * What an indicator's value is. Values are normalised with the same rules as case items
 * (docs/indicators.md), so the same thing reported twice compares equal.
 */
public enum IndicatorType {
    /** A URL of a piece of content or a page. */
    URL,
    /** A domain name. */
    DOMAIN,
    /** An account on a platform: {@code platform} names the platform, {@code value} the handle. */
    ACCOUNT,
    /** A hashtag, with or without its {@code #}. */
    HASHTAG,
    /** A content hash: {@code algorithm} names it ({@code SHA-256}, {@code PDQ} …), {@code value} is hex. */
    CONTENT_HASH,
    /** A narrative: a short claim, in the language {@code language} names. */
    NARRATIVE
}
