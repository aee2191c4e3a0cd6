package org.electionpool.hub.it.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.electionpool.hub.it.HubDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The liaison's and the platform's main flows in a real browser: the liaison of the election
 * authority creates a removal order with three items; the platform's staff find it first in their
 * queue, acknowledge it, start work, respond to each item with a statement of reasons and resolve
 * it; the liaison sees the three answers and closes the case. Every step shows its receipt (the
 * audit log index of its entry).
 */
@ExtendWith(ArquillianExtension.class)
class UiCaseFlowIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return HubDeployment.ear();
    }

    @Test
    void aRemovalOrderWithThreeItemsGoesFromTheLiaisonToThePlatformAndBackToClosed() throws Exception {
        String title = "Fake polling-station closures " + System.nanoTime();
        // an election of its own, so the platform finds the case however many other tests filled its queue
        String election = "fi-ui-flow-" + System.nanoTime();
        String caseId;
        try (Browser liaison = Browser.open()) {
            liaison.go("/");
            assertEquals("/ui/login.xhtml", liaison.path(), "an anonymous visitor of / lands on the sign-in page");
            liaison.screenshot("login-en");
            liaison.signIn("liaison");
            assertEquals("/ui/index.xhtml", liaison.path());
            liaison.screenshot("dashboard-authority");
            liaison.click("new-case");
            liaison.clickAndWait(liaison.driver().findElement(By.linkText("Removal order")));
            assertTrue(liaison.path().contains("kind=REMOVAL_ORDER"), liaison.path());
            liaison.choose("case:addressee", "platform-alpha");
            liaison.type("case:reference", "EA-2027-0042");
            liaison.type("case:title", title);
            liaison.type("case:officialName", "Liisa Liaison");
            liaison.type("case:officialRole", "Head of election security");
            liaison.type("case:contact", "vaalit@election-authority.example");
            liaison.type("case:legalBasis", "Election Act 714/1998 s. 161; DSA Art. 9");
            liaison.type("case:redress", "Appeal to the Helsinki Administrative Court within 30 days.");
            liaison.type("case:election", election);
            liaison.type("case:statementOfReasons", "The posts announce closed polling stations that are open.");
            liaison.click("case:add-item");
            liaison.click("case:add-item");
            List<String> urls = List.of("https://social.example/p/1001", "https://social.example/p/1002",
                    "https://social.example/p/1003");
            List<WebElement> values = liaison.driver().findElements(By.cssSelector("input[id$=':value']"));
            assertEquals(3, values.size(), "three item rows");
            for (int i = 0; i < 3; i++) {
                values.get(i).clear();
                values.get(i).sendKeys(urls.get(i));
            }
            liaison.screenshot("case-new-removal-order");
            liaison.click("case:submit");
            assertTrue(liaison.path().startsWith("/ui/case.xhtml?id="), liaison.path() + "\n" + liaison.text());
            caseId = liaison.id("case-id").getText();
            assertEquals("Submitted", liaison.id("case-status").getText().trim());
            assertEquals(3, liaison.driver().findElements(By.cssSelector("section.item")).size());
            liaison.screenshot("case-detail-submitted");
        }

        try (Browser platform = Browser.open()) {
            platform.signIn("alpha");
            platform.screenshot("dashboard-platform");
            platform.click("nav-cases");
            platform.type("f-election", election);
            platform.clickAndWait(platform.id("f-apply"));
            assertTrue(platform.id("cases").getText().contains(title), "the new case is in the platform's list");
            platform.clickAndWait(platform.driver().findElement(By.linkText(title)));
            platform.act("ACKNOWLEDGE");
            assertEquals("Acknowledged", platform.id("case-status").getText().trim());
            assertTrue(platform.id("receipts").getText().contains("log index"), platform.text());
            platform.act("START");
            assertEquals("In progress", platform.id("case-status").getText().trim());
            for (int n = 1; n <= 3; n++) {
                List<WebElement> facts = platform.driver().findElements(By.cssSelector("textarea[id$=':facts']"));
                facts.get(n - 1).sendKeys("Item " + n + " removed: false claims of closed polling stations.");
                platform.clickAndWait(platform.driver().findElements(By.cssSelector("input[id$=':send'][value*='item']")).get(n - 1));
                platform.screenshot("case-detail-platform-item-" + n);
                if (!platform.has("item-" + n + "-response")) {
                    java.nio.file.Files.writeString(Browser.SCREENSHOTS.resolve("failed-response.html"),
                            platform.driver().getPageSource());
                }
                assertTrue(platform.has("item-" + n + "-response"), "item " + n + " has no response");
                assertTrue(platform.id("item-" + n + "-response").getText().contains("Removed"), platform.text());
            }
            platform.screenshot("case-detail-platform-responded");
            platform.act("RESOLVE");
            assertEquals("Resolved", platform.id("case-status").getText().trim());
            // the DSA Transparency Database export, as the API gives it: one statement per answered item
            platform.click("nav-cases");
            // a datetime-local input's typed form depends on the browser's locale; its value is ISO 8601 everywhere.
            // Three minutes back: this case, and not more than the export's 1,000 cases of the other tests.
            ((org.openqa.selenium.JavascriptExecutor) platform.driver()).executeScript("arguments[0].value = arguments[1]",
                    platform.id("statements:since"), java.time.LocalDateTime.now(java.time.ZoneId.of("Europe/Helsinki"))
                            .minusMinutes(3).truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString());
            platform.clickOnly("statements:download");
            String statements = java.nio.file.Files.readString(platform.downloaded("dsa-statements.json"));
            assertTrue(statements.startsWith("{\"statements\":["), statements);
            for (int n = 1; n <= 3; n++) {
                assertTrue(statements.contains("\"puid\":\"" + caseId + "_" + n + "\""), "item " + n + " in " + statements);
            }
        }

        try (Browser liaison = Browser.open()) {
            liaison.signIn("liaison");
            liaison.go("/ui/case.xhtml?id=" + caseId);
            for (int n = 1; n <= 3; n++) {
                assertTrue(liaison.id("item-" + n + "-response").getText().contains("Removed"));
            }
            liaison.act("CLOSE");
            assertEquals("Closed", liaison.id("case-status").getText().trim());
            assertEquals(List.of("REOPEN"), liaison.driver().findElements(By.cssSelector("input[data-action]")).stream()
                    .map(e -> e.getAttribute("data-action")).toList(), "a closed case offers only what CLOSED allows");
            liaison.screenshot("case-detail-closed");
        }

        try (Browser auditor = Browser.open()) {
            auditor.signIn("auditor");
            assertEquals("/ui/index.xhtml", auditor.path(), "the auditor signs in with the second factor");
            auditor.click("nav-audit");
            assertTrue(auditor.id("entries").getText().contains("case.transitioned"), auditor.text());
            auditor.screenshot("audit-log");
            // the case's creation, by the liaison in the web UI: attested by the hub, not signed by a sender
            WebElement created = auditor.driver().findElements(By.xpath("//table[@id='entries']//tr[td[contains(.,'"
                    + caseId + "')] and td[contains(.,'case.created')]]//a")).get(0);
            auditor.clickAndWait(created);
            assertTrue(auditor.id("inclusion").getText().startsWith("Included"), auditor.text());
            assertTrue(auditor.id("evidence-kind").getText().startsWith("Attested by the hub"), auditor.text());
            assertTrue(auditor.id("leaf").getText().contains("\"channel\":\"UI\""), auditor.id("leaf").getText());
            auditor.screenshot("audit-entry-attested");
            auditor.click("nav-audit");
            auditor.type("bundle:id", caseId);
            auditor.clickOnly("bundle:download");
            java.nio.file.Path bundle = auditor.downloaded("bundle-case-" + caseId + ".json");
            String command = auditor.id("verifier-command").getText();
            String key = command.substring(command.indexOf("--key '") + 7, command.lastIndexOf("'"));
            org.electionpool.hub.it.Verifier.Result verified = org.electionpool.hub.it.Verifier.run("--key", key,
                    bundle.toString());
            assertEquals(0, verified.exitCode(), verified.output());
            assertTrue(verified.output().contains("attestations by the hub"), verified.output());
            auditor.click("fsck:run");
            assertTrue(auditor.id("fsck:fsck-result").getText().contains("Clean"), auditor.text());
            auditor.screenshot("audit-fsck");
        }
    }
}
