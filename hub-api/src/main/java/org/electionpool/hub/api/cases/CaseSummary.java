package org.electionpool.hub.api.cases;

import java.time.Instant;

/**
 * A case in a list: enough to triage, without the order's text.
 *
 * @param id        the id
 * @param kind      the kind
 * @param status    the state
 * @param overdue   whether overdue
 * @param authority the sender
 * @param addressee the platform
 * @param reference the authority's reference
 * @param title     the title
 * @param priority  the priority
 * @param election  the election, or {@code null}
 * @param deadline  the deadline, or {@code null}
 * @param createdAt when delivered
 * @param updatedAt when last changed
 */
public record CaseSummary(String id, CaseKind kind, CaseStatus status, boolean overdue, String authority,
                          String addressee, String reference, String title, Priority priority, String election,
                          Instant deadline, Instant createdAt, Instant updatedAt) {
}
