/**
 * People: the persons who use the web UI for their organisation — their accounts, roles
 * ({@link org.electionpool.hub.api.security.Role}), sign-in with an optional second factor
 * (RFC 6238 TOTP) and their preferences (docs/ui.md, People and sign-in).
 */
package org.electionpool.hub.api.people;
