/**
 * Webhooks: an organisation's URL to which the hub pushes its inbox events, sealed like HXP/1
 * answers, from a transactional outbox with retries, back-off, a dead-letter state and a delivery log.
 */
package org.electionpool.hub.api.webhooks;
