/**
 * The hub's HTTP surface: Jakarta REST resources per domain, the filters every request passes,
 * the RFC 9457 problem mappers and the health checks. Resources are thin: parse, call one service
 * method of the api module, render. This module depends on the api module only, never on the EJB
 * implementation (checked by {@code ArchitectureRulesTest}).
 */
package org.electionpool.hub.web;
