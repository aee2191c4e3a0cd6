package org.electionpool.hub.api.people;

import java.time.Instant;
import java.util.Set;
import org.electionpool.hub.api.security.Role;

/**
 * A person's account as an admin sees it (never a password hash or second-factor secret).
 *
 * @param username     the user name
 * @param organization the organisation the person acts for
 * @param displayName  the name shown in the UI and the audit UI
 * @param roles        the person's roles
 * @param status       whether the person may sign in
 * @param totpEnrolled whether a second factor is enrolled
 * @param totpRequired whether the hub requires one of this person (prod mode and an admin, auditor or operator role)
 * @param locale       the person's language: {@code fi}, {@code sv} or {@code en}
 * @param timeZone     the person's time zone (IANA id)
 * @param createdAt    when the account was created
 * @param createdBy    who created it ({@code org/username}, or the hub component)
 */
public record PersonView(String username, String organization, String displayName, Set<Role> roles,
                         PersonStatus status, boolean totpEnrolled, boolean totpRequired, String locale,
                         String timeZone, Instant createdAt, String createdBy) {
}
