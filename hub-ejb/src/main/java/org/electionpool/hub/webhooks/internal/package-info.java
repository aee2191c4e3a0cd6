/**
 * Webhooks as EJBs: registration ({@link org.electionpool.hub.webhooks.internal.WebhookServiceBean}),
 * the transactional outbox ({@link org.electionpool.hub.webhooks.Outbox}) and the dispatcher
 * that claims, posts and records deliveries ({@link org.electionpool.hub.webhooks.internal.WebhookDispatcher}).
 */
package org.electionpool.hub.webhooks.internal;
