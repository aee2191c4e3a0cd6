/**
 * Establishes the {@link org.electionpool.hub.api.security.Caller} of each API request before any
 * resource runs, and refuses the request when there is none.
 */
package org.electionpool.hub.web.security;
