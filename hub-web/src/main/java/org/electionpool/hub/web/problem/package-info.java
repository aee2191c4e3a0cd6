/**
 * Turns every failure at the HTTP boundary into an RFC 9457 problem document: the hub's own
 * {@link org.electionpool.hub.api.problem.HubException}, bean-validation failures, the Jakarta REST
 * exceptions for unknown paths, wrong methods and media types, unreadable bodies, and — as a last
 * resort — anything else, as a 500 that carries only a correlation id.
 */
package org.electionpool.hub.web.problem;
