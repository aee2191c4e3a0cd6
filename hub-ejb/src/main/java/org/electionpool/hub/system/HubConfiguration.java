package org.electionpool.hub.system;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.electionpool.hub.api.system.HubMode;

/**
 * The hub's validated configuration (MicroProfile Config; keys documented in the README).
 *
 * <p>Invariant: once constructed, every value is valid; an invalid value fails the deployment at
 * start-up with a message naming the key, instead of failing some request later.
 * Thread-safe (immutable after {@link #validate()}).
 */
@ApplicationScoped
public class HubConfiguration {

    /** Key of the run mode: {@code dev} or {@code prod}. */
    public static final String MODE = "hub.mode";
    /** Key of the hub identifier: the {@code aud} of every request and {@code iss} of every answer. */
    public static final String ISSUER = "hub.issuer";

    @Inject
    @ConfigProperty(name = MODE, defaultValue = "dev")
    String modeValue;

    /** Key of the PKCS#12 keystore holding the hub's keys; dev default: under the server's data dir. */
    public static final String KEYSTORE_PATH = "hub.keystore.path";
    /** Key of the keystore's password (a secret: never logged). Required in prod. */
    public static final String KEYSTORE_PASSWORD = "hub.keystore.password";
    /** Key of the audit log's origin (C2SP tlog-checkpoint); default {@code <issuer host[:port]>/audit-log}. */
    public static final String AUDIT_ORIGIN = "hub.audit.origin";
    /** Key of the interval, in seconds, between scans for cases whose deadline passed (1–3600). */
    public static final String DEADLINE_SCAN_SECONDS = "hub.cases.deadline-scan-seconds";
    /** Key of the interval, in seconds, between webhook dispatch runs (1–3600). */
    public static final String WEBHOOK_DISPATCH_SECONDS = "hub.webhooks.dispatch-seconds";
    /** Key of the number of attempts after which a delivery is dead (1–50). */
    public static final String WEBHOOK_MAX_ATTEMPTS = "hub.webhooks.max-attempts";
    /** Key of the first retry delay in seconds; each retry doubles it, up to an hour (1–3600). */
    public static final String WEBHOOK_BACKOFF_SECONDS = "hub.webhooks.backoff-seconds";
    /** Key of the folder where dev mode writes demo organisations' private JWKS files. */
    public static final String DEV_KEYS_DIR = "hub.dev-keys.dir";
    /**
     * Key of how many refusals of unauthenticated requests one remote address adds to the audit log
     * per minute, one entry each (0–1000000; 0: no limit); beyond it they are summarised.
     */
    public static final String AUDIT_REFUSALS_PER_MINUTE = "hub.audit.refusals-per-address-per-minute";

    /** Key of the most entries the audit log's sequencer integrates in one batch (ADR 0011); default 1000. */
    public static final String AUDIT_BATCH_SIZE = "hub.audit.batch-size";

    /**
     * Key of how long, in milliseconds, a committing thread waits for the sequencer to integrate its
     * entries before it gives up (the answer then carries no receipt); default 10000.
     */
    public static final String AUDIT_INTEGRATION_TIMEOUT = "hub.audit.integration-timeout-ms";

    /** The keystore password dev mode uses when none is configured. Never accepted in prod. */
    static final String DEV_KEYSTORE_PASSWORD = "hub-dev-only";

    @Inject
    @ConfigProperty(name = ISSUER, defaultValue = "http://localhost:8080")
    String issuerValue;

    @Inject
    @ConfigProperty(name = KEYSTORE_PATH)
    Optional<String> keystorePathValue;

    @Inject
    @ConfigProperty(name = KEYSTORE_PASSWORD)
    Optional<String> keystorePasswordValue;

    @Inject
    @ConfigProperty(name = DEV_KEYS_DIR)
    Optional<String> devKeysDirValue;

    @Inject
    @ConfigProperty(name = AUDIT_ORIGIN)
    Optional<String> auditOriginValue;

    @Inject
    @ConfigProperty(name = DEADLINE_SCAN_SECONDS, defaultValue = "30")
    String deadlineScanValue = "30"; // the default, also when constructed outside the container

    @Inject
    @ConfigProperty(name = WEBHOOK_DISPATCH_SECONDS, defaultValue = "5")
    String webhookDispatchValue = "5"; // the default, also when constructed outside the container

    @Inject
    @ConfigProperty(name = WEBHOOK_MAX_ATTEMPTS, defaultValue = "8")
    String webhookMaxAttemptsValue = "8"; // the default, also when constructed outside the container

    @Inject
    @ConfigProperty(name = WEBHOOK_BACKOFF_SECONDS, defaultValue = "30")
    String webhookBackoffValue = "30"; // the default, also when constructed outside the container

    @Inject
    @ConfigProperty(name = AUDIT_BATCH_SIZE, defaultValue = "1000")
    String auditBatchSizeValue = "1000"; // the default, also when constructed outside the container

    @Inject
    @ConfigProperty(name = AUDIT_INTEGRATION_TIMEOUT, defaultValue = "10000")
    String auditIntegrationTimeoutValue = "10000"; // the default, also when constructed outside the container

    @Inject
    @ConfigProperty(name = AUDIT_REFUSALS_PER_MINUTE, defaultValue = "600")
    String refusalsPerMinuteValue = "600"; // the default, also when constructed outside the container

    /**
     * Key of who needs a second factor in the web UI: {@code admins} (the default: every person
     * holding {@code ORG_ADMIN}, {@code AUDITOR} or {@code OPERATOR}) or {@code optional} (dev mode only).
     */
    public static final String SECOND_FACTOR = "hub.people.second-factor";

    @Inject
    @ConfigProperty(name = SECOND_FACTOR, defaultValue = "admins")
    String secondFactorValue = "admins";

    @Inject
    @ConfigProperty(name = "jboss.server.data.dir", defaultValue = "data")
    String serverDataDir;

    private HubMode mode;
    private URI issuer;
    private Path keystorePath;
    private char[] keystorePassword;
    private Path devKeysDir;

    private Path devUsersFile;

    private boolean secondFactorForAdmins = true;
    private String auditOrigin;
    private int deadlineScanSeconds;
    private int webhookDispatchSeconds;
    private int webhookMaxAttempts;
    private int webhookBackoffSeconds;
    private int refusalsPerMinute;
    private int auditBatchSize = 1000;
    private int auditIntegrationTimeoutMillis = 10_000;

    @PostConstruct
    void validate() {
        mode = HubMode.parse(modeValue);
        issuer = parseIssuer(issuerValue);
        Path hubData = Path.of(serverDataDir, "hub");
        keystorePath = nonBlank(keystorePathValue).map(Path::of).orElse(null);
        String password = nonBlank(keystorePasswordValue).orElse(null);
        if (mode == HubMode.PROD) {
            if (keystorePath == null || password == null) {
                throw new IllegalStateException("hub.mode=prod needs " + KEYSTORE_PATH + " and " + KEYSTORE_PASSWORD
                        + " (HUB_KEYSTORE_PATH, HUB_KEYSTORE_PASSWORD): the hub never generates keys in production");
            }
            if (DEV_KEYSTORE_PASSWORD.equals(password)) {
                throw new IllegalStateException(KEYSTORE_PASSWORD + " must not be the development default in prod");
            }
        } else {
            keystorePath = keystorePath != null ? keystorePath : hubData.resolve("hub-keys.p12");
            password = password != null ? password : DEV_KEYSTORE_PASSWORD;
        }
        keystorePassword = password.toCharArray();
        devKeysDir = nonBlank(devKeysDirValue).map(Path::of).orElse(hubData.resolve("dev-keys"));
        devUsersFile = hubData.resolve("dev-users.json");
        String factor = secondFactorValue == null ? "admins" : secondFactorValue.trim();
        if (!factor.equals("admins") && !factor.equals("optional")) {
            throw new IllegalStateException(SECOND_FACTOR + " must be admins or optional, was " + factor);
        }
        if (factor.equals("optional") && mode == HubMode.PROD) {
            throw new IllegalStateException(SECOND_FACTOR + "=optional is refused in prod: admins, auditors and operators"
                    + " need a second factor there");
        }
        secondFactorForAdmins = factor.equals("admins");
        auditOrigin = nonBlank(auditOriginValue).orElse(issuer.getAuthority() + "/audit-log");
        deadlineScanSeconds = bounded(DEADLINE_SCAN_SECONDS, deadlineScanValue, 3600);
        webhookDispatchSeconds = bounded(WEBHOOK_DISPATCH_SECONDS, webhookDispatchValue, 3600);
        webhookMaxAttempts = bounded(WEBHOOK_MAX_ATTEMPTS, webhookMaxAttemptsValue, 50);
        webhookBackoffSeconds = bounded(WEBHOOK_BACKOFF_SECONDS, webhookBackoffValue, 3600);
        auditBatchSize = bounded(AUDIT_BATCH_SIZE, auditBatchSizeValue, 5000);
        auditIntegrationTimeoutMillis = bounded(AUDIT_INTEGRATION_TIMEOUT, auditIntegrationTimeoutValue, 120_000);
        if (refusalsPerMinuteValue == null || !refusalsPerMinuteValue.trim().matches("0|[1-9][0-9]{0,6}")
                || Integer.parseInt(refusalsPerMinuteValue.trim()) > 1_000_000) {
            throw new IllegalStateException(AUDIT_REFUSALS_PER_MINUTE + " must be a whole number from 0 (no limit) to 1000000");
        }
        refusalsPerMinute = Integer.parseInt(refusalsPerMinuteValue.trim());
        if (auditOrigin.chars().anyMatch(c -> c <= ' ' || c == '+' || c == 0x7f)) {
            throw new IllegalStateException(AUDIT_ORIGIN + " must contain no whitespace and no '+', was '" + auditOrigin + "'");
        }
    }

    private static int bounded(String key, String value, int max) {
        if (value == null || !value.trim().matches("[1-9][0-9]{0,5}") || Integer.parseInt(value.trim()) > max) {
            throw new IllegalStateException(key + " must be a whole number from 1 to " + max);
        }
        return Integer.parseInt(value.trim());
    }

    private static Optional<String> nonBlank(Optional<String> value) {
        return value == null ? Optional.empty() : value.map(String::trim).filter(v -> !v.isEmpty());
    }

    /**
     * @param value the configured issuer
     * @return it as a URI: absolute {@code http} or {@code https}, with a host, without path
     *         other than none, query, fragment or user info
     * @throws IllegalStateException naming the key, if it is none of that
     */
    static URI parseIssuer(String value) {
        try {
            URI uri = new URI(value == null ? "" : value.trim());
            boolean ok = ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                    && uri.getHost() != null
                    && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    && uri.getRawQuery() == null && uri.getRawFragment() == null
                    && uri.getRawUserInfo() == null;
            if (ok) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // fall through to the common message
        }
        throw new IllegalStateException(ISSUER + " must be an http(s) origin such as https://hub.example.org"
                + " (no path, query or fragment), was '" + value + "'");
    }

    /** @return the run mode */
    public HubMode mode() {
        return mode;
    }

    /** @return the hub identifier, an http(s) origin */
    public URI issuer() {
        return issuer;
    }

    /** @return the PKCS#12 file with the hub's keys */
    public Path keystorePath() {
        return keystorePath;
    }

    /** @return a copy of the keystore password */
    public char[] keystorePassword() {
        return keystorePassword.clone();
    }

    /** @return refusals of unauthenticated requests recorded one by one per remote address and minute; 0: all */
    public int refusalsPerAddressPerMinute() {
        return refusalsPerMinute;
    }

    /** @return the most entries the audit log's sequencer integrates in one batch */
    public int auditBatchSize() {
        return auditBatchSize;
    }

    /** @return milliseconds a committing thread waits for its entries' integration */
    public int auditIntegrationTimeoutMillis() {
        return auditIntegrationTimeoutMillis;
    }

    /** @return seconds between webhook dispatch runs */
    public int webhookDispatchSeconds() {
        return webhookDispatchSeconds;
    }

    /** @return attempts after which a delivery is dead */
    public int webhookMaxAttempts() {
        return webhookMaxAttempts;
    }

    /** @return the first retry delay in seconds (doubling per attempt, at most an hour) */
    public int webhookBackoffSeconds() {
        return webhookBackoffSeconds;
    }

    /** @return seconds between scans for cases whose deadline passed */
    public int deadlineScanSeconds() {
        return deadlineScanSeconds;
    }

    /** @return the audit log's origin line (C2SP tlog-checkpoint) and note key name */
    public String auditOrigin() {
        return auditOrigin;
    }

    /** @return where dev mode writes the demo organisations' private JWKS files */
    public Path devKeysDir() {
        return devKeysDir;
    }

    /** @return whether persons holding ORG_ADMIN, AUDITOR or OPERATOR must sign in with a second factor (always in prod) */
    public boolean secondFactorForAdmins() {
        return secondFactorForAdmins;
    }

    /** @return where dev mode writes the demo people's user names, passwords and TOTP secrets ({@code <data>/hub/dev-users.json}) */
    public Path devUsersFile() {
        return devUsersFile;
    }
}
