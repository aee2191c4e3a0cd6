package org.electionpool.hub.api.cases;

import java.util.List;

/**
 * A case's thread ({@code GET /api/v1/cases/{id}/messages}).
 *
 * @param messages messages and lifecycle steps, oldest first
 */
public record MessageList(List<MessageView> messages) {

    public MessageList {
        messages = List.copyOf(messages);
    }
}
