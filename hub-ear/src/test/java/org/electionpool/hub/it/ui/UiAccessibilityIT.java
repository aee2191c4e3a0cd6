package org.electionpool.hub.it.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.electionpool.hub.api.cases.CaseKind;
import org.electionpool.hub.api.indicators.IndicatorType;
import org.electionpool.hub.it.CaseRequests;
import org.electionpool.hub.it.DemoClients;
import org.electionpool.hub.it.HubDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Every page of the web UI, as each persona sees it, in Finnish, Swedish and English: axe-core
 * 4.14.1 finds no serious or critical WCAG 2.1 A/AA violation, no page shows a raw bundle key,
 * {@code <html lang>} is the chosen language, and each page's screenshot lands in
 * {@code target/screenshots/} (docs/ui.md shows them). A keyboard-only liaison creates a case.
 */
@ExtendWith(ArquillianExtension.class)
class UiAccessibilityIT {

    private static final List<String> LANGUAGES = List.of("en", "fi", "sv");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return HubDeployment.ear();
    }

    @Test
    void everyPageInEveryLanguageHasNoSeriousOrCriticalViolationAndNoRawKey() throws Exception {
        String caseId = CaseRequests.create(DemoClients.as(DemoClients.ELECTION_AUTHORITY), DemoClients.PLATFORM_A);
        List<String> failures = new ArrayList<>();
        int checked = 0;

        try (Browser anonymous = Browser.open()) {
            for (String lang : LANGUAGES) {
                anonymous.go("/ui/login.xhtml");
                anonymous.choose("language:lang", lang);
                anonymous.click("language:change");
                checked += check(anonymous, "login", lang, failures);
            }
        }

        List<String> liaisonPages = new ArrayList<>(List.of("/ui/index.xhtml", "/ui/cases.xhtml", "/ui/case-new.xhtml",
                "/ui/indicators.xhtml", "/ui/sharing-groups.xhtml",
                "/ui/case.xhtml?id=" + caseId, "/ui/case.xhtml?id=" + UUID.randomUUID(), "/ui/account.xhtml"));
        for (CaseKind kind : CaseKind.values()) {
            liaisonPages.add("/ui/case-new.xhtml?kind=" + kind.name());
        }
        for (IndicatorType type : IndicatorType.values()) {
            liaisonPages.add("/ui/indicator-new.xhtml?type=" + type.name());
        }
        checked += persona("liaison", liaisonPages, caseId, failures);
        checked += persona("alpha", List.of("/ui/index.xhtml", "/ui/cases.xhtml", "/ui/case.xhtml?id=" + caseId,
                "/ui/indicators.xhtml"), caseId, failures);
        checked += persona("auditor", List.of("/ui/index.xhtml", "/ui/audit.xhtml", "/ui/audit-entry.xhtml?index=0"), caseId, failures);
        checked += persona("operator", List.of("/ui/index.xhtml", "/ui/organizations.xhtml", "/ui/people.xhtml",
                "/ui/keys.xhtml?org=platform-alpha", "/ui/taxii.xhtml"), caseId, failures);

        assertTrue(checked >= 3 * 20, "pages checked: " + checked);
        assertEquals(List.of(), failures, "pages with serious or critical violations or raw keys");
    }

    /** Signs in as the person, and checks each page in each language; ends in English again. */
    private static int persona(String username, List<String> pages, String caseId, List<String> failures) throws Exception {
        int checked = 0;
        try (Browser browser = Browser.open()) {
            browser.signIn(username);
            assertEquals("/ui/index.xhtml", browser.path(), username + " signs in");
            try {
                for (String lang : LANGUAGES) {
                    browser.go("/ui/account.xhtml");
                    browser.choose("language:lang", lang);
                    browser.click("language:change");
                    for (String page : pages) {
                        browser.visit(page);
                        checked += check(browser, username + "-" + name(page, caseId), lang, failures);
                    }
                }
            } finally {
                browser.go("/ui/account.xhtml");
                browser.choose("language:lang", "en");
                browser.click("language:change");
            }
        }
        return checked;
    }

    /** @return the screenshot's name of a page: its file, the kind chosen, or "not-found" for an unknown case */
    private static String name(String page, String caseId) {
        String file = page.substring("/ui/".length(), page.indexOf(".xhtml"));
        int kind = Math.max(page.indexOf("kind="), page.indexOf("type="));
        if (kind >= 0) {
            return file + "-" + page.substring(kind + 5).toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
        if (page.contains("case.xhtml?id=") && !page.endsWith(caseId)) {
            return file + "-not-found";
        }
        return file;
    }

    private static int check(Browser browser, String name, String lang, List<String> failures) throws Exception {
        String shown = browser.path();
        if (!browser.driver().findElements(By.cssSelector("main.error-page")).isEmpty()) {
            failures.add(shown + " [" + lang + "]: the error page");
        }
        String htmlLang = browser.driver().findElement(By.tagName("html")).getAttribute("lang");
        if (!lang.equals(htmlLang)) {
            failures.add(shown + " [" + lang + "]: html lang is " + htmlLang);
        }
        try {
            browser.noRawKeys();
        } catch (AssertionError e) {
            failures.add("[" + lang + "] " + e.getMessage());
        }
        for (Axe.Violation v : Axe.run(browser)) {
            if (v.seriousOrCritical()) {
                failures.add(shown + " [" + lang + "]: " + v);
            }
        }
        browser.screenshot(name + "-" + lang);
        return 1;
    }

    @Test
    void aLiaisonCreatesACaseWithTheKeyboardAlone() throws Exception {
        String title = "Keyboard-only referral " + System.nanoTime();
        try (Browser liaison = Browser.open()) {
            liaison.signIn("liaison");
            liaison.go("/ui/cases.xhtml");
            // from the top of the page: the skip link comes first, then the navigation, then the content
            new org.openqa.selenium.interactions.Actions(liaison.driver()).sendKeys(Keys.TAB).perform();
            assertEquals("skip", liaison.focused().getAttribute("class"), "the skip link is the first stop");
            liaison.tabTo("new-case");
            liaison.pressEnterAndWait();
            liaison.tabToLink("Referral");
            liaison.pressEnterAndWait();
            assertTrue(liaison.path().contains("kind=REFERRAL"), liaison.path());
            liaison.tabTo("case:addressee");
            // a select takes the start of an option's label typed while it has focus
            String label = liaison.driver().findElement(By.cssSelector("#case\\:addressee option[value='platform-alpha']")).getText();
            liaison.focused().sendKeys(label);
            liaison.tabTo("case:reference");
            liaison.focused().sendKeys("EA-KBD-1");
            liaison.tabTo("case:title");
            liaison.focused().sendKeys(title);
            liaison.tabTo("case:statementOfReasons");
            liaison.focused().sendKeys("Coordinated accounts spread a false date for election day.");
            WebElement value = liaison.driver().findElements(By.cssSelector("input[id$=':value']")).get(0);
            liaison.tabTo(value.getAttribute("id"));
            liaison.focused().sendKeys("https://social.example/p/kbd-1");
            liaison.tabTo("case:submit");
            liaison.pressEnterAndWait();
            assertTrue(liaison.path().startsWith("/ui/case.xhtml?id="), liaison.path() + "\n" + liaison.text());
            assertEquals(title, liaison.id("case-title").getText());
            liaison.screenshot("keyboard-only-case-created");
        }
    }
}
