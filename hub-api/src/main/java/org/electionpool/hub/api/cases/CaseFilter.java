package org.electionpool.hub.api.cases;

import java.time.Instant;

/**
 * Filters of a case list; {@code null} members do not filter.
 *
 * @param status       only cases in this state
 * @param kind         only cases of this kind
 * @param overdue      only overdue (true) or not overdue (false) cases
 * @param election     only cases about this election
 * @param updatedSince only cases changed at or after this time
 * @param after        the cursor of the previous page, or {@code null} for the first
 * @param limit        page size, 1–100
 */
public record CaseFilter(CaseStatus status, CaseKind kind, Boolean overdue, String election, Instant updatedSince,
                         String after, int limit) {
}
