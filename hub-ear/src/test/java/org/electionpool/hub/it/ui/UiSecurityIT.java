package org.electionpool.hub.it.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.electionpool.hub.it.CaseRequests;
import org.electionpool.hub.it.DemoClients;
import org.electionpool.hub.it.HubDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;

/**
 * The web UI's attack regressions: security headers and cookie attributes, a new session id at
 * sign-in (fixation), forms replayed without their view state (CSRF) on every state-changing
 * form of the pages a liaison, a platform and an admin use, another organisation's case
 * indistinguishable from a missing one, a viewer who cannot act, and sign-in throttling per account.
 */
@ExtendWith(ArquillianExtension.class)
class UiSecurityIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return HubDeployment.ear();
    }

    private static HttpResponse<String> get(String path, String session) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(Browser.HUB.resolve(path)).timeout(Duration.ofSeconds(30)).GET();
        if (session != null) {
            b.header("Cookie", "HUBSESSION=" + session);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String session, String form) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(Browser.HUB.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (session != null) {
            b.header("Cookie", "HUBSESSION=" + session);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String session(Browser browser) {
        Cookie c = browser.driver().manage().getCookieNamed("HUBSESSION");
        return c == null ? null : c.getValue();
    }

    private static void assertSecurityHeaders(HttpResponse<?> r) {
        String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'")
                && csp.contains("script-src 'self'") && !csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"), csp);
        assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(null));
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null));
        assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElse(null));
        assertEquals("same-origin", r.headers().firstValue("Cross-Origin-Opener-Policy").orElse(null));
        assertTrue(r.headers().firstValue("Permissions-Policy").orElse("").contains("camera=()"));
    }

    @Test
    void everyPageCarriesTheSecurityHeadersAndTheSessionCookieIsHttpOnlyAndStrict() throws Exception {
        HttpResponse<String> root = get("/", null);
        assertEquals(303, root.statusCode());
        assertTrue(root.headers().firstValue("Location").orElse("").endsWith("/ui/index.xhtml"));
        HttpResponse<String> anonymous = get("/ui/index.xhtml", null);
        assertEquals(303, anonymous.statusCode(), "no page without a person");
        assertTrue(anonymous.headers().firstValue("Location").orElse("").endsWith("/ui/login.xhtml"));
        HttpResponse<String> login = get("/ui/login.xhtml", null);
        assertEquals(200, login.statusCode());
        assertSecurityHeaders(login);
        assertEquals("no-store", login.headers().firstValue("Cache-Control").orElse(null));

        try (Browser liaison = Browser.open()) {
            liaison.signIn("liaison");
            Cookie cookie = liaison.driver().manage().getCookieNamed("HUBSESSION");
            assertTrue(cookie.isHttpOnly(), "HttpOnly");
            assertEquals("Strict", cookie.getSameSite());
            assertEquals("/ui/", cookie.getPath());
            assertFalse(cookie.isSecure(), "dev mode over http; prod sets Secure (docs/ui.md)");
            for (String page : List.of("/ui/index.xhtml", "/ui/cases.xhtml", "/ui/case-new.xhtml", "/ui/account.xhtml")) {
                HttpResponse<String> r = get(page, cookie.getValue());
                assertEquals(200, r.statusCode(), page);
                assertSecurityHeaders(r);
                assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(null), page);
                assertFalse(r.body().contains("<script>") || r.body().contains(" onclick="), page + " has inline script");
            }
        }
    }

    @Test
    void signingInRenewsTheSessionIdAndSigningOutEndsIt() throws Exception {
        try (Browser browser = Browser.open()) {
            browser.go("/ui/login.xhtml");
            browser.choose("language:lang", "en");
            browser.click("language:change");
            String before = session(browser);
            assertTrue(before != null, "an anonymous session exists before sign-in (it holds the language)");
            browser.signIn("liaison");
            String after = session(browser);
            assertNotEquals(before, after, "a new session id at sign-in");
            HttpResponse<String> fixated = get("/ui/index.xhtml", before);
            assertEquals(303, fixated.statusCode(), "the id from before sign-in opens nothing");
            assertEquals(200, get("/ui/index.xhtml", after).statusCode());
            browser.signOut();
            assertEquals(303, get("/ui/index.xhtml", after).statusCode(), "signed out, the old id opens nothing");
        }
    }

    /** One form of a page as the browser would send it: its action, fields and its submit button. */
    private record Form(String page, String id, String action, List<String[]> fields) {
        String body(String viewState) {
            return fields.stream().filter(f -> viewState != null || !f[0].equals("jakarta.faces.ViewState")).map(f -> {
                String value = f[0].equals("jakarta.faces.ViewState") ? viewState : f[1];
                return URLEncoder.encode(f[0], StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
            }).collect(Collectors.joining("&"));
        }
    }

    private static List<Form> postForms(Browser browser, String page) {
        browser.visit(page);
        List<Form> forms = new ArrayList<>();
        for (WebElement form : browser.driver().findElements(By.cssSelector("form[method='post']"))) {
            List<String[]> fields = new ArrayList<>();
            WebElement submit = null;
            for (WebElement input : form.findElements(By.cssSelector("input, textarea, select"))) {
                String name = input.getAttribute("name");
                String type = input.getAttribute("type");
                if (name == null || name.isEmpty() || "file".equals(type)) {
                    continue;
                }
                if ("submit".equals(type)) {
                    if (submit == null) {
                        submit = input;
                    }
                    continue;
                }
                String value = input.getAttribute("value");
                fields.add(new String[] {name, value == null || value.isEmpty() ? "x" : value});
            }
            if (submit != null) {
                fields.add(new String[] {submit.getAttribute("name"), submit.getAttribute("value")});
                String action = URI.create(form.getAttribute("action")).getRawPath();
                String query = URI.create(form.getAttribute("action")).getRawQuery();
                forms.add(new Form(page, form.getAttribute("id"), action + (query == null ? "" : "?" + query), fields));
            }
        }
        return forms;
    }

    @Test
    void everyStateChangingFormRefusesARequestWithoutItsViewState() throws Exception {
        String caseId = CaseRequests.create(DemoClients.as(DemoClients.ELECTION_AUTHORITY), DemoClients.PLATFORM_A);
        int forms = 0;
        forms += forged("liaison", List.of("/ui/account.xhtml", "/ui/case-new.xhtml?kind=REFERRAL", "/ui/case.xhtml?id=" + caseId,
                "/ui/index.xhtml", "/ui/indicator-new.xhtml", "/ui/sharing-groups.xhtml"), caseId);
        forms += forged("alpha", List.of("/ui/case.xhtml?id=" + caseId), caseId);
        forms += forged("operator", List.of("/ui/people.xhtml", "/ui/organizations.xhtml", "/ui/keys.xhtml",
                "/ui/taxii.xhtml"), caseId);
        assertTrue(forms >= 18, "forms replayed: " + forms);
        try (Browser liaison = Browser.open()) {
            liaison.signIn("liaison");
            liaison.go("/ui/case.xhtml?id=" + caseId);
            assertEquals("Submitted", liaison.id("case-status").getText().trim(), "no forged action reached the case");
            assertEquals("en", liaison.driver().findElement(By.tagName("html")).getAttribute("lang"));
        }
    }

    /** Replays every post form of the pages with a forged view state and with none; @return how many forms */
    private static int forged(String username, List<String> pages, String caseId) throws Exception {
        int count = 0;
        try (Browser browser = Browser.open()) {
            browser.signIn(username);
            String session = session(browser);
            for (String page : pages) {
                for (Form form : postForms(browser, page)) {
                    count++;
                    String forgedState = "-" + UUID.randomUUID() + ":" + UUID.randomUUID();
                    HttpResponse<String> r = post(form.action(), session, form.body(forgedState));
                    assertTrue(r.body().contains("The page has expired") || r.statusCode() == 403,
                            form.page() + " #" + form.id() + " with a forged view state: " + r.statusCode() + "\n" + r.body());
                    HttpResponse<String> none = post(form.action(), session, form.body(null));
                    // no view state: not a postback, so Faces runs no action and renders the page afresh
                    assertTrue(none.statusCode() == 200 || none.statusCode() == 403 || none.statusCode() == 404,
                            form.page() + " #" + form.id() + " without a view state: " + none.statusCode());
                }
            }
            browser.go("/ui/account.xhtml");
            assertEquals("/ui/account.xhtml", browser.path(), "no forged sign-out");
            assertEquals("en", browser.driver().findElement(By.tagName("html")).getAttribute("lang"),
                    "no forged language change");
        }
        return count;
    }

    @Test
    void anotherOrganisationsCaseLooksExactlyLikeOneThatDoesNotExist() throws Exception {
        String caseId = CaseRequests.create(DemoClients.as(DemoClients.ELECTION_AUTHORITY), DemoClients.PLATFORM_A);
        for (String stranger : List.of("beta", "ministry")) {
            try (Browser browser = Browser.open()) {
                browser.signIn(stranger);
                browser.go("/ui/case.xhtml?id=" + caseId);
                String foreign = browser.id("main").getText();
                assertTrue(browser.has("not-found"), stranger + ": " + foreign);
                browser.go("/ui/case.xhtml?id=" + UUID.randomUUID());
                String missing = browser.id("main").getText();
                assertEquals(missing, foreign, stranger + ": the same page for a foreign and a missing case");
                browser.go("/ui/case.xhtml?id=not-a-uuid");
                assertEquals(missing, browser.id("main").getText());
                String session = session(browser);
                assertEquals(404, get("/ui/case.xhtml?id=" + caseId, session).statusCode());
                assertEquals(404, get("/ui/case.xhtml?id=" + UUID.randomUUID(), session).statusCode());
            }
        }
    }

    @Test
    void aViewerSeesNoActionAndTheServiceRefusesWhatTheyPost() throws Exception {
        String caseId = CaseRequests.create(DemoClients.as(DemoClients.ELECTION_AUTHORITY), DemoClients.PLATFORM_A);
        String title = "Viewer's forbidden referral " + System.nanoTime();
        try (Browser viewer = Browser.open()) {
            viewer.signIn("ea-viewer");
            viewer.go("/ui/case.xhtml?id=" + caseId);
            assertEquals(caseId, viewer.id("case-id").getText(), "a viewer reads the organisation's cases");
            assertTrue(viewer.driver().findElements(By.cssSelector("input[data-action]")).isEmpty(), "no action buttons");
            assertFalse(viewer.has("post"), "no message form");
            viewer.go("/ui/cases.xhtml");
            assertFalse(viewer.has("new-case"), "no new-case link");
            viewer.go("/ui/case-new.xhtml?kind=REFERRAL");
            viewer.choose("case:addressee", "platform-alpha");
            viewer.type("case:reference", "VIEW-1").type("case:title", title)
                    .type("case:statementOfReasons", "A viewer tries to act.");
            viewer.driver().findElements(By.cssSelector("input[id$=':value']")).get(0).sendKeys("https://social.example/p/v1");
            viewer.click("case:submit");
            assertEquals("/ui/case-new.xhtml", viewer.path().replaceAll("\\?.*", ""), "no case page");
            assertTrue(viewer.id("messages").getText().contains("You may not do this."), viewer.text());
            viewer.go("/ui/cases.xhtml");
            assertFalse(viewer.text().contains(title), "nothing created");
        }
    }

    @Test
    void tenWrongPasswordsLockAnAccountForItsWindowEvenAgainstTheRightPassword() throws Exception {
        // a demo account no other test signs in as: locked for this server's next 15 minutes
        String username = "alpha-viewer";
        String initial = Browser.DemoPerson.of(username).password();
        try (Browser browser = Browser.open()) {
            for (int i = 0; i < 10; i++) {
                browser.go("/ui/login.xhtml").type("login:username", username).type("login:password", "wrong " + i)
                        .click("login:submit");
                assertEquals("/ui/login.xhtml", browser.path());
            }
            String refusal = browser.id("messages").getText();
            browser.go("/ui/login.xhtml").type("login:username", username).type("login:password", initial).click("login:submit");
            assertEquals("/ui/login.xhtml", browser.path(), "the right password is refused while the account is throttled");
            assertEquals(refusal, browser.id("messages").getText(), "a throttled attempt reads like any failure");
            browser.go("/ui/login.xhtml").type("login:username", "nobody-" + username).type("login:password", initial)
                    .click("login:submit");
            assertEquals(refusal, browser.id("messages").getText(), "an unknown user reads the same (no enumeration)");
        }
        try (Browser other = Browser.open()) {
            other.signIn("liaison");
            assertEquals("/ui/index.xhtml", other.path(), "another account from the same address still signs in");
        }
    }

    @Test
    void signingOutEverywhereEndsThePersonsSessionsInOtherBrowsers() throws Exception {
        try (Browser office = Browser.open(); Browser laptop = Browser.open()) {
            office.signIn("ministry");
            laptop.signIn("ministry");
            String laptopSession = session(laptop);
            assertEquals(200, get("/ui/index.xhtml", laptopSession).statusCode());
            office.go("/ui/account.xhtml");
            office.click("everywhere:signout-everywhere");
            assertEquals("/ui/login.xhtml", office.path(), office.text());
            assertEquals(303, get("/ui/index.xhtml", laptopSession).statusCode(), "the other browser's session is over");
            laptop.go("/ui/index.xhtml");
            assertEquals("/ui/login.xhtml", laptop.path());
        }
    }

    @Test
    void theLanguageChoiceFollowsThePersonToAnotherBrowser() throws Exception {
        try (Browser first = Browser.open("en")) {
            first.signIn("ministry");
            try {
                first.choose("language:lang", "sv");
                first.click("language:change");
                assertEquals("sv", first.driver().findElement(By.tagName("html")).getAttribute("lang"));
                try (Browser second = Browser.open("fi")) {
                    second.signIn("ministry");
                    assertEquals("sv", second.driver().findElement(By.tagName("html")).getAttribute("lang"),
                            "the person's saved choice wins over the browser's language");
                }
            } finally {
                first.go("/ui/account.xhtml");
                first.choose("language:lang", "en");
                first.click("language:change");
            }
        }
    }
}
