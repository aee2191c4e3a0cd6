/**
 * The hub's contract: local service interfaces, request and view records, typed ids, the
 * application exception and the problem-type catalogue.
 *
 * <p>This jar lives in the ear's {@code lib/} so that the web and EJB modules share one copy of
 * every contract type. It must not depend on JPA, on Nimbus, on the protocol or client modules, on
 * the EJB implementation or on the web layer (checked by {@code ArchitectureRulesTest}). Platforms
 * do not depend on it: they use {@code hub-client}.
 */
package org.electionpool.hub.api;
