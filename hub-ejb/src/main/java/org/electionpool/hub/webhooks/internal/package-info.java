/**
 * Webhooks as EJBs: registration ({@link org.electionpool.hub.webhooks.internal.WebhookServiceBean}),
 * the transactional outbox ({@link org.electionpool.hub.webhooks.internal.Outbox}, implementing the
 * {@link org.electionpool.hub.webhooks.WebhookOutbox} port other domains use) and the dispatcher
 * that claims, posts and records deliveries ({@link org.electionpool.hub.webhooks.internal.WebhookDispatcher}).
 */
package org.electionpool.hub.webhooks.internal;
