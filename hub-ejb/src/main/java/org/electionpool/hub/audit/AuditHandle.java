package org.electionpool.hub.audit;

/**
 * What an append hands back: the new entry's place in the log, from which its receipt is built.
 *
 * @param index the entry's index (0-based, gapless)
 */
public record AuditHandle(long index) {

    /** @return the tree size whose checkpoint first includes the entry */
    public long size() {
        return index + 1;
    }
}
