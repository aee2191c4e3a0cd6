/**
 * MicroProfile Health probes of the hub, served by the server on the management port
 * ({@code /health/ready}, {@code /health/live}).
 *
 * <p>Why a module of its own: WildFly registers the health checks of an ear only from the ear's
 * top-level module, so the probes must sit in a jar in the ear's {@code lib/}. They reach the hub
 * through the api module's service interfaces only.
 */
package org.electionpool.hub.probes;
