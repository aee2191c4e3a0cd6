package org.electionpool.hub.api.cases;

import java.util.List;

/**
 * A page of inbox events, oldest first.
 *
 * @param events the events
 * @param next   the cursor to resume from: the last event's, or the request's own when empty
 */
public record InboxPage(List<InboxEvent> events, String next) {
}
