package org.electionpool.hub.api.people;

import jakarta.ejb.Local;
import java.util.List;
import java.util.Optional;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.api.organizations.OrganizationId;
import org.electionpool.hub.api.security.Caller;

/**
 * Persons' accounts and sign-in (docs/ui.md, People and sign-in). Every rule lives here, not in
 * the web tier: who may create whom, which roles an organisation's kind allows, the password
 * policy (OWASP ASVS 5.0 V6), Argon2id hashing, the second factor (RFC 6238, a used step never
 * accepted twice, required in prod mode of admins, auditors and operators), and throttling of
 * failed attempts per account and per address, which answers exactly as a wrong password does.
 */
@Local
public interface PeopleService {

    /**
     * One attempt to sign in. Audited: {@code person.signed.in}, or {@code person.signin.failed}
     * (within the refusal budget per address).
     *
     * @param username      what the person typed as user name
     * @param password      the password; the array is wiped
     * @param code          the six-digit code of the second factor, or {@code null}
     * @param enrolSecret   with {@link SignIn.Outcome#ENROLMENT_REQUIRED}: the base32 secret of
     *                      {@link #newTotpSecret} the code comes from, enrolled on success; else {@code null}
     * @param remoteAddress the client's address, for throttling
     * @return the outcome; a failure never says why
     */
    SignIn signIn(String username, char[] password, String code, String enrolSecret, String remoteAddress);

    /**
     * A fresh second-factor secret for a person who must enrol one: only after the password is
     * checked again (a failure counts as a failed sign-in).
     *
     * @param username      the user name typed
     * @param password      the password; the array is wiped
     * @param remoteAddress the client's address, for throttling
     * @return the secret, or empty when the user name and password do not sign in
     */
    Optional<TotpSecret> newTotpSecret(String username, char[] password, String remoteAddress);

    /**
     * The person behind a session, re-read for each request.
     *
     * @param username the session's person
     * @param epoch    the session epoch it was opened under
     * @return the person, or empty when the account is gone, disabled, or signed out everywhere since
     */
    Optional<PersonSession> resume(Username username, int epoch);

    /**
     * Records a sign-out; with {@code everywhere}, ends every session of the person (the epoch moves on).
     *
     * @param caller     the person
     * @param context    the UI request's attested context
     * @param everywhere whether to end every session of the person
     */
    void signOut(Caller caller, AuditContext context, boolean everywhere);

    /**
     * Creates a person: an {@code ORG_ADMIN} in their own organisation, or the operator (role
     * {@code OPERATOR}) in any (an organisation's first admin).
     *
     * @param caller       the admin or operator
     * @param context      the request's audit context
     * @param organization the new person's organisation
     * @param request      user name, name and roles
     * @return the account and its first password, shown once
     */
    IssuedPerson create(Caller caller, AuditContext context, OrganizationId organization, CreatePersonRequest request);

    /**
     * @param caller       an {@code ORG_ADMIN} of the organisation, or the operator
     * @param context      the request's audit context
     * @param organization whose people
     * @return the organisation's people, by user name
     */
    List<PersonView> list(Caller caller, AuditContext context, OrganizationId organization);

    /**
     * The person changes their own password (which ends their other sessions).
     *
     * @param caller   the person (channel {@code UI})
     * @param context  the request's attested context
     * @param current  the current password; wiped
     * @param next     the new password, checked against the policy; wiped
     * @return the person's new session (its epoch moved on)
     */
    PersonSession changePassword(Caller caller, AuditContext context, char[] current, char[] next);

    /**
     * @param caller   the person
     * @param context  the request's attested context
     * @param locale   {@code fi}, {@code sv} or {@code en}
     * @param timeZone an IANA time zone id
     */
    void setPreferences(Caller caller, AuditContext context, String locale, String timeZone);

    /**
     * Enables or disables an account of the admin's organisation (or, for the operator, any);
     * disabling ends its sessions. Nobody disables themselves.
     *
     * @param caller   an {@code ORG_ADMIN} of the person's organisation, or the operator
     * @param context  the request's audit context
     * @param username whose account
     * @param status   the new status
     * @return the account
     */
    PersonView setStatus(Caller caller, AuditContext context, Username username, PersonStatus status);
}
