package org.electionpool.hub.api.webhooks;

import java.time.Instant;

/**
 * An organisation's webhook.
 *
 * @param url          where events are posted
 * @param registeredAt when it was registered
 */
public record WebhookView(String url, Instant registeredAt) {
}
