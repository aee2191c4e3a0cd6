package org.electionpool.hub.organizations.internal;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.api.keys.AddKeyRequest;
import org.electionpool.hub.api.keys.KeyId;
import org.electionpool.hub.api.keys.KeyStatus;
import org.electionpool.hub.api.keys.OrganizationKeyService;
import org.electionpool.hub.api.keys.OrganizationKeyView;
import org.electionpool.hub.api.organizations.CreateOrganizationRequest;
import org.electionpool.hub.api.organizations.OrganizationId;
import org.electionpool.hub.api.organizations.OrganizationKind;
import org.electionpool.hub.api.organizations.OrganizationService;
import org.electionpool.hub.api.system.HubMode;
import org.electionpool.hub.crypto.DevKeys;
import org.electionpool.hub.crypto.PrivateFiles;
import org.electionpool.hub.system.HubConfiguration;
import org.jboss.logging.Logger;

/**
 * Dev mode only: registers the demo organisations with fresh keys and writes each one's private
 * JWKS to {@code <hub.dev-keys.dir>/<orgId>.jwks.json}, so that a newcomer can call the hub as any
 * of them at once.
 *
 * <p>Idempotent across restarts: an organisation whose file still matches its active keys is left
 * alone; one whose file is missing or stale gets new keys (the old active ones are retired).
 * Production mode never runs this and never writes private keys.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigrator", "HubKeyStoreLoader"})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemoOrganizationSeeder {

    private static final Logger LOG = Logger.getLogger(DemoOrganizationSeeder.class);

    /** The demo organisations: ids say what they are. */
    static final List<CreateOrganizationRequest> DEMO = List.of(
            new CreateOrganizationRequest("ministry-of-justice-fi", "Ministry of Justice (demo)",
                    OrganizationKind.AUTHORITY, "FI", "election-pool@ministry.example"),
            new CreateOrganizationRequest("election-authority-fi", "National Election Authority (demo)",
                    OrganizationKind.AUTHORITY, "FI", "vaalit@election-authority.example"),
            new CreateOrganizationRequest("platform-alpha", "Platform Alpha (demo)",
                    OrganizationKind.PLATFORM, "IE", "trust-safety@platform-alpha.example"),
            new CreateOrganizationRequest("platform-beta", "Platform Beta (demo)",
                    OrganizationKind.PLATFORM, "NL", "le-requests@platform-beta.example"),
            new CreateOrganizationRequest("auditor-national-audit-office", "National Audit Office (demo)",
                    OrganizationKind.AUDITOR, "FI", "audit@audit-office.example"),
            new CreateOrganizationRequest("hub-operator", "Election Pool Hub operator (demo)",
                    OrganizationKind.OPERATOR, "FI", "operator@hub.example"));

    /** The seeder acts as the hub itself (channel {@code SYSTEM}) in the audit log. */
    private static final AuditContext SEEDER = AuditContext.system("demo-seeder");

    @Inject
    HubConfiguration configuration;

    @EJB
    OrganizationService organizations;

    @EJB
    OrganizationKeyService keys;

    @PostConstruct
    void seed() {
        if (configuration.mode() != HubMode.DEV) {
            return;
        }
        Path dir = configuration.devKeysDir();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the dev-keys folder " + dir, e);
        }
        for (CreateOrganizationRequest demo : DEMO) {
            OrganizationId id = new OrganizationId(demo.id());
            if (organizations.find(id).isEmpty()) {
                organizations.create(SEEDER, demo);
            }
            Path file = dir.resolve(demo.id() + ".jwks.json");
            if (!matchesActiveKeys(id, file)) {
                rekey(id, file);
            }
        }
        LOG.infof("Dev mode: private JWKS of the demo organisations are in %s (<orgId>.jwks.json)", dir.toAbsolutePath());
    }

    private boolean matchesActiveKeys(OrganizationId id, Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        Set<String> inFile;
        try {
            inFile = DevKeys.thumbprints(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return false;
        }
        List<OrganizationKeyView> active = keys.list(id).stream().filter(k -> k.status() == KeyStatus.ACTIVE).toList();
        return !inFile.isEmpty() && active.size() == inFile.size()
                && active.stream().allMatch(k -> inFile.contains(k.kid()));
    }

    private void rekey(OrganizationId id, Path file) {
        for (OrganizationKeyView old : keys.list(id)) {
            if (old.status() == KeyStatus.ACTIVE) {
                keys.retire(SEEDER, id, new KeyId(old.kid()));
            }
        }
        DevKeys.Generated generated = DevKeys.generate();
        for (var jwk : generated.publicKeys()) {
            keys.add(SEEDER, id, new AddKeyRequest(jwk, null, null, null, null));
        }
        write(file, generated.privateJwks());
    }

    private static void write(Path file, String content) {
        try {
            PrivateFiles.write(file, out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot write " + file, e);
        }
    }
}
