package org.electionpool.hub.api.audit;

import java.time.Instant;

/**
 * One signed checkpoint of the log (C2SP signed note), as the audit UI lists them.
 *
 * @param size      the tree size it signs
 * @param createdAt when the hub signed it
 * @param note      the signed note exactly as published
 */
public record CheckpointView(long size, Instant createdAt, String note) {
}
