package org.electionpool.hub.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.electionpool.hub.api.system.HubMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HubConfigurationTest {

    private static HubConfiguration configured(String mode, String issuer) {
        return configured(mode, issuer, null, null);
    }

    private static HubConfiguration configured(String mode, String issuer, String keystore, String password) {
        HubConfiguration c = unvalidatedDev();
        c.modeValue = mode;
        c.issuerValue = issuer;
        c.keystorePathValue = Optional.ofNullable(keystore);
        c.keystorePasswordValue = Optional.ofNullable(password);
        c.serverDataDir = "/srv/wildfly/data";
        c.validate();
        return c;
    }

    @Test
    void devModeKeepsItsKeysUnderTheServerDataDir() {
        HubConfiguration c = configured("dev", "http://localhost:8080");
        assertEquals(Path.of("/srv/wildfly/data/hub/hub-keys.p12"), c.keystorePath());
        assertEquals(Path.of("/srv/wildfly/data/hub/dev-keys"), c.devKeysDir());
        assertEquals(HubConfiguration.DEV_KEYSTORE_PASSWORD, new String(c.keystorePassword()));
    }

    @Test
    void auditOriginDefaultsToTheIssuersAuthority() {
        assertEquals("localhost:8080/audit-log", configured("dev", "http://localhost:8080").auditOrigin());
        assertEquals("hub.example.org/audit-log",
                configured("prod", "https://hub.example.org", "/k.p12", "s3cret-pass").auditOrigin());
    }

    @Test
    void auditOriginThatWouldBreakTheCheckpointFormatIsRefused() {
        HubConfiguration c = new HubConfiguration();
        c.modeValue = "dev";
        c.issuerValue = "http://localhost:8080";
        c.keystorePathValue = Optional.empty();
        c.keystorePasswordValue = Optional.empty();
        c.devKeysDirValue = Optional.empty();
        c.auditOriginValue = Optional.of("my log+1");
        c.serverDataDir = "/srv";
        IllegalStateException e = assertThrows(IllegalStateException.class, c::validate);
        assertTrue(e.getMessage().startsWith("hub.audit.origin"), e.getMessage());
    }

    @Test
    void prodModeRefusesToStartWithoutAKeystoreAndSaysWhy() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> configured("prod", "https://hub.example.org"));
        assertTrue(e.getMessage().contains("hub.keystore.path") && e.getMessage().contains("hub.keystore.password"),
                e.getMessage());
        assertThrows(IllegalStateException.class,
                () -> configured("prod", "https://hub.example.org", "/etc/hub/keys.p12", null));
        assertThrows(IllegalStateException.class,
                () -> configured("prod", "https://hub.example.org", null, "s3cret-pass"));
    }

    @Test
    void prodModeRefusesTheDevelopmentPassword() {
        assertThrows(IllegalStateException.class, () -> configured("prod", "https://hub.example.org",
                "/etc/hub/keys.p12", HubConfiguration.DEV_KEYSTORE_PASSWORD));
    }

    @Test
    void prodModeTakesTheConfiguredKeystore() {
        HubConfiguration c = configured("prod", "https://hub.example.org", "/etc/hub/keys.p12", "s3cret-pass");
        assertEquals(Path.of("/etc/hub/keys.p12"), c.keystorePath());
        assertEquals("s3cret-pass", new String(c.keystorePassword()));
    }

    @Test
    void defaultsDescribeTheDevelopmentHub() {
        HubConfiguration c = configured("dev", "http://localhost:8080");
        assertEquals(HubMode.DEV, c.mode());
        assertEquals(URI.create("http://localhost:8080"), c.issuer());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://hub.example.org", "https://hub.example.org:8443", "http://127.0.0.1:8080"})
    void acceptsHttpOrigins(String issuer) {
        assertEquals(URI.create(issuer), configured("prod", issuer, "/etc/hub/keys.p12", "s3cret-pass").issuer());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hub.example.org", "ftp://hub.example.org", "https://hub.example.org/",
            "https://hub.example.org/api", "https://hub.example.org?x=1", "https://hub.example.org#f",
            "https://user@hub.example.org", "https://", "not a uri"})
    void refusesAnythingButAnOriginNamingTheKey(String issuer) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> configured("dev", issuer));
        assertTrue(e.getMessage().startsWith("hub.issuer"), e.getMessage());
    }

    @Test
    void refusesAnUnknownMode() {
        assertThrows(IllegalArgumentException.class, () -> configured("staging", "http://localhost:8080"));
    }

    @Test
    void timerAndRetrySettingsMustBeWholeNumbersInRange() {
        HubConfiguration c = configured("dev", "http://localhost:8080");
        assertEquals(30, c.deadlineScanSeconds());
        assertEquals(8, c.webhookMaxAttempts());
        for (String bad : new String[] {"0", "-1", "3601", "1.5", "ten", ""}) {
            HubConfiguration d = unvalidatedDev();
            d.deadlineScanValue = bad;
            org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, d::validate, bad);
        }
    }

    @Test
    void refusalBudgetIsZeroForNoLimitOrAWholeNumberUpToAMillion() {
        assertEquals(600, configured("dev", "http://localhost:8080").refusalsPerAddressPerMinute());
        for (String good : new String[] {"0", "1", "1000000"}) {
            assertEquals(Integer.parseInt(good), refusals(good).refusalsPerAddressPerMinute());
        }
        for (String bad : new String[] {"-1", "1000001", "01", "1e3", "many", ""}) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> refusals(bad), bad);
        }
    }

    private static HubConfiguration refusals(String value) {
        HubConfiguration d = unvalidatedDev();
        d.refusalsPerMinuteValue = value;
        d.validate();
        return d;
    }

    /** @return a dev configuration with every optional key unset, not yet validated */
    private static HubConfiguration unvalidatedDev() {
        HubConfiguration d = new HubConfiguration();
        d.modeValue = "dev";
        d.issuerValue = "http://localhost:8080";
        d.keystorePathValue = Optional.empty();
        d.keystorePasswordValue = Optional.empty();
        d.devKeysDirValue = Optional.empty();
        d.auditOriginValue = Optional.empty();
        d.serverDataDir = "/srv";
        return d;
    }
}
