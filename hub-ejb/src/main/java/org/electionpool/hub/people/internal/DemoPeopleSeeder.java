package org.electionpool.hub.people.internal;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.electionpool.hub.api.audit.AuditAction;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.api.organizations.OrganizationId;
import org.electionpool.hub.api.security.Role;
import org.electionpool.hub.api.system.HubMode;
import org.electionpool.hub.audit.AuditEvent;
import org.electionpool.hub.audit.AuditLog;
import org.electionpool.hub.crypto.HubKeys;
import org.electionpool.hub.crypto.PrivateFiles;
import org.electionpool.hub.crypto.Totp;
import org.electionpool.hub.system.HubConfiguration;
import org.jboss.logging.Logger;

/**
 * Dev mode only: one person per demo organisation and role (README, "Sign in"), all with the
 * password {@value #PASSWORD}; the admins, the auditor and the operator also with a second factor.
 * Writes every demo person — user name, password, organisation, roles and TOTP secret — to
 * {@code <data>/hub/dev-users.json} (owner-only), re-read from the database at every start, and
 * logs the file's path. Prod mode never runs this.
 */
@Singleton
@Startup
@DependsOn("DemoOrganizationSeeder")
public class DemoPeopleSeeder {

    /** The demo people's password (dev mode only; the README gives it). */
    static final String PASSWORD = "election-pool-demo";

    private static final Logger LOG = Logger.getLogger(DemoPeopleSeeder.class);

    /** One demo person: user name, organisation, display name, roles, whether with a second factor. */
    record Demo(String username, String organization, String displayName, Set<Role> roles, boolean totp) {
    }

    static final List<Demo> DEMO = List.of(
            new Demo("liaison", "election-authority-fi", "Liisa Liaison", EnumSet.of(Role.CASE_OFFICER, Role.ANALYST), false),
            new Demo("ea-admin", "election-authority-fi", "Eero Admin", EnumSet.of(Role.ORG_ADMIN), true),
            new Demo("ea-viewer", "election-authority-fi", "Veera Viewer", EnumSet.of(Role.VIEWER), false),
            new Demo("ministry", "ministry-of-justice-fi", "Mikko Ministry", EnumSet.of(Role.CASE_OFFICER, Role.ANALYST), false),
            new Demo("mj-admin", "ministry-of-justice-fi", "Maria Admin", EnumSet.of(Role.ORG_ADMIN), true),
            new Demo("alpha", "platform-alpha", "Aoife Alpha", EnumSet.of(Role.CASE_OFFICER, Role.ANALYST), false),
            new Demo("alpha-admin", "platform-alpha", "Aidan Admin", EnumSet.of(Role.ORG_ADMIN), true),
            new Demo("alpha-viewer", "platform-alpha", "Vivian Viewer", EnumSet.of(Role.VIEWER), false),
            new Demo("beta", "platform-beta", "Bram Beta", EnumSet.of(Role.CASE_OFFICER, Role.ANALYST), false),
            new Demo("beta-admin", "platform-beta", "Britt Admin", EnumSet.of(Role.ORG_ADMIN), true),
            new Demo("auditor", "auditor-national-audit-office", "Aino Auditor", EnumSet.of(Role.AUDITOR), true),
            new Demo("operator", "hub-operator", "Oskar Operator", EnumSet.of(Role.OPERATOR, Role.ORG_ADMIN), true));

    @Inject
    HubConfiguration configuration;

    @Inject
    HubKeys hubKeys;

    @Inject
    AuditLog auditLog;

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    @PostConstruct
    void seed() {
        if (configuration.mode() != HubMode.DEV) {
            return;
        }
        JsonArrayBuilder file = Json.createArrayBuilder();
        for (Demo demo : DEMO) {
            if (em.createNativeQuery("select username from person where username = ?1").setParameter(1, demo.username)
                    .getResultList().isEmpty()) {
                PeopleServiceBean.insert(em, demo.username, new OrganizationId(demo.organization), demo.displayName,
                        demo.roles, PeopleServiceBean.hasher().hash(PASSWORD.toCharArray()), false, clock.instant(),
                        "hub/demo-seeder");
                if (demo.totp) {
                    PeopleServiceBean.storeSecret(em, hubKeys, demo.username, Totp.newSecret(), Long.MIN_VALUE);
                }
                auditLog.append(new AuditEvent(AuditContext.system("demo-seeder"), AuditAction.PERSON_CREATED, "person",
                        demo.username, Map.of("organization", demo.organization, "roles",
                        PeopleServiceBean.rolesText(demo.roles))));
            }
            List<?> stored = em.createNativeQuery("select totp_secret from person where username = ?1")
                    .setParameter(1, demo.username).getResultList();
            JsonArrayBuilder roles = Json.createArrayBuilder();
            demo.roles.stream().map(Role::name).sorted().forEach(roles::add);
            JsonObjectBuilder person = Json.createObjectBuilder().add("username", demo.username).add("password", PASSWORD)
                    .add("organization", demo.organization).add("roles", roles);
            if (!stored.isEmpty() && stored.get(0) != null) {
                person.add("totpSecret", Totp.base32(PeopleServiceBean.openSecret(hubKeys, demo.username, (String) stored.get(0))));
            }
            file.add(person);
        }
        Path path = configuration.devUsersFile();
        try {
            Files.createDirectories(path.getParent());
            byte[] json = file.build().toString().getBytes(StandardCharsets.UTF_8);
            PrivateFiles.write(path, out -> out.write(json));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot write " + path, e);
        }
        LOG.infof("Dev mode: demo people (user names, the password, TOTP secrets) are in %s", path.toAbsolutePath());
    }
}
