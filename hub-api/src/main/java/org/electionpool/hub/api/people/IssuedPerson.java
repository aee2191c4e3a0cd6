package org.electionpool.hub.api.people;

/**
 * A created account and its first password, which the hub shows exactly once and keeps only as an
 * Argon2id hash.
 *
 * @param person          the account
 * @param initialPassword the first password; the person must change it at first sign-in
 */
public record IssuedPerson(PersonView person, String initialPassword) {

    @Override
    public String toString() {
        return "IssuedPerson[person=" + person + ", initialPassword=(hidden)]";
    }
}
