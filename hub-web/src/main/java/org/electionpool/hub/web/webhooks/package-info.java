/** REST resource of the caller's own webhook and its delivery log (query: {@code DeliveryParameters}). */
package org.electionpool.hub.web.webhooks;
