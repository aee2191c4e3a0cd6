package org.electionpool.hub.api.cases;

import java.util.List;

/**
 * A page of inbox events, oldest first.
 *
 * @param events the events
 * @param next   the opaque cursor to resume from: the last event's, or when empty the request's own
 *               (the start token when the request had none)
 */
public record InboxPage(List<InboxEvent> events, String next) {
}
