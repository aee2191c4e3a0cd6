/**
 * Who is calling: the authenticated organisation and person behind a request, as the services
 * see it. The web layer establishes it; services use it for authorisation and as the actor of
 * audit entries.
 */
package org.electionpool.hub.api.security;
