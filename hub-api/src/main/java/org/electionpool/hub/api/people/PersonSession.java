package org.electionpool.hub.api.people;

import org.electionpool.hub.api.security.Caller;

/**
 * A signed-in person, as the web tier holds them for one request: re-read from the account at
 * every request ({@link PeopleService#resume}), so a disabled account, changed roles or "sign out
 * everywhere" take effect at the next click.
 *
 * @param caller         the person as a service caller (channel {@code UI})
 * @param displayName    the name shown
 * @param locale         {@code fi}, {@code sv} or {@code en}
 * @param timeZone       the person's IANA time zone
 * @param epoch          the account's session epoch; a session of an older epoch is over
 * @param passwordExpired whether the person must choose a new password before anything else
 */
public record PersonSession(Caller caller, String displayName, String locale, String timeZone, int epoch,
                            boolean passwordExpired) {
}
