package org.electionpool.hub.it.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.electionpool.hub.it.HubDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Sign-in through an OpenID Connect provider, in a real browser against a real provider: NAV's
 * mock-oauth2-server 6.0.2 in its own process (its interactive login form stands in for the
 * organisation's identity provider; the test types the subject and the claims). The test server
 * is configured with {@code hub.oidc.*} pointing at it (hub-ear/pom.xml).
 */
@ExtendWith(ArquillianExtension.class)
class UiOidcIT {

    private static final int PORT = Integer.getInteger("hub.it.oidc.port", 8089);

    private static final URI ISSUER = URI.create("http://localhost:" + PORT + "/hub-test");

    private static Process provider;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return HubDeployment.ear();
    }

    @BeforeAll
    static void startTheProvider() throws Exception {
        Browser.requireBrowser();
        Path classpath = Path.of("target", "oidc-provider.classpath");
        Process resolve = new ProcessBuilder(System.getProperty("hub.it.mvn", "mvn"), "-B", "-q", "-ntp", "-f",
                System.getProperty("hub.it.oidc.pom", "src/test/oidc-provider/pom.xml"), "dependency:build-classpath",
                "-Dmdep.outputFile=" + classpath.toAbsolutePath()).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "oidc-provider-resolve.log").toFile()).start();
        assertTrue(resolve.waitFor(5, TimeUnit.MINUTES) && resolve.exitValue() == 0,
                "the provider's class path resolves: " + Files.readString(Path.of("target", "oidc-provider-resolve.log")));
        ProcessBuilder start = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", Files.readString(classpath).strip(), "no.nav.security.mock.oauth2.StandaloneMockOAuth2ServerKt")
                .redirectErrorStream(true).redirectOutput(Path.of("target", "oidc-provider.log").toFile());
        start.environment().putAll(Map.of("SERVER_PORT", String.valueOf(PORT), "JSON_CONFIG", "{\"interactiveLogin\":true}"));
        provider = start.start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (int i = 0; i < 120; i++) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(ISSUER + "/.well-known/openid-configuration")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the provider is still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the mock provider did not start: " + Files.readString(Path.of("target", "oidc-provider.log")));
    }

    @AfterAll
    static void stopTheProvider() throws InterruptedException {
        if (provider != null) {
            provider.destroy();
            provider.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Clicks the sign-in page's OIDC link, signs in at the provider as the subject with the claims; @return the browser */
    private static Browser viaProvider(Browser browser, String subject, String claims) {
        browser.go("/ui/login.xhtml");
        browser.clickAndWait(browser.id("oidc"));
        URI at = URI.create(browser.driver().getCurrentUrl());
        assertEquals(PORT, at.getPort(), "the browser is at the provider: " + at);
        assertTrue(at.getRawQuery().contains("code_challenge_method=S256") && at.getRawQuery().contains("nonce="),
                "PKCE and a nonce: " + at);
        browser.driver().findElement(By.name("username")).sendKeys(subject);
        browser.driver().findElement(By.name("claims")).sendKeys(claims);
        browser.clickAndWait(browser.driver().findElement(By.cssSelector("input[type=submit]")));
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> {
            String path = URI.create(d.getCurrentUrl()).getPath();
            return path.equals("/ui/index.xhtml") || path.equals("/ui/login.xhtml");
        });
        return browser;
    }

    @Test
    void aPersonOfAPlatformSignsInThroughTheProviderWithTheRolesTheClaimsGiveWithinWhatThePlatformMayHold() throws Exception {
        String user = "oidc-" + UUID.randomUUID().toString().substring(0, 8);
        try (Browser browser = Browser.open()) {
            viaProvider(browser, "subject-" + user, "{\"preferred_username\":\"" + user + "\",\"name\":\"Olga Federated\","
                    + "\"org\":\"platform-alpha\",\"roles\":[\"CASE_OFFICER\",\"AUDITOR\",\"NO_SUCH_ROLE\"]}");
            assertEquals("/ui/index.xhtml", browser.path(), browser.text());
            assertTrue(browser.text().contains("Olga Federated") && browser.text().contains("platform-alpha"), browser.text());
            browser.screenshot("oidc-signed-in");
            browser.click("nav-account");
            assertTrue(browser.text().contains("Case officer"), browser.text());
            assertFalse(browser.text().contains("Auditor"), "a platform's person is never an auditor: " + browser.text());
            assertFalse(browser.has("nav-audit"));
            browser.signOut();
            assertEquals("/ui/login.xhtml", browser.path());
            // the federated account has no password that signs in
            browser.type("login:username", user).type("login:password", "any password at all 123").click("login:submit");
            assertEquals("/ui/login.xhtml", browser.path());
        }
        try (Browser again = Browser.open()) {
            // the same subject again: the same account, roles now from the new claims
            viaProvider(again, "subject-" + user, "{\"preferred_username\":\"" + user + "\",\"name\":\"Olga Federated\","
                    + "\"org\":\"platform-alpha\",\"roles\":\"VIEWER\"}");
            assertEquals("/ui/index.xhtml", again.path(), again.text());
            again.click("nav-account");
            assertTrue(again.text().contains("Viewer") && !again.text().contains("Case officer"), again.text());
        }
    }

    @Test
    void theProviderCannotTakeOverALocalAccountOrAnotherOrganisationOrGiveAnAdminWithoutASecondFactor() throws Exception {
        String user = "oidc-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> refused = List.of(
                // a local account's user name
                "{\"preferred_username\":\"alpha\",\"org\":\"platform-alpha\",\"roles\":[\"CASE_OFFICER\"]}",
                // an organisation that does not exist
                "{\"preferred_username\":\"" + user + "\",\"org\":\"no-such-org\",\"roles\":[\"CASE_OFFICER\"]}",
                // no role the organisation's kind allows
                "{\"preferred_username\":\"" + user + "\",\"org\":\"platform-alpha\",\"roles\":[\"AUDITOR\",\"OPERATOR\"]}",
                // an admin without a second factor at the provider
                "{\"preferred_username\":\"" + user + "\",\"org\":\"platform-alpha\",\"roles\":[\"ORG_ADMIN\"]}");
        for (String claims : refused) {
            try (Browser browser = Browser.open()) {
                viaProvider(browser, "subject-" + user, claims);
                assertEquals("/ui/login.xhtml?oidc=failed", browser.path(), claims + ": " + browser.text());
                assertTrue(browser.has("oidc-failed"), claims + ": " + browser.text());
            }
        }
        try (Browser admin = Browser.open()) {
            // the same admin with the provider saying a second factor was used
            viaProvider(admin, "subject-" + user, "{\"preferred_username\":\"" + user + "\",\"org\":\"platform-alpha\","
                    + "\"roles\":[\"ORG_ADMIN\"],\"amr\":[\"pwd\",\"mfa\"]}");
            assertEquals("/ui/index.xhtml", admin.path(), admin.text());
            assertTrue(admin.has("nav-people"), "an admin of platform-alpha");
            // the subject is bound to its account: another subject cannot take the same user name
        }
        try (Browser other = Browser.open()) {
            viaProvider(other, "another-subject-" + user, "{\"preferred_username\":\"" + user + "\",\"org\":\"platform-alpha\","
                    + "\"roles\":[\"VIEWER\"]}");
            assertEquals("/ui/login.xhtml?oidc=failed", other.path(), other.text());
        }
    }

    @Test
    void aCallbackWithoutItsBrowsersBindingOrWithAForgedStateSignsNobodyIn() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> start = http.send(HttpRequest.newBuilder(Browser.HUB.resolve("/ui/oidc/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, start.statusCode());
        String location = start.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(ISSUER + "/authorize?"), location);
        String cookie = start.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("HUBOIDC=")).findFirst()
                .orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), cookie);
        String state = cookie.substring("HUBOIDC=".length(), cookie.indexOf(';'));
        // the right state but no binding cookie (another browser), then a forged state with the cookie
        for (HttpRequest callback : List.of(
                HttpRequest.newBuilder(Browser.HUB.resolve("/ui/oidc/callback?code=x&state=" + state)).build(),
                HttpRequest.newBuilder(Browser.HUB.resolve("/ui/oidc/callback?code=x&state=forged"))
                        .header("Cookie", "HUBOIDC=" + state).build())) {
            HttpResponse<String> r = http.send(callback, HttpResponse.BodyHandlers.ofString());
            assertEquals(303, r.statusCode());
            assertTrue(r.headers().firstValue("Location").orElse("").endsWith("/ui/login.xhtml?oidc=failed"));
            assertTrue(r.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("HUBSESSION=")),
                    "no session for a refused callback");
        }
    }
}
