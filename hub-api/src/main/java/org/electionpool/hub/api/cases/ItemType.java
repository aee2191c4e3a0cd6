package org.electionpool.hub.api.cases;

/** What an item of a case points at. */
public enum ItemType {
    /** A URL of a piece of content. */
    CONTENT_URL,
    /** The platform's own id of a piece of content. */
    PLATFORM_CONTENT_ID,
    /** An account handle or id. */
    ACCOUNT,
    /** A hashtag. */
    HASHTAG,
    /** A content hash: {@code sha256:<64 hex>} (or another algorithm prefix). */
    CONTENT_HASH
}
