/**
 * The webhooks domain's port for other domains: {@link org.electionpool.hub.webhooks.Outbox}, the
 * transactional outbox an inbox event is enqueued to (the case events publisher writes to it in
 * the transaction of the change). Registration and dispatch are in {@code webhooks.internal}.
 */
package org.electionpool.hub.webhooks;
