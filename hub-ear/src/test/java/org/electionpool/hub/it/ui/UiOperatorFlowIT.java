package org.electionpool.hub.it.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.electionpool.hub.it.HubDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The operator onboards an organisation and its first admin in the browser; the admin then signs
 * in with the first password, enrols a second factor (the hub requires one of admins), must choose
 * a new password before anything else, and signs in again with the new password and a code.
 */
@ExtendWith(ArquillianExtension.class)
class UiOperatorFlowIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return HubDeployment.ear();
    }

    @Test
    void theOperatorOnboardsAnOrganisationWhoseFirstAdminSignsInWithASecondFactor() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String org = "platform-gamma-" + suffix;
        String admin = "gamma-admin-" + suffix;
        String initial;
        try (Browser operator = Browser.open()) {
            operator.signIn("operator");
            assertEquals("/ui/index.xhtml", operator.path(), operator.text());
            operator.click("nav-organizations");
            assertTrue(Long.parseLong(operator.id("metric-log").getText().trim().replaceAll("[^0-9]", "")) > 0,
                    "the audit log's size: " + operator.id("metrics").getText());
            operator.type("create:id", org).type("create:name", "Platform Gamma " + suffix).choose("create:kind", "PLATFORM")
                    .type("create:country", "NL").type("create:contact", "trust@gamma.example");
            operator.click("create:submit");
            assertTrue(operator.id("organizations").getText().contains(org), operator.text());
            operator.choose("admin:organization", org).type("admin:username", admin).type("admin:displayName", "Gemma Admin");
            operator.click("admin:submit");
            assertEquals(admin, operator.id("issued-username").getText());
            initial = operator.id("issued-password").getText();
            operator.screenshot("organizations-operator");
        }

        String secret;
        String chosen = "gamma's own long passphrase " + suffix;
        try (Browser first = Browser.open()) {
            first.go("/ui/login.xhtml").type("login:username", admin).type("login:password", initial).click("login:submit");
            assertTrue(first.has("totp-secret"), "an admin must enrol a second factor: " + first.text());
            first.screenshot("login-enrol");
            secret = first.id("totp-secret").getText();
            first.type("login:code", Browser.code(admin, secret)).click("login:submit");
            assertEquals("/ui/account.xhtml", first.path(), "a first password must be changed first: " + first.text());
            assertTrue(first.has("expired-password"));
            first.go("/ui/index.xhtml");
            assertEquals("/ui/account.xhtml", first.path(), "no other page before the password is changed");
            first.type("password:current", initial).type("password:next", chosen).type("password:confirm", chosen);
            first.click("password:change");
            assertEquals("/ui/index.xhtml", first.path(), first.text());
            first.signOut();
        }

        try (Browser again = Browser.open()) {
            again.go("/ui/login.xhtml").type("login:username", admin).type("login:password", chosen).click("login:submit");
            assertTrue(again.has("login:code"), "the enrolled second factor is asked for: " + again.text());
            again.type("login:code", Browser.code(admin, secret)).click("login:submit");
            assertEquals("/ui/index.xhtml", again.path(), again.text());
            again.click("nav-people");
            assertTrue(again.id("list:people").getText().contains(admin), again.text());
            again.screenshot("people-admin");

            // the new organisation's first key, registered by its admin; then rotated out
            com.nimbusds.jose.jwk.ECKey key = new com.nimbusds.jose.jwk.gen.ECKeyGenerator(com.nimbusds.jose.jwk.Curve.P_256)
                    .generate();
            again.click("nav-keys");
            assertTrue(again.driver().findElements(By.cssSelector("[data-status]")).isEmpty(),
                    "a new organisation has no key yet");
            again.choose("add:format", "JWK").type("add:material", "{\"kty\":\"EC\",\"crv\":\"P-256\",\"d\":\""
                    + key.getD() + "\",\"x\":\"" + key.getX() + "\",\"y\":\"" + key.getY() + "\"}");
            again.click("add:submit");
            assertTrue(again.text().contains("Some fields need correcting"), "a private JWK is refused: " + again.text());
            assertTrue(again.driver().findElements(By.cssSelector("[data-status]")).isEmpty(),
                    "nothing registered: " + again.text());
            again.choose("add:format", "JWK").type("add:material", key.toPublicJWK().toJSONString()).type("add:kid", "gamma-sig-1");
            again.click("add:submit");
            assertTrue(again.id("receipts").getText().contains("log index"), again.text());
            assertEquals("ACTIVE", again.driver().findElement(By.cssSelector("[data-status]")).getAttribute("data-status"));
            again.clickAndWait(again.driver().findElement(By.cssSelector("input[data-retire='gamma-sig-1']")));
            assertEquals("RETIRED", again.driver().findElement(By.cssSelector("[data-status]")).getAttribute("data-status"));
            again.clickAndWait(again.driver().findElement(By.cssSelector("input[data-revoke='gamma-sig-1']")));
            assertEquals("REVOKED", again.driver().findElement(By.cssSelector("[data-status]")).getAttribute("data-status"));
            again.screenshot("keys-admin");
            Axe.assertClean(again);
        }

        // the operator suspends the new organisation: its admin cannot sign in until it is reactivated
        try (Browser operator = Browser.open()) {
            operator.signIn("operator");
            operator.click("nav-organizations");
            operator.type("reason", "Onboarding paused pending contract");
            operator.clickAndWait(operator.driver().findElement(By.cssSelector("input[data-suspend='" + org + "']")));
            assertEquals("Suspended", operator.driver().findElement(By.cssSelector("[data-org-status='" + org + "']")).getText());
            try (Browser locked = Browser.open()) {
                locked.go("/ui/login.xhtml").type("login:username", admin).type("login:password", chosen).click("login:submit");
                assertEquals("/ui/login.xhtml", locked.path(), "a suspended organisation's person cannot sign in");
                assertTrue(locked.text().contains("Signing in failed"), locked.text());
            }
            operator.clickAndWait(operator.driver().findElement(By.cssSelector("input[data-reactivate='" + org + "']")));
            assertEquals("Active", operator.driver().findElement(By.cssSelector("[data-org-status='" + org + "']")).getText());
        }
    }
}
