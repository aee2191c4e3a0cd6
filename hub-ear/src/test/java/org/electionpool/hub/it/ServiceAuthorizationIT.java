package org.electionpool.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.naming.InitialContext;
import javax.naming.NameClassPair;
import javax.naming.NamingEnumeration;
import javax.sql.DataSource;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.api.audit.AuditService;
import org.electionpool.hub.api.cases.AttachmentRequest;
import org.electionpool.hub.api.cases.CaseAction;
import org.electionpool.hub.api.cases.CaseFilter;
import org.electionpool.hub.api.cases.CaseId;
import org.electionpool.hub.api.cases.CaseKind;
import org.electionpool.hub.api.cases.CaseService;
import org.electionpool.hub.api.cases.CreateCaseRequest;
import org.electionpool.hub.api.cases.ItemResponseRequest;
import org.electionpool.hub.api.cases.ItemType;
import org.electionpool.hub.api.cases.MessageRequest;
import org.electionpool.hub.api.cases.Outcome;
import org.electionpool.hub.api.cases.Priority;
import org.electionpool.hub.api.cases.TransitionRequest;
import org.electionpool.hub.api.hxp.DiscoveryService;
import org.electionpool.hub.api.keys.AddKeyRequest;
import org.electionpool.hub.api.keys.KeyId;
import org.electionpool.hub.api.keys.KeyStatus;
import org.electionpool.hub.api.keys.KeyUse;
import org.electionpool.hub.api.keys.OrganizationKeyService;
import org.electionpool.hub.api.keys.OrganizationKeyView;
import org.electionpool.hub.api.organizations.CreateOrganizationRequest;
import org.electionpool.hub.api.organizations.OrganizationId;
import org.electionpool.hub.api.indicators.CreateIndicatorRequest;
import org.electionpool.hub.api.indicators.DisarmService;
import org.electionpool.hub.api.indicators.Distribution;
import org.electionpool.hub.api.stix.StixService;
import org.electionpool.hub.api.taxii.TaxiiCredentialRequest;
import org.electionpool.hub.api.taxii.TaxiiRequest;
import org.electionpool.hub.api.taxii.TaxiiService;
import org.electionpool.hub.api.indicators.IndicatorFilter;
import org.electionpool.hub.api.indicators.IndicatorId;
import org.electionpool.hub.api.indicators.IndicatorService;
import org.electionpool.hub.api.indicators.IndicatorType;
import org.electionpool.hub.api.indicators.NewVersionRequest;
import org.electionpool.hub.api.indicators.SharingGroupId;
import org.electionpool.hub.api.indicators.SharingGroupRequest;
import org.electionpool.hub.api.indicators.SharingGroupService;
import org.electionpool.hub.api.indicators.SightingAction;
import org.electionpool.hub.api.indicators.SightingRequest;
import org.electionpool.hub.api.organizations.OrganizationKind;
import org.electionpool.hub.api.organizations.OrganizationStatus;
import org.electionpool.hub.api.organizations.OrganizationService;
import org.electionpool.hub.api.people.AttestationService;
import org.electionpool.hub.api.people.CreatePersonRequest;
import org.electionpool.hub.api.people.OidcService;
import org.electionpool.hub.api.people.PeopleService;
import org.electionpool.hub.api.people.PersonStatus;
import org.electionpool.hub.api.people.UiRequest;
import org.electionpool.hub.api.people.Username;
import org.electionpool.hub.api.security.Role;
import org.electionpool.hub.api.problem.HubException;
import org.electionpool.hub.api.problem.ProblemType;
import org.electionpool.hub.api.security.Caller;
import org.electionpool.hub.api.system.HubStatusService;
import org.electionpool.hub.api.webhooks.WebhookRequest;
import org.electionpool.hub.api.webhooks.WebhookService;
import org.electionpool.hub.api.webhooks.WebhookView;
import org.electionpool.hub.it.ServiceAuthorizationTable.Data;
import org.electionpool.hub.it.ServiceAuthorizationTable.Row;
import org.electionpool.hub.it.ServiceAuthorizationTable.Who;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs inside WildFly: calls every service method as every kind of caller on its own and on
 * foreign data, straight through the EJBs' local interfaces — as a web-UI backing bean or a future
 * resource would, with no REST resource in between — and expects the outcome
 * {@link ServiceAuthorizationTable} documents. A refused call must leave nothing behind: no audit
 * entry carrying the row's marker (every row's caller and context have a principal of their own),
 * and, where a row has one, an unchanged state probe (keys of the organisation, the key's status,
 * cases, the organisation, entries about the case). The table's completeness is checked here too,
 * against the {@code @Local} hub-api interfaces the deployed beans expose.
 *
 * <p>Fixtures, made in the test itself: a fixture organisation registered by the hub (the foreign
 * organisation of key and directory rows); for each case row a fresh case,
 * {@code election-authority-fi} → {@code platform-alpha} (own for the authority and the platform)
 * or {@code ministry-of-justice-fi} → {@code platform-beta} (own for those two, foreign for the
 * first two). Keys added to demo organisations are sig keys and revoked again; webhooks of demo
 * organisations are put back as they were, so the other tests' dev keys and webhooks stay valid.
 */
@ExtendWith(ArquillianExtension.class)
class ServiceAuthorizationIT {

    private static final String SERVICES = "java:global/hub/hub-ejb/";

    @Deployment
    static EnterpriseArchive deployment() {
        return HubDeployment.earWithTests(ServiceAuthorizationIT.class, ServiceAuthorizationTable.class, ExpectedDatabase.class);
    }

    private static <T> T lookup(String bean, Class<T> type) throws Exception {
        return type.cast(new InitialContext().lookup(SERVICES + bean + "!" + type.getName()));
    }

    @Test
    void everyDeployedServiceInterfaceHasItsRules() throws Exception {
        List<Class<?>> services = new ArrayList<>();
        NamingEnumeration<NameClassPair> names = new InitialContext().list(SERVICES.substring(0, SERVICES.length() - 1));
        while (names.hasMore()) {
            String name = names.next().getName();
            int bang = name.indexOf('!');
            if (bang > 0 && name.startsWith("org.electionpool.hub.api.", bang + 1)) {
                Class<?> type = Class.forName(name.substring(bang + 1), false, Thread.currentThread().getContextClassLoader());
                if (!services.contains(type)) {
                    services.add(type);
                }
            }
        }
        assertTrue(services.stream().map(Class::getSimpleName).toList().containsAll(List.of("AuditService", "CaseService",
                "DiscoveryService", "DisarmService", "EnvelopeService", "HubStatusService", "IndicatorService",
                "OrganizationKeyService", "OrganizationService", "PeopleService", "AttestationService", "OidcService",
                "SharingGroupService", "StixService", "TaxiiService", "WebhookService")), services::toString);
        assertEquals(Set.of(), ServiceAuthorizationTable.missing(services, ServiceAuthorizationTable.rows()));
    }

    // ---- the services, the fixtures ----

    private OrganizationService organizations;
    private OrganizationKeyService keys;
    private WebhookService webhooks;
    private CaseService cases;
    private AuditService audit;
    private HubStatusService status;
    private DiscoveryService discovery;
    private IndicatorService indicators;
    private SharingGroupService groups;
    private DisarmService disarm;
    private StixService stix;
    private TaxiiService taxii;
    private PeopleService people;
    private AttestationService attestations;
    private OidcService oidc;
    private DataSource dataSource;

    private static final Caller HUB = Caller.system("authz-it-setup");
    private static final AuditContext HUB_CONTEXT = AuditContext.system("authz-it-setup");

    /** The foreign organisation of key and directory rows. */
    private OrganizationId fixtureOrg;

    /** What one row does: the call under test, a probe of what a refusal must leave unchanged, a clean-up. */
    private record Step(Action action, Probe probe, Cleanup cleanup) {
        Step(Action action) {
            this(action, () -> null, () -> { });
        }
    }

    private interface Action {
        Object run(Caller caller, AuditContext context) throws Exception;
    }

    private interface Probe {
        Object state() throws Exception;
    }

    private interface Cleanup {
        void run() throws Exception;
    }

    /** Prepares a row's step (fixtures included) for its caller. */
    private interface Spec {
        Step prepare(Row row, Caller caller) throws Exception;
    }

    private static OrganizationId id(Who who) {
        return new OrganizationId(who.organization);
    }

    /** @return the caller a setup step acts as: the organisation with a principal no row uses */
    private static Caller setup(Who who) {
        return who == Who.HUB ? HUB : new Caller(id(who), who.kind, "authz-it-setup", Caller.Channel.API);
    }

    private static AuditContext contextOf(Caller caller) {
        return caller.isSystem() ? AuditContext.system(caller.principal())
                : new AuditContext(caller.channel(), caller.organization(), caller.principal(), caller.principal(), null, null,
                Instant.now());
    }

    private static Who owner(OrganizationId org) {
        for (Who who : Who.values()) {
            if (who.organization != null && who.organization.equals(org.value())) {
                return who;
            }
        }
        throw new IllegalArgumentException(org.value());
    }

    private OrganizationId organizationFor(Row row, Caller caller) {
        return row.data() == Data.OWN ? caller.organization() : fixtureOrg;
    }

    // ---- keys ----

    private static AddKeyRequest freshSigKey(String kid) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(generator.generateKeyPair().getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        return new AddKeyRequest(null, pem, null, KeyUse.SIG, kid);
    }

    private static String newKid() {
        return "authz-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private Optional<KeyStatus> statusOf(OrganizationId org, String kid) {
        return keys.list(HUB, org).stream().filter(k -> k.kid().equals(kid)).map(OrganizationKeyView::status).findFirst();
    }

    /** Revokes the key unless revoked already, so demo organisations keep exactly their active keys. */
    private void revokeIfNeeded(OrganizationId org, String kid) {
        Optional<KeyStatus> s = statusOf(org, kid);
        if (s.isPresent() && s.get() != KeyStatus.REVOKED) {
            keys.revoke(HUB, HUB_CONTEXT, org, new KeyId(kid));
        }
    }

    // ---- cases ----

    /** @return a fresh case the caller is party to (own) or not (foreign) */
    private CaseId freshCase(Row row, Caller caller) {
        boolean alphaParty = caller.organization().value().equals(Who.AUTHORITY.organization)
                || caller.organization().value().equals(Who.PLATFORM.organization);
        boolean betaParty = caller.organization().value().equals(Who.OTHER_AUTHORITY.organization)
                || caller.organization().value().equals(Who.OTHER_PLATFORM.organization);
        boolean alpha = row.data() == Data.OWN ? alphaParty : !alphaParty;
        if (row.data() == Data.OWN && !alphaParty && !betaParty) {
            throw new IllegalStateException(row + ": the caller is party to no case");
        }
        return alpha ? newCase(Who.AUTHORITY, Who.PLATFORM) : newCase(Who.OTHER_AUTHORITY, Who.OTHER_PLATFORM);
    }

    private CaseId newCase(Who authority, Who platform) {
        return new CaseId(cases.create(setup(authority), contextOf(setup(authority)), caseRequest(platform)).view().id());
    }

    private static CreateCaseRequest caseRequest(Who platform) {
        return new CreateCaseRequest("authz-" + UUID.randomUUID(), CaseKind.ALERT, platform.organization, "AUTHZ-1",
                "Service authorisation fixture", null, null, null, null, null, null, null, null, null, null,
                Priority.NORMAL, "GREEN", null, null, List.of(new CreateCaseRequest.ItemRequest(ItemType.CONTENT_URL,
                "https://example.org/authz/" + UUID.randomUUID(), null)));
    }

    private static AttachmentRequest attachment(String text) {
        return new AttachmentRequest("authz.txt", "text/plain",
                Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)), null);
    }

    private static ItemResponseRequest response() {
        return new ItemResponseRequest(Outcome.REMOVED, Instant.now().truncatedTo(ChronoUnit.SECONDS), null,
                new ItemResponseRequest.Statement("DECISION_VISIBILITY_CONTENT_REMOVED", "DECISION_GROUND_ILLEGAL_CONTENT",
                        "STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS", false,
                        "AUTOMATED_DECISION_NOT_AUTOMATED", List.of("FI"), "Removed in the authorisation test."));
    }

    // ---- database probes ----

    private long count(String sql, Object... parameters) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long entriesAbout(CaseId id) throws Exception {
        return count("select count(*) from audit_entry where target_type = 'case' and target_id = ?", id.value());
    }

    private long logSize() throws Exception {
        return count("select coalesce(max(idx), -1) + 1 from audit_entry");
    }

    // ---- the specs: how each table method is called ----

    private Map<String, Spec> specs() {
        Map<String, Spec> specs = new HashMap<>();

        specs.put("OrganizationService.create", (row, caller) -> {
            String newId = "authz-" + UUID.randomUUID().toString().substring(0, 8);
            return new Step((c, ctx) -> organizations.create(c, ctx, new CreateOrganizationRequest(newId, "Authorisation test",
                    OrganizationKind.PLATFORM, "FI", "authz@example.org")),
                    () -> organizations.find(HUB, new OrganizationId(newId)).isPresent(), () -> { });
        });
        specs.put("OrganizationService.setStatus", (row, caller) -> {
            // a fresh platform of its own per row, so a suspension touches nothing another row uses
            OrganizationId target = new OrganizationId("authz-" + UUID.randomUUID().toString().substring(0, 8));
            organizations.create(HUB, HUB_CONTEXT, new CreateOrganizationRequest(target.value(), "Suspension test",
                    OrganizationKind.PLATFORM, "FI", "authz@example.org"));
            return new Step((c, ctx) -> organizations.setStatus(c, ctx, target, OrganizationStatus.SUSPENDED, "authz test"),
                    () -> organizations.find(HUB, target).orElseThrow().status(), () -> { });
        });
        specs.put("OrganizationService.find", (row, caller) -> {
            OrganizationId target = organizationFor(row, caller);
            return new Step((c, ctx) -> organizations.find(c, target).orElseThrow());
        });
        specs.put("OrganizationService.list", (row, caller) -> new Step((c, ctx) -> organizations.list(c)));

        specs.put("OrganizationKeyService.add", (row, caller) -> {
            OrganizationId target = organizationFor(row, caller);
            String kid = newKid();
            return new Step((c, ctx) -> keys.add(c, ctx, target, freshSigKey(kid)),
                    () -> keys.list(HUB, target).size(), () -> revokeIfNeeded(target, kid));
        });
        for (String change : List.of("retire", "revoke")) {
            specs.put("OrganizationKeyService." + change, (row, caller) -> {
                OrganizationId target = organizationFor(row, caller);
                String kid = newKid();
                keys.add(HUB, HUB_CONTEXT, target, freshSigKey(kid));
                return new Step((c, ctx) -> change.equals("retire") ? keys.retire(c, ctx, target, new KeyId(kid))
                        : keys.revoke(c, ctx, target, new KeyId(kid)),
                        () -> statusOf(target, kid), () -> revokeIfNeeded(target, kid));
            });
        }
        specs.put("OrganizationKeyService.list", (row, caller) -> {
            OrganizationId target = organizationFor(row, caller);
            return new Step((c, ctx) -> keys.list(c, target));
        });

        specs.put("WebhookService.register", (row, caller) -> webhookStep(caller, false,
                (c, ctx) -> webhooks.register(c, ctx, new WebhookRequest("https://hooks.example.org/authz"))));
        specs.put("WebhookService.get", (row, caller) -> webhookStep(caller, false, (c, ctx) -> webhooks.get(c)));
        specs.put("WebhookService.remove", (row, caller) -> webhookStep(caller, true, (c, ctx) -> {
            webhooks.remove(c, ctx);
            return null;
        }));
        specs.put("WebhookService.deliveries", (row, caller) -> webhookStep(caller, false,
                (c, ctx) -> webhooks.deliveries(c, null, 10)));

        specs.put("CaseService.create", (row, caller) -> new Step(
                (c, ctx) -> cases.create(c, ctx, caseRequest(caller.organization().value().equals(Who.OTHER_AUTHORITY.organization)
                        ? Who.OTHER_PLATFORM : Who.PLATFORM)),
                () -> count("select count(*) from takedown_case"), () -> { }));
        specs.put("CaseService.get", caseStep((c, ctx, id) -> cases.get(c, ctx, id)));
        specs.put("CaseService.list", (row, caller) -> new Step((c, ctx) -> cases.list(c, ctx,
                new CaseFilter(null, null, null, null, null, null, 10))));
        specs.put("CaseService.transition[own-side]", caseStep((c, ctx, id) -> cases.transition(c, ctx, id,
                new TransitionRequest(c.kind() == OrganizationKind.AUTHORITY ? CaseAction.WITHDRAW : CaseAction.ACKNOWLEDGE, null))));
        specs.put("CaseService.transition[other-side]", caseStep((c, ctx, id) -> cases.transition(c, ctx, id,
                new TransitionRequest(c.kind() == OrganizationKind.AUTHORITY ? CaseAction.ACKNOWLEDGE : CaseAction.WITHDRAW, null))));
        specs.put("CaseService.transition", caseStep((c, ctx, id) -> cases.transition(c, ctx, id,
                new TransitionRequest(c.kind() == OrganizationKind.AUTHORITY ? CaseAction.WITHDRAW : CaseAction.ACKNOWLEDGE, null))));
        specs.put("CaseService.respond", (row, caller) -> {
            CaseId id = freshCase(row, caller);
            acknowledge(id);
            return caseStepFor(id, (c, ctx, i) -> cases.respond(c, ctx, i, 1, response()));
        });
        specs.put("CaseService.postMessage", caseStep((c, ctx, id) -> cases.postMessage(c, ctx, id,
                new MessageRequest("Authorisation test.", null))));
        specs.put("CaseService.messages", caseStep((c, ctx, id) -> cases.messages(c, ctx, id)));
        specs.put("CaseService.attach", caseStep((c, ctx, id) -> cases.attach(c, ctx, id,
                attachment("evidence " + UUID.randomUUID()))));
        specs.put("CaseService.attachments", caseStep((c, ctx, id) -> cases.attachments(c, id)));
        specs.put("CaseService.attachment", (row, caller) -> {
            CaseId id = freshCase(row, caller);
            Who authority = authorityOf(id);
            String sha256 = cases.attach(setup(authority), contextOf(setup(authority)), id,
                    attachment("evidence " + UUID.randomUUID())).attachment().sha256();
            return caseStepFor(id, (c, ctx, i) -> cases.attachment(c, ctx, i, sha256));
        });
        specs.put("CaseService.statements", (row, caller) -> new Step((c, ctx) -> cases.statements(c, ctx,
                Instant.now().minus(1, ChronoUnit.MINUTES))));
        specs.put("CaseService.inbox", (row, caller) -> new Step((c, ctx) -> cases.inbox(c, null, 1)));
        specs.put("CaseService.dashboard", (row, caller) -> new Step((c, ctx) -> cases.dashboard(c, ctx, Instant.now())));

        specs.put("PeopleService.signIn", (row, caller) -> new Step((c, ctx) -> people.signIn("nobody-" + UUID.randomUUID()
                .toString().substring(0, 8), "not the password".toCharArray(), null, null, "192.0.2.10")));
        specs.put("PeopleService.newTotpSecret", (row, caller) -> new Step((c, ctx) -> people.newTotpSecret("nobody",
                "not the password".toCharArray(), "192.0.2.10")));
        specs.put("PeopleService.resume", (row, caller) -> new Step((c, ctx) -> people.resume(new Username("liaison"), 0)));
        specs.put("OidcService.enabled", (row, caller) -> new Step((c, ctx) -> oidc.enabled()));
        // the test server's provider (UiOidcIT's) is not running here: the start finds no provider and says so
        specs.put("OidcService.start", (row, caller) -> new Step((c, ctx) -> oidc.start()));
        specs.put("OidcService.finish", (row, caller) -> new Step((c, ctx) -> oidc.finish(null, "forged", "code", "192.0.2.10")));
        specs.put("PeopleService.signOut", (row, caller) -> new Step((c, ctx) -> {
            people.signOut(c, ctx, true);
            return null;
        }));
        specs.put("PeopleService.create", (row, caller) -> {
            OrganizationId target = organizationFor(row, caller);
            String name = "authz-" + UUID.randomUUID().toString().substring(0, 8);
            return new Step((c, ctx) -> people.create(c, ctx, target, new CreatePersonRequest(name, "Authorisation test",
                    Set.of(Role.VIEWER))), () -> count("select count(*) from person where username = ?", name), () -> { });
        });
        specs.put("PeopleService.list", (row, caller) -> {
            OrganizationId target = organizationFor(row, caller);
            return new Step((c, ctx) -> people.list(c, ctx, target));
        });
        specs.put("PeopleService.changePassword", (row, caller) -> new Step((c, ctx) -> people.changePassword(c, ctx,
                "election-pool-demo".toCharArray(), "a new and long enough passphrase".toCharArray())));
        specs.put("PeopleService.setPreferences", (row, caller) -> new Step((c, ctx) -> {
            people.setPreferences(c, ctx, "fi", "Europe/Helsinki");
            return null;
        }));
        specs.put("PeopleService.setStatus", (row, caller) -> {
            OrganizationId target = organizationFor(row, caller);
            String name = "authz-" + UUID.randomUUID().toString().substring(0, 8);
            people.create(HUB, HUB_CONTEXT, target, new CreatePersonRequest(name, "Authorisation test", Set.of(Role.VIEWER)));
            return new Step((c, ctx) -> people.setStatus(c, ctx, new Username(name), PersonStatus.DISABLED),
                    () -> count("select count(*) from person where username = ? and status = 'ACTIVE'", name), () -> { });
        });
        specs.put("AttestationService.attest", (row, caller) -> new Step((c, ctx) -> attestations.attest(c,
                new UiRequest("c2lk", "POST", "/index.xhtml", "test", null, "192.0.2.10"))));

        specs.put("AuditService.entries", (row, caller) -> new Step((c, ctx) -> audit.entries(c, ctx, 0, 1)));
        specs.put("AuditService.inclusion", (row, caller) -> {
            long index;
            if (row.data() == Data.OWN) {
                audit.entries(setup(owner(caller.organization())), contextOf(setup(owner(caller.organization()))), 0, 0);
                index = count("select max(idx) from audit_entry where actor_org = ?", caller.organization().value());
            } else {
                index = count("select max(idx) from audit_entry where actor_org is not null and actor_org <> ?",
                        caller.organization().value());
            }
            return new Step((c, ctx) -> audit.inclusion(c, index, index + 1));
        });
        specs.put("AuditService.bundle", (row, caller) -> new Step((c, ctx) -> audit.bundle(c, ctx, "organization",
                fixtureOrg.value())));
        specs.put("AuditService.export", (row, caller) -> new Step((c, ctx) -> audit.export(c, ctx, 1L)));
        specs.put("AuditService.fsck", (row, caller) -> new Step((c, ctx) -> {
            assertTrue(audit.fsck(c).ok(), "the log verifies");
            return null;
        }));
        specs.put("AuditService.latestCheckpoint", (row, caller) -> new Step((c, ctx) -> audit.latestCheckpoint()));
        specs.put("AuditService.checkpoints", (row, caller) -> new Step((c, ctx) -> audit.checkpoints(null, 5)));
        specs.put("AuditService.consistency", (row, caller) -> new Step((c, ctx) -> audit.consistency(1, 2)));

        specs.put("HubStatusService.database", (row, caller) -> new Step((c, ctx) -> {
            assertTrue(status.database().up());
            return null;
        }));
        specs.put("HubStatusService.mode", (row, caller) -> new Step((c, ctx) -> status.mode()));
        specs.put("DiscoveryService.publicJwks", (row, caller) -> new Step((c, ctx) -> discovery.publicJwks()));
        specs.put("DiscoveryService.configuration", (row, caller) -> new Step((c, ctx) -> discovery.configuration()));

        specs.put("IndicatorService.create", (row, caller) -> new Step((c, ctx) -> indicators.create(c, ctx,
                indicatorRequest("AMBER")), () -> count("select count(*) from indicator"), () -> { }));
        specs.put("IndicatorService.get", indicatorStep(row -> row.data() == Data.OWN ? "AMBER" : "RED",
                (c, ctx, id) -> indicators.get(c, ctx, id)));
        specs.put("IndicatorService.versions", indicatorStep(row -> "AMBER", (c, ctx, id) -> indicators.versions(c, ctx, id)));
        specs.put("IndicatorService.newVersion", indicatorStep(row -> "AMBER", (c, ctx, id) -> indicators.newVersion(c, ctx, id,
                newVersion())));
        specs.put("IndicatorService.newVersion[not-author]", (row, caller) -> indicatorStepFor(
                sharedIndicator(caller, "GREEN"), (c, ctx, id) -> indicators.newVersion(c, ctx, id, newVersion())));
        specs.put("IndicatorService.list", (row, caller) -> new Step((c, ctx) -> indicators.list(c, ctx,
                new IndicatorFilter(null, null, null, null, null, null, null, null, null, 5))));
        specs.put("IndicatorService.reportSighting", indicatorStep(row -> "AMBER", (c, ctx, id) -> indicators.reportSighting(
                c, ctx, id, sightingRequest())));
        specs.put("IndicatorService.reportSighting[clear]", (row, caller) -> indicatorStepFor(
                sharedIndicator(caller, "CLEAR"), (c, ctx, id) -> indicators.reportSighting(c, ctx, id, sightingRequest())));
        specs.put("IndicatorService.sightings", indicatorStep(row -> "AMBER", (c, ctx, id) -> indicators.sightings(c, ctx, id,
                null, 10)));

        specs.put("SharingGroupService.create", (row, caller) -> new Step((c, ctx) -> groups.create(c, ctx,
                new SharingGroupRequest("authz " + UUID.randomUUID(), null, List.of())),
                () -> count("select count(*) from sharing_group"), () -> { }));
        specs.put("SharingGroupService.list", (row, caller) -> new Step((c, ctx) -> groups.list(c, ctx)));
        specs.put("SharingGroupService.get", groupStep((c, ctx, g) -> groups.get(c, ctx, g)));
        specs.put("SharingGroupService.addMember", groupStep((c, ctx, g) -> groups.addMember(c, ctx, g, id(Who.OTHER_PLATFORM)
                .equals(c == null ? null : c.organization()) ? id(Who.PLATFORM) : id(Who.OTHER_PLATFORM))));
        specs.put("SharingGroupService.addMember[member]", memberGroupStep((c, ctx, g) -> groups.addMember(c, ctx, g,
                memberToAdd(c))));
        specs.put("SharingGroupService.removeMember", (row, caller) -> {
            SharingGroupId g = freshGroup(row, caller);
            OrganizationId member = memberToAdd(caller);
            groups.addMember(setup(ownerOf(row, caller)), contextOf(setup(ownerOf(row, caller))), g, member);
            return new Step((c, ctx) -> groups.removeMember(c, ctx, g, member), () -> members(g), () -> { });
        });
        specs.put("SharingGroupService.removeMember[member]", memberGroupStep((c, ctx, g) -> groups.removeMember(c, ctx, g,
                c.organization())));

        specs.put("DisarmService.techniques", (row, caller) -> new Step((c, ctx) -> disarm.techniques(c)));
        specs.put("DisarmService.find", (row, caller) -> new Step((c, ctx) -> disarm.find("T0002").orElseThrow()));

        specs.put("StixService.exportBundle", (row, caller) -> new Step((c, ctx) -> stix.exportBundle(c, ctx,
                new IndicatorFilter(IndicatorType.HASHTAG, null, null, null, null, Instant.now().minusSeconds(5), null,
                        null, null, 5))));
        specs.put("StixService.importBundle", (row, caller) -> new Step((c, ctx) -> stix.importBundle(c, ctx,
                greenBundle(), Distribution.NONE), () -> count("select count(*) from indicator"), () -> { }));
        specs.put("TaxiiService.authenticate", (row, caller) -> new Step((c, ctx) -> {
            assertTrue(taxii.authenticate(null, "no-such-token").isEmpty());
            return null;
        }));
        specs.put("TaxiiService.issue", (row, caller) -> new Step((c, ctx) -> taxii.issue(c, ctx,
                new TaxiiCredentialRequest("authz")), () -> count("select count(*) from taxii_credential"), () -> { }));
        specs.put("TaxiiService.credentials", (row, caller) -> new Step((c, ctx) -> taxii.credentials(c, ctx)));
        specs.put("TaxiiService.revoke", (row, caller) -> {
            Who owner = row.data() == Data.OWN ? owner(caller.organization())
                    : caller.organization().value().equals(Who.AUTHORITY.organization) ? Who.OTHER_AUTHORITY : Who.AUTHORITY;
            String username = taxii.issue(setup(owner), contextOf(setup(owner)), new TaxiiCredentialRequest("authz")).username();
            return new Step((c, ctx) -> {
                taxii.revoke(c, ctx, username);
                return null;
            }, () -> count("select count(*) from taxii_credential where username = ? and revoked_at is null", username),
                    () -> { });
        });
        specs.put("TaxiiService.read", (row, caller) -> new Step((c, ctx) -> taxii.read(c, ctx,
                new TaxiiRequest(TaxiiRequest.Resource.DISCOVERY, null, null, null, Map.of()))));
        specs.put("TaxiiService.add", (row, caller) -> new Step((c, ctx) -> taxii.add(c, ctx,
                TaxiiService.COMMUNITY_COLLECTION, greenBundle()), () -> count("select count(*) from indicator"), () -> { }));
        specs.put("TaxiiService.delete", (row, caller) -> {
            IndicatorId id = newIndicator(ownerOf(row, caller), "GREEN");
            return new Step((c, ctx) -> {
                taxii.delete(c, ctx, TaxiiService.COMMUNITY_COLLECTION, id.value(), Map.of());
                return null;
            }, () -> count("select count(*) from audit_entry where target_type = 'indicator' and target_id = ?", id.value()),
                    () -> { });
        });
        return specs;
    }

    // ---- indicators and groups ----

    /** @return a bundle of one fresh TLP:GREEN hashtag indicator */
    private static String greenBundle() {
        return "{\"type\":\"bundle\",\"id\":\"bundle--" + UUID.randomUUID() + "\",\"objects\":[{\"type\":\"indicator\","
                + "\"spec_version\":\"2.1\",\"id\":\"indicator--" + UUID.randomUUID() + "\",\"created\":\"2026-11-01T00:00:00.000Z\","
                + "\"modified\":\"2026-11-01T00:00:00.000Z\",\"pattern\":\"[text:value = '#authz" + UUID.randomUUID().toString()
                .substring(0, 8) + "']\",\"pattern_type\":\"stix\",\"valid_from\":\"2026-11-01T00:00:00Z\","
                + "\"object_marking_refs\":[\"marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb\"]}]}";
    }

    private interface IndicatorAct {
        Object run(Caller caller, AuditContext context, IndicatorId id) throws Exception;
    }

    private interface GroupAct {
        Object run(Caller caller, AuditContext context, SharingGroupId id) throws Exception;
    }

    private static CreateIndicatorRequest indicatorRequest(String tlp) {
        return new CreateIndicatorRequest("authz-" + UUID.randomUUID(), IndicatorType.HASHTAG,
                "#authz" + UUID.randomUUID().toString().substring(0, 8), null, null, null, null, tlp, 50, null, null,
                List.of(), null, List.of(), null, null);
    }

    private static NewVersionRequest newVersion() {
        return new NewVersionRequest(1, null, "authz update", null, null, null, null, null, null, null, null, null);
    }

    private static SightingRequest sightingRequest() {
        Instant seen = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        return new SightingRequest("authz-" + UUID.randomUUID(), 1, seen, seen, null, List.of(), SightingAction.NONE, null,
                null, null, null);
    }

    private static boolean shares(Caller caller) {
        return caller.kind() == OrganizationKind.AUTHORITY || caller.kind() == OrganizationKind.PLATFORM;
    }

    /** @return who authors a row's indicator or owns its group: the caller (own), or a sharing organisation that is not the caller */
    private static Who ownerOf(Row row, Caller caller) {
        if (row.data() == Data.OWN) {
            if (!shares(caller) || caller.isSystem()) {
                throw new IllegalStateException(row + ": the caller shares nothing");
            }
            return owner(caller.organization());
        }
        return caller.organization().value().equals(Who.AUTHORITY.organization) ? Who.OTHER_AUTHORITY : Who.AUTHORITY;
    }

    private IndicatorId newIndicator(Who author, String tlp) {
        return new IndicatorId(indicators.create(setup(author), contextOf(setup(author)), indicatorRequest(tlp)).view().id());
    }

    /** @return an indicator under {@code tlp} by a sharing organisation other than the caller */
    private IndicatorId sharedIndicator(Caller caller, String tlp) {
        return newIndicator(caller.organization().value().equals(Who.AUTHORITY.organization) ? Who.OTHER_AUTHORITY
                : Who.AUTHORITY, tlp);
    }

    private Spec indicatorStep(java.util.function.Function<Row, String> tlp, IndicatorAct act) {
        return (row, caller) -> indicatorStepFor(newIndicator(ownerOf(row, caller), tlp.apply(row)), act);
    }

    private Step indicatorStepFor(IndicatorId id, IndicatorAct act) {
        return new Step((c, ctx) -> act.run(c, ctx, id), () -> count("select count(*) from audit_entry where target_type"
                + " = 'indicator' and target_id = ?", id.value()), () -> { });
    }

    private SharingGroupId freshGroup(Row row, Caller caller) {
        Who owner = ownerOf(row, caller);
        return new SharingGroupId(groups.create(setup(owner), contextOf(setup(owner)),
                new SharingGroupRequest("authz " + UUID.randomUUID(), null, List.of())).id());
    }

    private Spec groupStep(GroupAct act) {
        return (row, caller) -> {
            SharingGroupId g = freshGroup(row, caller);
            return new Step((c, ctx) -> act.run(c, ctx, g), () -> members(g), () -> { });
        };
    }

    /** A group another sharing organisation owns, with the caller as a member. */
    private Spec memberGroupStep(GroupAct act) {
        return (row, caller) -> {
            SharingGroupId g = freshGroup(row, caller);
            Who owner = ownerOf(row, caller);
            groups.addMember(setup(owner), contextOf(setup(owner)), g, caller.organization());
            return new Step((c, ctx) -> act.run(c, ctx, g), () -> members(g), () -> { });
        };
    }

    /** @return a sharing organisation to add that is neither the caller nor the row's owner */
    private static OrganizationId memberToAdd(Caller caller) {
        return caller != null && caller.organization().value().equals(Who.OTHER_PLATFORM.organization)
                ? id(Who.PLATFORM) : id(Who.OTHER_PLATFORM);
    }

    private Object members(SharingGroupId g) throws Exception {
        return count("select count(*) from sharing_group_member where group_id = ?", g.value()) + ":"
                + count("select count(*) from audit_entry where target_type = 'sharing_group' and target_id = ?", g.value());
    }

    private interface CaseAct {
        Object run(Caller caller, AuditContext context, CaseId id) throws Exception;
    }

    private Spec caseStep(CaseAct act) {
        return (row, caller) -> caseStepFor(freshCase(row, caller), act);
    }

    private Step caseStepFor(CaseId id, CaseAct act) {
        return new Step((c, ctx) -> act.run(c, ctx, id), () -> entriesAbout(id), () -> { });
    }

    private Who authorityOf(CaseId id) {
        return isParty(Who.AUTHORITY, id) ? Who.AUTHORITY : Who.OTHER_AUTHORITY;
    }

    private boolean isParty(Who who, CaseId id) {
        try {
            cases.attachments(setup(who), id);
            return true;
        } catch (HubException e) {
            return false;
        }
    }

    /** The case's platform acknowledges it, so that it takes item responses. */
    private void acknowledge(CaseId id) {
        Who platform = isParty(Who.PLATFORM, id) ? Who.PLATFORM : Who.OTHER_PLATFORM;
        cases.transition(setup(platform), contextOf(setup(platform)), id, new TransitionRequest(CaseAction.ACKNOWLEDGE, null));
    }

    /**
     * A webhook row on the caller's own webhook: saves it, registers one first if the row removes,
     * puts the saved one back afterwards. The hub itself has none to save.
     */
    private Step webhookStep(Caller caller, boolean needsOne, Action action) throws Exception {
        if (caller.isSystem()) {
            return new Step(action, () -> count("select count(*) from webhook where org_id = ?", Caller.HUB.value()), () -> { });
        }
        Caller self = setup(owner(caller.organization()));
        Optional<WebhookView> saved = webhooks.get(self);
        if (needsOne) {
            webhooks.register(self, contextOf(self), new WebhookRequest("https://hooks.example.org/authz-before"));
        }
        return new Step(action, () -> webhooks.get(self), () -> {
            if (saved.isPresent()) {
                webhooks.register(self, contextOf(self), new WebhookRequest(saved.get().url()));
            } else if (webhooks.get(self).isPresent()) {
                webhooks.remove(self, contextOf(self));
            }
        });
    }

    // ---- the run ----

    private ServiceAuthorizationTable.Outcome outcome(Throwable e) {
        if (e == null) {
            return ServiceAuthorizationTable.Outcome.ALLOWED;
        }
        if (e instanceof HubException h) {
            return h.type() == ProblemType.FORBIDDEN ? ServiceAuthorizationTable.Outcome.FORBIDDEN
                    : h.type() == ProblemType.NOT_FOUND ? ServiceAuthorizationTable.Outcome.NOT_FOUND : null;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException) {
                return ServiceAuthorizationTable.Outcome.MISMATCH;
            }
        }
        return null;
    }

    @Test
    void everyServiceMethodAnswersEveryCallerAsDocumented() throws Exception {
        organizations = lookup("OrganizationServiceBean", OrganizationService.class);
        keys = lookup("OrganizationKeyServiceBean", OrganizationKeyService.class);
        webhooks = lookup("WebhookServiceBean", WebhookService.class);
        cases = lookup("CaseServiceBean", CaseService.class);
        audit = lookup("AuditServiceBean", AuditService.class);
        status = lookup("HubStatusServiceBean", HubStatusService.class);
        discovery = lookup("DiscoveryServiceBean", DiscoveryService.class);
        indicators = lookup("IndicatorServiceBean", IndicatorService.class);
        groups = lookup("SharingGroupServiceBean", SharingGroupService.class);
        disarm = lookup("DisarmServiceBean", DisarmService.class);
        stix = lookup("StixServiceBean", StixService.class);
        taxii = lookup("TaxiiServiceBean", TaxiiService.class);
        people = lookup("PeopleServiceBean", PeopleService.class);
        attestations = lookup("AttestationServiceBean", AttestationService.class);
        oidc = lookup("OidcServiceBean", OidcService.class);
        dataSource = (DataSource) new InitialContext().lookup(ExpectedDatabase.jndiName());

        fixtureOrg = new OrganizationId("authz-fixture-" + UUID.randomUUID().toString().substring(0, 8));
        organizations.create(HUB, HUB_CONTEXT, new CreateOrganizationRequest(fixtureOrg.value(), "Authorisation fixture",
                OrganizationKind.PLATFORM, "FI", "fixture@example.org"));

        Map<String, Spec> specs = specs();
        List<Row> rows = ServiceAuthorizationTable.rows();
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        int number = 0;
        for (Row row : rows) {
            number++;
            String marker = "authz-it-" + number + "-" + UUID.randomUUID().toString().substring(0, 4);
            Spec spec = specs.get(row.call());
            if (spec == null) {
                failures.add(row + ": no spec in the test");
                continue;
            }
            Caller caller = switch (row.who()) {
                case HUB -> Caller.system(marker);
                case NOBODY -> null;
                default -> new Caller(id(row.who()), row.who().kind, marker, Caller.Channel.API);
            };
            AuditContext context;
            if (caller == null) {
                context = null;
            } else if (row.data() == Data.MISMATCH) {
                // the caller with another organisation's evidence
                OrganizationId other = caller.organization().value().equals(Who.OTHER_PLATFORM.organization)
                        ? id(Who.PLATFORM) : id(Who.OTHER_PLATFORM);
                context = new AuditContext(Caller.Channel.API, other, marker, marker, null, null, Instant.now());
            } else {
                context = contextOf(caller);
            }
            Step step;
            try {
                step = spec.prepare(row, caller == null ? HUB : caller);
            } catch (Exception | AssertionError e) {
                failures.add(row + ": its fixture failed: " + e);
                continue;
            }
            try {
                long sizeBefore = logSize();
                Object before = step.probe().state();
                Throwable thrown = null;
                try {
                    step.action().run(caller, context);
                } catch (Exception | AssertionError e) {
                    thrown = e;
                }
                ServiceAuthorizationTable.Outcome actual = outcome(thrown);
                if (actual != row.expected()) {
                    failures.add(row + ": expected " + row.expected() + ", got "
                            + (thrown == null ? "ALLOWED" : actual + " (" + thrown + ")"));
                    continue;
                }
                if (actual != ServiceAuthorizationTable.Outcome.ALLOWED) {
                    long left = count("select count(*) from audit_entry where idx >= ? and leaf like ?", sizeBefore,
                            "%\"" + marker + "\"%");
                    if (left != 0) {
                        failures.add(row + ": refused, yet left " + left + " audit entries behind");
                    }
                    Object after = step.probe().state();
                    if (!java.util.Objects.equals(before, after)) {
                        failures.add(row + ": refused, yet changed " + before + " to " + after);
                    }
                }
            } finally {
                try {
                    step.cleanup().run();
                } catch (Exception e) {
                    failures.add(row + ": its clean-up failed: " + e);
                }
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("ServiceAuthorizationIT: " + rows.size() + " rows in " + millis + " ms, "
                + failures.size() + " failures");
        assertEquals(List.of(), failures, rows.size() + " rows, " + failures.size() + " failures");
    }
}
