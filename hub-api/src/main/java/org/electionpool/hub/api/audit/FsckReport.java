package org.electionpool.hub.api.audit;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * The result of the server-side consistency check of the audit log.
 *
 * @param size               the log's size according to its head
 * @param entriesChecked     entries whose leaf, leaf hash and subtree hashes were recomputed
 * @param checkpointsChecked stored checkpoints whose signature and root were verified
 * @param ok                 whether everything held
 * @param firstBadIndex      the first entry index at which something does not hold, or {@code null}
 * @param problem            what did not hold there, or {@code null}
 */
public record FsckReport(long size, @JsonbProperty("entries_checked") long entriesChecked,
                         @JsonbProperty("checkpoints_checked") long checkpointsChecked, boolean ok,
                         @JsonbProperty("first_bad_index") Long firstBadIndex, String problem) {
}
