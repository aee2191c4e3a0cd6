/**
 * The webhooks domain's port for other domains: {@link org.electionpool.hub.webhooks.WebhookOutbox},
 * the transactional outbox an inbox event is enqueued to. Implemented in {@code webhooks.internal}.
 */
package org.electionpool.hub.webhooks;
