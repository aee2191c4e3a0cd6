package org.electionpool.hub.people.internal;

import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.electionpool.hub.api.audit.AuditAction;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.api.organizations.OrganizationId;
import org.electionpool.hub.api.organizations.OrganizationKind;
import org.electionpool.hub.api.people.CreatePersonRequest;
import org.electionpool.hub.api.people.IssuedPerson;
import org.electionpool.hub.api.people.PeopleService;
import org.electionpool.hub.api.people.PersonSession;
import org.electionpool.hub.api.people.PersonStatus;
import org.electionpool.hub.api.people.PersonView;
import org.electionpool.hub.api.people.SignIn;
import org.electionpool.hub.api.people.TotpSecret;
import org.electionpool.hub.api.people.Username;
import org.electionpool.hub.api.problem.FieldViolation;
import org.electionpool.hub.api.problem.HubException;
import org.electionpool.hub.api.problem.ProblemType;
import org.electionpool.hub.api.security.Authorization;
import org.electionpool.hub.api.security.Caller;
import org.electionpool.hub.api.security.Role;
import org.electionpool.hub.audit.AuditEvent;
import org.electionpool.hub.audit.AuditLog;
import org.electionpool.hub.audit.RefusalThrottle;
import org.electionpool.hub.crypto.AttachmentCipher;
import org.electionpool.hub.crypto.HubKeys;
import org.electionpool.hub.crypto.PasswordHasher;
import org.electionpool.hub.crypto.Totp;
import org.electionpool.hub.people.domain.PasswordPolicy;
import org.electionpool.hub.system.HubConfiguration;
import org.electionpool.hub.system.SqlValues;

/**
 * Accounts and sign-in ({@link PeopleService}). Invariants:
 * <ul>
 *   <li>A failed attempt looks the same whatever failed — unknown user, wrong password, wrong or
 *       reused code, disabled account or organisation, throttled — and costs the same Argon2id
 *       hash (a dummy hash for a user who does not exist).</li>
 *   <li>At most {@value #ACCOUNT_FAILURES} failures per user name and {@value #ADDRESS_FAILURES}
 *       per address in {@link #WINDOW}; beyond, every attempt fails, right password or not, until
 *       the window ends. Counted in the database, so shared by every node.</li>
 *   <li>A TOTP step once accepted for a person is never accepted again (RFC 6238 §5.2).</li>
 *   <li>TOTP secrets are stored sealed (AES-256-GCM, the hub's at-rest key, the user name as
 *       associated data); passwords only as Argon2id PHC strings.</li>
 * </ul>
 */
@Stateless
@LocalBean
public class PeopleServiceBean implements PeopleService {

    /** Failures per user name in a window before every attempt fails. */
    static final int ACCOUNT_FAILURES = 10;

    /** Failures per address in a window before every attempt fails. */
    static final int ADDRESS_FAILURES = 100;

    /** The throttle's window, from its first failure. */
    static final Duration WINDOW = Duration.ofMinutes(15);

    /** Roles whose holders need a second factor in prod mode. */
    static final Set<Role> SECOND_FACTOR_ROLES = EnumSet.of(Role.ORG_ADMIN, Role.AUDITOR, Role.OPERATOR);

    private static final PasswordHasher HASHER = new PasswordHasher(PasswordHasher.Parameters.DEFAULT);

    private static final SecureRandom RANDOM = new SecureRandom();

    /** No 0/O, 1/l/I: a first password is read off a screen and typed. */
    private static final char[] PASSWORD_ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private static volatile String dummyHash;

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    @Inject
    AuditLog auditLog;

    @Inject
    RefusalThrottle refusals;

    @Inject
    HubConfiguration configuration;

    @Inject
    HubKeys hubKeys;

    @Inject
    Clock clock;

    // ---- sign-in

    @Override
    public SignIn signIn(String username, char[] password, String code, String enrolSecret, String remoteAddress) {
        try {
            Attempt attempt = check(username, password, remoteAddress);
            if (attempt.person == null) {
                return SignIn.failed();
            }
            Row p = attempt.person;
            Instant now = clock.instant();
            boolean secondFactor = false;
            if (p.totpSecret != null) {
                if (code == null || code.isBlank()) {
                    return new SignIn(SignIn.Outcome.CODE_REQUIRED, Optional.empty());
                }
                OptionalLong step = Totp.verify(openSecret(p), code.strip(), now, p.totpLastStep);
                if (step.isEmpty()) {
                    fail(attempt.userKey, remoteAddress);
                    return SignIn.failed();
                }
                em.createNativeQuery("update person set totp_last_step = ?2 where username = ?1")
                        .setParameter(1, p.username).setParameter(2, step.getAsLong()).executeUpdate();
                secondFactor = true;
            } else if (totpRequired(p.roles)) {
                if (enrolSecret == null || code == null || code.isBlank()) {
                    return new SignIn(SignIn.Outcome.ENROLMENT_REQUIRED, Optional.empty());
                }
                byte[] secret;
                try {
                    secret = Totp.fromBase32(enrolSecret);
                } catch (IllegalArgumentException e) {
                    fail(attempt.userKey, remoteAddress);
                    return SignIn.failed();
                }
                OptionalLong step = secret.length < 20 ? OptionalLong.empty()
                        : Totp.verify(secret, code.strip(), now, Long.MIN_VALUE);
                if (step.isEmpty()) {
                    fail(attempt.userKey, remoteAddress);
                    return SignIn.failed();
                }
                storeSecret(p.username, secret, step.getAsLong());
                auditLog.append(new AuditEvent(personContext(p), AuditAction.PERSON_TOTP_ENROLLED, "person", p.username,
                        Map.of()));
                secondFactor = true;
            }
            em.createNativeQuery("delete from sign_in_throttle where throttle_key = ?1").setParameter(1, attempt.userKey)
                    .executeUpdate();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("remote_address", remoteAddress == null ? "" : remoteAddress);
            details.put("second_factor", secondFactor);
            auditLog.append(new AuditEvent(personContext(p), AuditAction.PERSON_SIGNED_IN, "person", p.username, details));
            return new SignIn(SignIn.Outcome.SIGNED_IN, Optional.of(p.session()));
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    /**
     * Signs in a person whom an OpenID Connect provider vouched for ({@link OidcServiceBean} verified
     * the ID token). The first sign-in creates a federated account (no usable password; audited
     * {@code person.created}); later ones update its display name and roles from the claims. Refused
     * alike: an address over its throttle; a user name that is not one, or that is a local account
     * or another subject's; an unknown, inactive or other organisation than the account's; no role
     * its kind allows; a role that needs a second factor without the provider saying one was used;
     * a disabled account.
     */
    public SignIn federated(String issuer, String subject, String username, String displayName, String organization,
                     Set<String> roleNames, boolean multiFactor, String remoteAddress) {
        Optional<Username> name = Username.parse(username);
        String typed = username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
        String userKey = "user:" + (typed.length() > 64 ? typed.substring(0, 64) : typed);
        Optional<OrganizationId> org = OrganizationId.parse(organization);
        List<?> orgRows = org.isEmpty() ? List.of() : em.createNativeQuery("select kind, status from organization where id = ?1")
                .setParameter(1, org.get().value()).getResultList();
        if (throttled(addressKey(remoteAddress), ADDRESS_FAILURES) || throttled(userKey, ACCOUNT_FAILURES)
                || name.isEmpty() || orgRows.isEmpty() || subject == null || subject.isBlank() || subject.length() > 300
                || !"ACTIVE".equals(((Object[]) orgRows.get(0))[1])) {
            fail(userKey, remoteAddress);
            return SignIn.failed();
        }
        OrganizationKind kind = OrganizationKind.valueOf((String) ((Object[]) orgRows.get(0))[0]);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : roleNames) {
            try {
                Role role = Role.valueOf(r.strip().toUpperCase(java.util.Locale.ROOT));
                if (Role.allowedFor(kind).contains(role)) {
                    roles.add(role);
                }
            } catch (IllegalArgumentException ignored) {
                // a role the hub does not know gives nothing
            }
        }
        if (roles.isEmpty() || totpRequired(roles) && !multiFactor) {
            fail(userKey, remoteAddress);
            return SignIn.failed();
        }
        String display = displayName == null || displayName.isBlank() ? name.get().value()
                : displayName.strip().length() > 200 ? displayName.strip().substring(0, 200) : displayName.strip();
        Instant now = clock.instant();
        Optional<Row> existing = row(name.get());
        List<?> bySubject = em.createNativeQuery("select username from person where oidc_issuer = ?1 and oidc_subject = ?2")
                .setParameter(1, issuer).setParameter(2, subject).getResultList();
        if (existing.isPresent()) {
            Row p = existing.get();
            if (bySubject.isEmpty() || !name.get().value().equals(bySubject.get(0)) || !p.organization.equals(org.get().value())
                    || p.status != PersonStatus.ACTIVE) {
                fail(userKey, remoteAddress);
                return SignIn.failed();
            }
            if (!p.roles.equals(roles) || !p.displayName.equals(display)) {
                em.createNativeQuery("update person set roles = ?2, display_name = ?3 where username = ?1")
                        .setParameter(1, p.username).setParameter(2, rolesText(roles)).setParameter(3, display).executeUpdate();
            }
        } else {
            if (!bySubject.isEmpty()) {
                fail(userKey, remoteAddress);
                return SignIn.failed();
            }
            byte[] random = new byte[32];
            RANDOM.nextBytes(random);
            insert(em, name.get().value(), org.get(), display, roles,
                    HASHER.hash(Base64.getEncoder().encodeToString(random).toCharArray()), false, now, "oidc:" + issuer);
            em.createNativeQuery("update person set oidc_issuer = ?2, oidc_subject = ?3 where username = ?1")
                    .setParameter(1, name.get().value()).setParameter(2, issuer).setParameter(3, subject).executeUpdate();
            Row created = row(name.get()).orElseThrow();
            auditLog.append(new AuditEvent(personContext(created), AuditAction.PERSON_CREATED, "person", created.username,
                    Map.of("organization", created.organization, "roles", rolesText(roles), "oidc_issuer", issuer)));
        }
        Row p = row(name.get()).orElseThrow();
        em.createNativeQuery("delete from sign_in_throttle where throttle_key = ?1").setParameter(1, userKey).executeUpdate();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("remote_address", remoteAddress == null ? "" : remoteAddress);
        details.put("second_factor", multiFactor);
        details.put("method", "oidc");
        details.put("oidc_issuer", issuer);
        auditLog.append(new AuditEvent(personContext(p), AuditAction.PERSON_SIGNED_IN, "person", p.username, details));
        return new SignIn(SignIn.Outcome.SIGNED_IN, Optional.of(p.session()));
    }

    @Override
    public Optional<TotpSecret> newTotpSecret(String username, char[] password, String remoteAddress) {
        try {
            Attempt attempt = check(username, password, remoteAddress);
            if (attempt.person == null) {
                return Optional.empty();
            }
            byte[] secret = Totp.newSecret();
            return Optional.of(new TotpSecret(Totp.base32(secret),
                    Totp.uri(configuration.issuer().getHost() == null ? "Election Pool Hub" : "Election Pool Hub "
                            + configuration.issuer().getHost(), attempt.person.username, secret)));
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    /** The shared first step of an attempt: throttle, account, password. A failure is counted and audited. */
    private Attempt check(String username, char[] password, String remoteAddress) {
        Optional<Username> name = Username.parse(username);
        String typed = username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
        String userKey = "user:" + (typed.length() > 64 ? typed.substring(0, 64) : typed);
        Row person = name.flatMap(this::row).orElse(null);
        boolean throttled = throttled(userKey, ACCOUNT_FAILURES) || throttled(addressKey(remoteAddress), ADDRESS_FAILURES);
        char[] pw = password == null ? new char[0] : password;
        // always one Argon2id computation: the time does not tell whether the account exists
        boolean right = person != null ? HASHER.verify(pw, person.passwordHash) : HASHER.verify(pw, dummyHash()) && false;
        if (throttled || !right || person.status != PersonStatus.ACTIVE || !person.organizationActive) {
            fail(userKey, remoteAddress);
            return new Attempt(userKey, null);
        }
        if (HASHER.needsRehash(person.passwordHash)) {
            em.createNativeQuery("update person set password_hash = ?2 where username = ?1").setParameter(1, person.username)
                    .setParameter(2, HASHER.hash(pw)).executeUpdate();
        }
        return new Attempt(userKey, person);
    }

    private record Attempt(String userKey, Row person) {
    }

    private static String dummyHash() {
        String h = dummyHash;
        if (h == null) {
            byte[] random = new byte[24];
            RANDOM.nextBytes(random);
            h = HASHER.hash(Base64.getEncoder().encodeToString(random).toCharArray());
            dummyHash = h;
        }
        return h;
    }

    private static String addressKey(String remoteAddress) {
        String a = remoteAddress == null || remoteAddress.isBlank() ? "unknown" : remoteAddress;
        return "addr:" + (a.length() > 100 ? a.substring(0, 100) : a);
    }

    private boolean throttled(String key, int limit) {
        List<?> rows = em.createNativeQuery("select failures, window_start from sign_in_throttle where throttle_key = ?1")
                .setParameter(1, key).getResultList();
        if (rows.isEmpty()) {
            return false;
        }
        Object[] r = (Object[]) rows.get(0);
        return ((Number) r[0]).intValue() >= limit && SqlValues.instant(r[1]).plus(WINDOW).isAfter(clock.instant());
    }

    /**
     * An OIDC sign-in that failed before any person was named (a bad or replayed {@code state}, an
     * unreachable provider, a token that does not verify): counted against the address and audited
     * as {@code person.signin.failed}, like any other failure.
     */
    public SignIn refuseFederated(String remoteAddress) {
        fail(null, remoteAddress);
        return SignIn.failed();
    }

    /** Counts a failure against the user name (when there is one) and the address, and audits it. */
    private void fail(String userKey, String remoteAddress) {
        Instant now = clock.instant();
        List<String> keys = userKey == null ? List.of(addressKey(remoteAddress)) : List.of(userKey, addressKey(remoteAddress));
        for (String key : keys) {
            int updated = em.createNativeQuery("update sign_in_throttle set failures = case when window_start > ?2"
                            + " then failures + 1 else 1 end, window_start = case when window_start > ?2 then window_start"
                            + " else ?3 end where throttle_key = ?1")
                    .setParameter(1, key).setParameter(2, now.minus(WINDOW)).setParameter(3, now).executeUpdate();
            if (updated == 0) {
                em.createNativeQuery("insert into sign_in_throttle (throttle_key, failures, window_start) values (?1, 1, ?2)")
                        .setParameter(1, key).setParameter(2, now).executeUpdate();
            }
        }
        String address = remoteAddress == null ? "" : remoteAddress;
        if (refusals.admit(address, "sign-in-failed")) {
            auditLog.append(new AuditEvent(new AuditContext(Caller.Channel.UI, null, null, null, null, null, null),
                    AuditAction.PERSON_SIGN_IN_FAILED, null, null, Map.of("remote_address", address)));
        }
    }

    private boolean totpRequired(Set<Role> roles) {
        return configuration.secondFactorForAdmins() && roles.stream().anyMatch(SECOND_FACTOR_ROLES::contains);
    }

    private void storeSecret(String username, byte[] secret, long step) {
        storeSecret(em, hubKeys, username, secret, step);
    }

    /** Stores a second-factor secret sealed under the newest at-rest key (also for {@link DemoPeopleSeeder}). */
    static void storeSecret(EntityManager em, HubKeys hubKeys, String username, byte[] secret, long step) {
        HubKeys.AttachmentKey key = hubKeys.attachmentKey().orElseThrow(() -> new HubException(
                ProblemType.SERVICE_UNAVAILABLE, "The hub has no at-rest key to keep a second factor with."));
        byte[] sealed = AttachmentCipher.seal(key.key(), aad(username), secret);
        em.createNativeQuery("update person set totp_secret = ?2, totp_last_step = ?3 where username = ?1")
                .setParameter(1, username).setParameter(2, key.alias() + ":" + Base64.getEncoder().encodeToString(sealed))
                .setParameter(3, step).executeUpdate();
    }

    private byte[] openSecret(Row p) {
        return openSecret(hubKeys, p.username, p.totpSecret);
    }

    /** Opens a stored second-factor secret (also for {@link DemoPeopleSeeder}, which writes dev-users.json). */
    static byte[] openSecret(HubKeys hubKeys, String username, String stored) {
        int colon = stored.indexOf(':');
        HubKeys.AttachmentKey key = hubKeys.attachmentKey(stored.substring(0, colon)).orElseThrow(
                () -> new IllegalStateException("the at-rest key of " + username + "'s second factor is gone"));
        try {
            return AttachmentCipher.open(key.key(), aad(username), Base64.getDecoder().decode(stored.substring(colon + 1)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the second factor of " + username + " does not open", e);
        }
    }

    /** The password hasher every account uses (Argon2id, {@link PasswordHasher.Parameters#DEFAULT}). */
    static PasswordHasher hasher() {
        return HASHER;
    }

    private static byte[] aad(String username) {
        return ("hub-totp:" + username).getBytes(StandardCharsets.UTF_8);
    }

    // ---- sessions

    @Override
    public Optional<PersonSession> resume(Username username, int epoch) {
        return row(username).filter(p -> p.status == PersonStatus.ACTIVE && p.organizationActive && p.epoch == epoch)
                .map(Row::session);
    }

    @Override
    public void signOut(Caller caller, AuditContext context, boolean everywhere) {
        Row p = self(caller, context);
        if (everywhere) {
            bumpEpoch(p.username);
        }
        auditLog.append(new AuditEvent(context, AuditAction.PERSON_SIGNED_OUT, "person", p.username,
                Map.of("everywhere", everywhere)));
    }

    private void bumpEpoch(String username) {
        em.createNativeQuery("update person set session_epoch = session_epoch + 1 where username = ?1")
                .setParameter(1, username).executeUpdate();
    }

    // ---- accounts

    @Override
    public IssuedPerson create(Caller caller, AuditContext context, OrganizationId organization, CreatePersonRequest request) {
        Authorization.requireSameActor(caller, context);
        OrganizationKind kind = requireAdminOf(caller, organization);
        List<FieldViolation> violations = new ArrayList<>();
        Optional<Username> name = request == null ? Optional.empty() : Username.parse(request.username());
        if (name.isEmpty()) {
            violations.add(new FieldViolation("username", "must be 3 to 64 of a-z 0-9 . _ - starting with a letter or digit"));
        }
        String displayName = request == null || request.displayName() == null ? "" : request.displayName().strip();
        if (displayName.isEmpty() || displayName.length() > 200 || displayName.chars().anyMatch(Character::isISOControl)) {
            violations.add(new FieldViolation("displayName", "must be 1 to 200 characters without control characters"));
        }
        Set<Role> roles = request == null || request.roles() == null ? Set.of() : request.roles();
        if (roles.isEmpty() || roles.stream().anyMatch(java.util.Objects::isNull) || !Role.allowedFor(kind).containsAll(roles)) {
            violations.add(new FieldViolation("roles", "must be at least one of " + Role.allowedFor(kind)
                    + " (what a person of a " + kind + " may hold)"));
        }
        if (!violations.isEmpty()) {
            throw new HubException(ProblemType.VALIDATION_FAILED, "The person cannot be created as given.", violations);
        }
        String username = name.get().value();
        if (!em.createNativeQuery("select username from person where username = ?1").setParameter(1, username)
                .getResultList().isEmpty()) {
            throw new HubException(ProblemType.ALREADY_EXISTS, "A person with this user name exists.");
        }
        char[] password = new char[20];
        for (int i = 0; i < password.length; i++) {
            password[i] = PASSWORD_ALPHABET[RANDOM.nextInt(PASSWORD_ALPHABET.length)];
        }
        Instant now = clock.instant();
        String createdBy = caller.organization().value() + "/" + caller.principal();
        insert(username, organization, displayName, roles, HASHER.hash(password), true, now, createdBy);
        auditLog.append(new AuditEvent(context, AuditAction.PERSON_CREATED, "person", username,
                Map.of("organization", organization.value(), "roles", rolesText(roles))));
        String initial = new String(password);
        Arrays.fill(password, '\0');
        return new IssuedPerson(row(name.get()).orElseThrow().view(totpRequired(roles)), initial);
    }

    private void insert(String username, OrganizationId organization, String displayName, Set<Role> roles, String hash,
                        boolean expired, Instant now, String createdBy) {
        insert(em, username, organization, displayName, roles, hash, expired, now, createdBy);
    }

    /** Inserts an account (also for {@link DemoPeopleSeeder}); the caller checked every rule. */
    static void insert(EntityManager em, String username, OrganizationId organization, String displayName, Set<Role> roles,
                       String hash, boolean expired, Instant now, String createdBy) {
        em.createNativeQuery("insert into person (username, org_id, display_name, roles, password_hash, password_expired,"
                        + " locale, time_zone, status, session_epoch, created_at, created_by)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6, 'en', 'Europe/Helsinki', 'ACTIVE', 0, ?7, ?8)")
                .setParameter(1, username).setParameter(2, organization.value()).setParameter(3, displayName)
                .setParameter(4, rolesText(roles)).setParameter(5, hash).setParameter(6, expired).setParameter(7, now)
                .setParameter(8, createdBy).executeUpdate();
    }

    @Override
    public List<PersonView> list(Caller caller, AuditContext context, OrganizationId organization) {
        Authorization.requireSameActor(caller, context);
        requireAdminOf(caller, organization);
        List<PersonView> out = new ArrayList<>();
        for (Object r : em.createNativeQuery(SELECT + " where p.org_id = ?1 order by p.username")
                .setParameter(1, organization.value()).getResultList()) {
            Row p = Row.of((Object[]) r);
            out.add(p.view(totpRequired(p.roles)));
        }
        auditLog.append(new AuditEvent(context, AuditAction.PERSON_LIST_READ, "organization", organization.value(),
                Map.of("count", out.size())));
        return out;
    }

    @Override
    public PersonSession changePassword(Caller caller, AuditContext context, char[] current, char[] next) {
        try {
            Row p = self(caller, context);
            if (current == null || !HASHER.verify(current, p.passwordHash)) {
                throw new HubException(ProblemType.VALIDATION_FAILED, "The password cannot be changed.",
                        List.of(new FieldViolation("current", "password.wrong")));
            }
            String candidate = next == null ? "" : new String(next);
            List<FieldViolation> problems = PasswordPolicy.problems(candidate, p.username, p.organization).stream()
                    .map(k -> new FieldViolation("password", k)).collect(Collectors.toCollection(ArrayList::new));
            if (problems.isEmpty() && HASHER.verify(next, p.passwordHash)) {
                problems.add(new FieldViolation("password", "password.same"));
            }
            if (!problems.isEmpty()) {
                throw new HubException(ProblemType.VALIDATION_FAILED, "The new password is not acceptable.", problems);
            }
            em.createNativeQuery("update person set password_hash = ?2, password_expired = false,"
                            + " session_epoch = session_epoch + 1 where username = ?1")
                    .setParameter(1, p.username).setParameter(2, HASHER.hash(next)).executeUpdate();
            auditLog.append(new AuditEvent(context, AuditAction.PERSON_PASSWORD_CHANGED, "person", p.username, Map.of()));
            return row(new Username(p.username)).orElseThrow().session();
        } finally {
            if (current != null) {
                Arrays.fill(current, '\0');
            }
            if (next != null) {
                Arrays.fill(next, '\0');
            }
        }
    }

    @Override
    public void setPreferences(Caller caller, AuditContext context, String locale, String timeZone) {
        Row p = self(caller, context);
        List<FieldViolation> violations = new ArrayList<>();
        if (locale == null || !List.of("fi", "sv", "en").contains(locale)) {
            violations.add(new FieldViolation("locale", "must be fi, sv or en"));
        }
        try {
            if (timeZone == null || timeZone.length() > 64) {
                throw new DateTimeException("no zone");
            }
            ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            violations.add(new FieldViolation("timeZone", "must be an IANA time zone, e.g. Europe/Helsinki"));
        }
        if (!violations.isEmpty()) {
            throw new HubException(ProblemType.VALIDATION_FAILED, "The preferences cannot be saved.", violations);
        }
        em.createNativeQuery("update person set locale = ?2, time_zone = ?3 where username = ?1")
                .setParameter(1, p.username).setParameter(2, locale).setParameter(3, timeZone).executeUpdate();
        auditLog.append(new AuditEvent(context, AuditAction.PERSON_PREFERENCES_CHANGED, "person", p.username,
                Map.of("locale", locale, "time_zone", timeZone)));
    }

    @Override
    public PersonView setStatus(Caller caller, AuditContext context, Username username, PersonStatus status) {
        Authorization.requireSameActor(caller, context);
        Row p = row(username).orElse(null);
        if (p == null || !(caller.organization().value().equals(p.organization) || isOperator(caller))) {
            throw HubException.notFound("Person");
        }
        requireAdminOf(caller, new OrganizationId(p.organization));
        if (caller.channel() == Caller.Channel.UI && caller.principal().equals(p.username)) {
            throw new HubException(ProblemType.CONFLICT, "Nobody disables or enables themselves.");
        }
        em.createNativeQuery("update person set status = ?2, session_epoch = session_epoch + 1 where username = ?1")
                .setParameter(1, p.username).setParameter(2, status.name()).executeUpdate();
        auditLog.append(new AuditEvent(context, AuditAction.PERSON_STATUS_CHANGED, "person", p.username,
                Map.of("status", status.name())));
        return row(username).orElseThrow().view(totpRequired(p.roles));
    }

    // ---- shared

    private static boolean isOperator(Caller caller) {
        return caller.isOperator() && caller.has(Role.OPERATOR);
    }

    /** @return the organisation's kind, once the caller is its admin or the operator */
    private OrganizationKind requireAdminOf(Caller caller, OrganizationId organization) {
        if (!isOperator(caller)) {
            Authorization.requireRole(caller, Role.ORG_ADMIN);
            if (!caller.organization().equals(organization)) {
                throw new HubException(ProblemType.FORBIDDEN, "Only the organisation's admins or the hub operator may do this.");
            }
        }
        List<?> kinds = em.createNativeQuery("select kind from organization where id = ?1")
                .setParameter(1, organization.value()).getResultList();
        if (kinds.isEmpty()) {
            throw HubException.notFound("Organization");
        }
        return OrganizationKind.valueOf((String) kinds.get(0));
    }

    /** @return the person's own account, for a person calling for themselves */
    private Row self(Caller caller, AuditContext context) {
        Authorization.requireSameActor(caller, context);
        if (caller.channel() != Caller.Channel.UI) {
            throw new HubException(ProblemType.FORBIDDEN, "Only a person acts on their own account.");
        }
        return Username.parse(caller.principal()).flatMap(this::row)
                .filter(p -> p.organization.equals(caller.organization().value()))
                .orElseThrow(() -> HubException.notFound("Person"));
    }

    private static AuditContext personContext(Row p) {
        return new AuditContext(Caller.Channel.UI, new OrganizationId(p.organization), p.username, null, null, null, null);
    }

    static String rolesText(Set<Role> roles) {
        return new TreeSet<>(roles.stream().map(Role::name).toList()).stream().collect(Collectors.joining(","));
    }

    private static final String SELECT = "select p.username, p.org_id, o.kind, o.status, p.display_name, p.roles,"
            + " p.password_hash, p.password_expired, p.totp_secret, p.totp_last_step, p.locale, p.time_zone, p.status,"
            + " p.session_epoch, p.created_at, p.created_by from person p join organization o on o.id = p.org_id";

    private Optional<Row> row(Username username) {
        List<?> rows = em.createNativeQuery(SELECT + " where p.username = ?1").setParameter(1, username.value())
                .getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(Row.of((Object[]) rows.get(0)));
    }

    private record Row(String username, String organization, OrganizationKind kind, boolean organizationActive,
                       String displayName, Set<Role> roles, String passwordHash, boolean passwordExpired,
                       String totpSecret, long totpLastStep, String locale, String timeZone, PersonStatus status,
                       int epoch, Instant createdAt, String createdBy) {

        static Row of(Object[] r) {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String name : ((String) r[5]).split(",")) {
                roles.add(Role.valueOf(name));
            }
            return new Row((String) r[0], (String) r[1], OrganizationKind.valueOf((String) r[2]), "ACTIVE".equals(r[3]),
                    (String) r[4], roles, (String) r[6], Boolean.TRUE.equals(r[7]), (String) r[8],
                    r[9] == null ? Long.MIN_VALUE : ((Number) r[9]).longValue(), (String) r[10], (String) r[11],
                    PersonStatus.valueOf((String) r[12]), ((Number) r[13]).intValue(), SqlValues.instant(r[14]),
                    (String) r[15]);
        }

        PersonSession session() {
            return new PersonSession(Caller.person(new OrganizationId(organization), kind, username, roles), displayName,
                    locale, timeZone, epoch, passwordExpired);
        }

        PersonView view(boolean totpRequired) {
            return new PersonView(username, organization, displayName, roles, status, totpSecret != null, totpRequired,
                    locale, timeZone, createdAt, createdBy);
        }
    }
}
