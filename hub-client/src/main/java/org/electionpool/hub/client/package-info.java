/**
 * The Java client for platform and authority engineers: {@link org.electionpool.hub.client.HubClient}
 * speaks HXP/1 to a hub over {@code java.net.http} — it seals every request (JWS by the
 * organisation inside a JWE to the hub) and opens and verifies every answer. See
 * {@code docs/client.md}.
 */
package org.electionpool.hub.client;
