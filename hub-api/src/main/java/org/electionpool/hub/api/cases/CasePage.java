package org.electionpool.hub.api.cases;

import java.util.List;

/**
 * One page of a case list, newest first.
 *
 * @param cases the cases on this page
 * @param next  the cursor for the next page ({@code after=}), or {@code null} on the last page
 */
public record CasePage(List<CaseSummary> cases, String next) {
}
