package org.electionpool.hub.it.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * Indicators in the browser: the liaison shares an AMBER address with platform-alpha; alpha finds
 * it in its list, reports a sighting; the liaison sees the sighting, saves a new version and
 * revokes it; platform-beta, not a recipient, gets the same not-found page as for an indicator that
 * does not exist; the form shows the API's validation messages at their fields.
 */
@ExtendWith(ArquillianExtension.class)
class UiIndicatorFlowIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return HubDeployment.ear();
    }

    @Test
    void anAmberIndicatorGoesToItsRecipientWhoReportsASightingAndTheAuthorRevokesIt() throws Exception {
        String url = "https://social.example/p/ind-" + UUID.randomUUID();
        String id;
        try (Browser liaison = Browser.open()) {
            liaison.signIn("liaison");
            liaison.click("nav-indicators");
            liaison.screenshot("indicators-authority");
            liaison.click("new-indicator");
            liaison.type("indicator:value", url);
            liaison.choose("indicator:tlp", "AMBER");
            liaison.type("indicator:techniques", "T0049, not-a-technique");
            liaison.type("indicator:election", "Not An Election Id");
            liaison.click("indicator:submit");
            assertEquals("/ui/indicator-new.xhtml", liaison.path().replaceAll("\\?.*", ""), "refused: " + liaison.text());
            assertTrue(liaison.id("techniques-error").getText().contains("Use DISARM technique ids such as T0049."), liaison.text());
            assertTrue(liaison.id("election-error").getText().contains("Use an election id such as fi-parliamentary-2027."),
                    liaison.text());
            liaison.screenshot("indicator-new-refused");
            Axe.assertClean(liaison);
            liaison.type("indicator:confidence", "80");
            liaison.type("indicator:techniques", "T0049");
            liaison.type("indicator:election", "fi-parliamentary-2027");
            liaison.type("indicator:description", "Posts announcing closed polling stations.");
            liaison.type("indicator:organizations", "platform-alpha");
            liaison.click("indicator:submit");
            assertTrue(liaison.path().startsWith("/ui/indicator.xhtml?id="), liaison.path() + "\n" + liaison.text());
            id = liaison.id("indicator-id").getText();
            assertEquals("TLP:AMBER", liaison.id("indicator-tlp").getText());
            liaison.screenshot("indicator-detail-author");
            Axe.assertClean(liaison);
        }

        try (Browser alpha = Browser.open()) {
            alpha.signIn("alpha");
            alpha.go("/ui/indicators.xhtml?value=" + java.net.URLEncoder.encode(url, java.nio.charset.StandardCharsets.UTF_8));
            alpha.clickAndWait(alpha.driver().findElement(By.linkText(url)));
            assertEquals(id, alpha.id("indicator-id").getText());
            assertFalse(alpha.has("version"), "only the author makes versions");
            alpha.type("sighting:count", "42").type("sighting:observedOn", "x.com")
                    .type("sighting:sightingDescription", "Seen in 42 posts; labelled.");
            alpha.choose("sighting:action", "LABELLED");
            alpha.click("sighting:send");
            assertTrue(alpha.id("receipts").getText().contains("log index"), alpha.text());
            assertTrue(alpha.id("sightings").getText().contains("42"), alpha.text());
            alpha.screenshot("indicator-sighting-platform");
            assertReadInTheUiIsAttested(id);
            Axe.assertClean(alpha);
        }

        try (Browser beta = Browser.open()) {
            beta.signIn("beta");
            beta.go("/ui/indicator.xhtml?id=" + id);
            String foreign = beta.id("main").getText();
            assertTrue(beta.has("not-found"), foreign);
            beta.go("/ui/indicator.xhtml?id=indicator--" + UUID.randomUUID());
            assertEquals(beta.id("main").getText(), foreign, "an unreadable indicator is as absent as a missing one");
            beta.go("/ui/indicators.xhtml");
            assertFalse(beta.text().contains(url), "not in beta's list");
        }

        try (Browser liaison = Browser.open()) {
            liaison.signIn("liaison");
            liaison.go("/ui/indicator.xhtml?id=" + id);
            assertTrue(liaison.id("sighting-totals").getText().contains("1 / 42"), liaison.id("sighting-totals").getText());
            liaison.type("version:confidence", "90").type("version:note", "Confirmed by a second source.");
            liaison.click("version:update");
            assertEquals("2", liaison.id("indicator-version").getText());
            assertEquals("90", liaison.id("indicator-confidence").getText());
            liaison.type("version:note", "Posts removed; no longer relevant.");
            liaison.click("version:revoke");
            assertTrue(liaison.has("indicator-revoked"), liaison.text());
            assertFalse(liaison.has("version"), "a revoked indicator takes no further version");
            liaison.screenshot("indicator-revoked");
        }
    }

    @Test
    void anAnalystCreatesASharingGroupAndChangesItsMembersWhileAMemberOnlyReadsIt() throws Exception {
        String name = "Election security " + System.nanoTime();
        String groupId;
        try (Browser liaison = Browser.open()) {
            liaison.signIn("liaison");
            liaison.click("nav-indicators");
            liaison.click("sharing-groups");
            liaison.type("create:name", "").click("create:submit");
            assertTrue(liaison.has("name-error"), "a name is required: " + liaison.text());
            liaison.type("create:name", name).type("create:description", "Authorities and platforms of the election")
                    .type("create:members", "platform-alpha");
            liaison.click("create:submit");
            assertTrue(liaison.id("receipts").getText().contains("log index"), liaison.text());
            org.openqa.selenium.WebElement section = liaison.driver().findElement(By.xpath(
                    "//section[h2[normalize-space()='" + name + "']]"));
            groupId = section.getAttribute("id").substring("group-".length());
            assertTrue(section.getText().contains("platform-alpha"), section.getText());
            org.openqa.selenium.WebElement member = liaison.driver().findElement(By.cssSelector("input[data-group='" + groupId + "']"));
            member.sendKeys("platform-beta");
            liaison.clickAndWait(liaison.driver().findElement(By.cssSelector("input[data-add='" + groupId + "']")));
            section = liaison.id("group-" + groupId);
            assertTrue(section.getText().contains("platform-beta"), section.getText());
            liaison.clickAndWait(liaison.id("group-" + groupId).findElement(By.cssSelector("input[data-remove='platform-alpha']")));
            assertFalse(liaison.id("group-" + groupId).getText().contains("platform-alpha"), liaison.text());
            liaison.screenshot("sharing-groups");
            Axe.assertClean(liaison);
        }
        try (Browser beta = Browser.open()) {
            beta.signIn("beta");
            beta.go("/ui/sharing-groups.xhtml");
            assertTrue(beta.id("group-" + groupId).getText().contains(name), "a member sees the group");
            assertTrue(beta.driver().findElements(By.cssSelector("input[data-add='" + groupId + "']")).isEmpty(),
                    "only the owner changes members");
        }
        try (Browser alpha = Browser.open()) {
            alpha.signIn("alpha");
            alpha.go("/ui/sharing-groups.xhtml");
            assertFalse(alpha.has("group-" + groupId), "a removed member no longer sees the group");
        }
    }

    @Test
    void anAdminIssuesATaxiiCredentialThatATaxiiClientUsesUntilItIsRevoked() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        try (Browser admin = Browser.open()) {
            admin.signIn("alpha-admin");
            admin.click("nav-indicators");
            admin.click("taxii-credentials");
            admin.type("issue:label", "OpenCTI feed " + System.nanoTime());
            admin.click("issue:submit");
            String username = admin.id("issued-username").getText();
            String token = admin.id("issued-token").getText();
            assertTrue(admin.id("issued-curl").getText().contains(admin.id("api-root").getText() + "collections/"));
            java.net.http.HttpRequest collections = java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(admin.id("api-root").getText() + "collections/"))
                    .header("Accept", "application/taxii+json;version=2.1")
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                            (username + ":" + token).getBytes(java.nio.charset.StandardCharsets.UTF_8))).build();
            assertEquals(200, http.send(collections, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode(),
                    "a TAXII client reads with the credential");
            admin.screenshot("taxii-credentials");
            Axe.assertClean(admin);
            admin.clickAndWait(admin.driver().findElement(By.cssSelector("input[data-revoke='" + username + "']")));
            assertTrue(admin.id("receipts").getText().contains(username), admin.text());
            assertEquals(401, http.send(collections, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode(),
                    "revoked at once");
            assertFalse(admin.text().contains(token), "the token is shown once, not again");
        }
    }

    /**
     * Every read of indicator content in the UI is an audit entry of channel {@code UI} with the
     * person as principal, and its evidence is the hub's attestation — never a sender's signature.
     */
    private static void assertReadInTheUiIsAttested(String indicatorId) throws Exception {
        org.electionpool.hub.client.HubResponse bundle = org.electionpool.hub.it.DemoClients.as(
                org.electionpool.hub.it.DemoClients.AUDITOR).get("/api/v1/audit/bundle?target_type=indicator&target_id=" + indicatorId);
        assertEquals(200, bundle.status(), bundle.problem());
        boolean seen = false;
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(bundle.body()))) {
            for (jakarta.json.JsonObject e : reader.readObject().getJsonArray("entries").getValuesAs(jakarta.json.JsonObject.class)) {
                jakarta.json.JsonObject leaf;
                try (var leafReader = jakarta.json.Json.createReader(new java.io.StringReader(new String(
                        java.util.Base64.getDecoder().decode(e.getString("leaf")), java.nio.charset.StandardCharsets.UTF_8)))) {
                    leaf = leafReader.readObject();
                }
                if ("indicator.read".equals(leaf.getString("action")) && "platform-alpha".equals(leaf.getString("actor_org", ""))) {
                    assertEquals("UI", leaf.getString("channel"), leaf.toString());
                    assertEquals("alpha", leaf.getString("actor_principal"), leaf.toString());
                    String header = new String(java.util.Base64.getUrlDecoder().decode(e.getString("evidence").split("\\.")[0]),
                            java.nio.charset.StandardCharsets.UTF_8);
                    assertTrue(header.contains("\"typ\":\"hxp-ui-attestation+jwt\""), "attested by the hub: " + header);
                    seen = true;
                }
            }
        }
        assertTrue(seen, "alpha's read of the indicator in the UI is in its evidence bundle");
    }
}
