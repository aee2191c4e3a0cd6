package org.electionpool.hub.audit.domain;

/**
 * A stored subtree's coordinates (level, index) packed into one {@code long} for maps and sets:
 * the level in the top 8 bits, the index in the low 56 — room for any log of fewer than 2^56
 * entries. Node {@code index} at {@code level} covers leaves [index·2^level, (index+1)·2^level).
 */
public final class NodeKey {

    /** Largest index a key holds. */
    public static final long MAX_INDEX = (1L << 56) - 1;

    private NodeKey() {
    }

    /**
     * @return the packed key
     * @throws IllegalArgumentException for a level outside 0–63 or an index outside 0–{@link #MAX_INDEX}
     */
    public static long of(int level, long index) {
        if (level < 0 || level > 63 || index < 0 || index > MAX_INDEX) {
            throw new IllegalArgumentException("no subtree (" + level + ", " + index + ") in a log of this size");
        }
        return ((long) level << 56) | index;
    }

    /** @return the level of a packed key */
    public static int level(long key) {
        return (int) (key >>> 56);
    }

    /** @return the index of a packed key */
    public static long index(long key) {
        return key & MAX_INDEX;
    }
}
