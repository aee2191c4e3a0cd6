/**
 * The public discovery documents under {@code /.well-known/} (RFC 8615): the hub's keys and its
 * HXP/1 configuration. No authentication: clients read them before they can authenticate.
 */
package org.electionpool.hub.web.discovery;
