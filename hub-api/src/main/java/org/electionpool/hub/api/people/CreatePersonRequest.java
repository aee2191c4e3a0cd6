package org.electionpool.hub.api.people;

import java.util.Set;
import org.electionpool.hub.api.security.Role;

/**
 * A new person of an organisation. The hub chooses the first password (returned once, in
 * {@link IssuedPerson}); the person changes it at first sign-in.
 *
 * @param username    the user name (see {@link Username}); unique in the hub
 * @param displayName the name shown, 1 to 200 characters
 * @param roles       at least one role the organisation's kind allows ({@link Role#allowedFor})
 */
public record CreatePersonRequest(String username, String displayName, Set<Role> roles) {
}
