package org.electionpool.hub.it.ui;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.electionpool.hub.crypto.Totp;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

/**
 * One person's browser: a fresh headless Chromium (Debian's {@code /usr/bin/chromium} and
 * {@code /usr/bin/chromedriver}, a new profile each time, no background networking) pointed at the
 * hub under test, with the steps every flow shares — sign in as a demo person of
 * {@code dev-users.json} (computing the TOTP code from its secret), go to a page, fill a field,
 * take a screenshot into {@code target/screenshots/}.
 */
public final class Browser implements AutoCloseable {

    /** The hub under test. */
    public static final URI HUB = URI.create(System.getProperty("hub.base.url", "http://localhost:8080"));

    /** Where screenshots go (test output; docs/ui.md shows them). */
    public static final Path SCREENSHOTS = Path.of(System.getProperty("hub.screenshots.dir", "target/screenshots"));

    private static final Path CHROMIUM = Path.of(System.getProperty("hub.chromium", "/usr/bin/chromium"));

    private static final Path CHROMEDRIVER = Path.of(System.getProperty("hub.chromedriver", "/usr/bin/chromedriver"));

    private final ChromeDriver driver;

    /**
     * The browser tests need Debian's {@code chromium} and {@code chromium-driver}: CI ({@code CI=true})
     * installs them and fails without them; elsewhere a machine without them skips these tests.
     */
    static void requireBrowser() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI")) || Boolean.getBoolean("hub.browser.required")) {
            throw new AssertionError("chromium and chromedriver are required here (CI): apt-get install chromium chromium-driver");
        }
        org.junit.jupiter.api.Assumptions.abort("chromium/chromedriver not installed; CI installs them");
    }

    /** Where this browser saves downloads. */
    private final Path downloads;

    /** The last TOTP step used per user name: a step is accepted once (RFC 6238 §5.2), so the next sign-in waits. */
    private static final java.util.Map<String, Long> LAST_STEP = new java.util.concurrent.ConcurrentHashMap<>();

    private Browser(String language) throws IOException {
        requireBrowser();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        Path profile = Files.createTempDirectory("hub-ui-profile");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1280,1000", "--user-data-dir=" + profile, "--lang=" + language);
        downloads = Files.createTempDirectory("hub-ui-downloads");
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language,
                "download.default_directory", downloads.toString(), "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    /** @return a browser whose preferred language is English */
    public static Browser open() throws IOException {
        return new Browser("en");
    }

    /** @return a browser whose preferred language is the given one */
    public static Browser open(String language) throws IOException {
        return new Browser(language);
    }

    /** @return the Selenium driver */
    public WebDriver driver() {
        return driver;
    }

    /** Opens a path of the hub. */
    public Browser go(String path) {
        driver.get(HUB.resolve(path).toString());
        return this;
    }

    /**
     * Opens a page as a person would: the protected views (people, organisations; faces-config.xml)
     * only through the navigation's link, which carries their token; any other page by its address.
     */
    public Browser visit(String path) {
        if (path.equals("/ui/people.xhtml") || path.equals("/ui/organizations.xhtml")) {
            go("/ui/index.xhtml");
            return click(path.equals("/ui/people.xhtml") ? "nav-people" : "nav-organizations");
        }
        return go(path);
    }

    /**
     * Fails when the page shows a bundle key instead of its text: Faces renders a missing key as
     * {@code ???key???}.
     */
    public Browser noRawKeys() {
        String source = driver.getPageSource();
        int at = source.indexOf("???");
        if (at >= 0) {
            throw new AssertionError(path() + " shows a raw key: "
                    + source.substring(Math.max(0, at - 60), Math.min(source.length(), at + 80)));
        }
        return this;
    }

    /** @return the element with the id */
    public WebElement id(String id) {
        return driver.findElement(By.id(id));
    }

    /** @return whether an element with the id is on the page */
    public boolean has(String id) {
        return !driver.findElements(By.id(id)).isEmpty();
    }

    /** Replaces a text field's value. */
    public Browser type(String id, String text) {
        WebElement e = id(id);
        e.clear();
        e.sendKeys(text);
        return this;
    }

    /** Chooses an option of a select by its value. */
    public Browser choose(String id, String value) {
        new Select(id(id)).selectByValue(value);
        return this;
    }

    /** Clicks the element with the id and waits for the next page. */
    public Browser click(String id) {
        return clickAndWait(id(id));
    }

    /** Clicks the element with the id without waiting for a new page (a download). */
    public Browser clickOnly(String id) {
        id(id).click();
        return this;
    }

    /** Clicks a link or submit button and waits until the page it leaves is gone and the next one loaded. */
    public Browser clickAndWait(WebElement element) {
        WebElement page = driver.findElement(By.tagName("html"));
        element.click();
        return waitForNextPage(page);
    }

    /**
     * Waits until the old page's root is gone and the next page is loaded. Chromium reports a root
     * that left the document either as stale or as a node that "does not belong to the document".
     */
    private Browser waitForNextPage(WebElement page) {
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
            try {
                page.isEnabled();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException gone) {
                return true;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        });
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(30)).until(d ->
                "complete".equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
        return this;
    }

    /** @return the element that has the keyboard focus */
    public WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /**
     * Presses Tab until the element with the id has the focus, as a keyboard user moves through the
     * page; fails when 300 presses do not reach it (it is not in the focus order).
     */
    public Browser tabTo(String id) {
        for (int i = 0; i < 300; i++) {
            if (id.equals(focused().getAttribute("id"))) {
                return this;
            }
            new org.openqa.selenium.interactions.Actions(driver).sendKeys(org.openqa.selenium.Keys.TAB).perform();
        }
        throw new AssertionError("Tab never reaches #" + id + " on " + path());
    }

    /** Presses Tab until a link with exactly that text has the focus. */
    public Browser tabToLink(String text) {
        for (int i = 0; i < 300; i++) {
            WebElement f = focused();
            if ("a".equals(f.getTagName()) && text.equals(f.getText().trim())) {
                return this;
            }
            new org.openqa.selenium.interactions.Actions(driver).sendKeys(org.openqa.selenium.Keys.TAB).perform();
        }
        throw new AssertionError("Tab never reaches the link " + text + " on " + path());
    }

    /** Presses Enter on the focused element and waits for the next page. */
    public Browser pressEnterAndWait() {
        WebElement page = driver.findElement(By.tagName("html"));
        focused().sendKeys(org.openqa.selenium.Keys.ENTER);
        return waitForNextPage(page);
    }

    /** Clicks the submit button whose {@code data-action} is the case action. */
    public Browser act(String action) {
        return clickAndWait(driver.findElement(By.cssSelector("input[data-action='" + action + "']")));
    }

    /** @return the page's visible text */
    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** @return the page's path and query */
    public String path() {
        URI u = URI.create(driver.getCurrentUrl());
        return u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    }

    /** Signs in as a demo person; with a TOTP secret in dev-users.json, answers the code step too. */
    public Browser signIn(String username) throws IOException {
        DemoPerson p = DemoPerson.of(username);
        go("/ui/login.xhtml");
        type("login:username", p.username());
        type("login:password", p.password());
        click("login:submit");
        if (p.totpSecret().isPresent() && has("login:code")) {
            type("login:code", code(p.username(), p.totpSecret().get()));
            click("login:submit");
        }
        return this;
    }

    /** @return a TOTP code of a step not used before for this person (waiting for the next step if need be) */
    public static String code(String username, String base32Secret) {
        long step = Totp.step(Instant.now());
        Long last = LAST_STEP.get(username);
        while (last != null && step <= last) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            step = Totp.step(Instant.now());
        }
        LAST_STEP.put(username, step);
        return Totp.code(Totp.fromBase32(base32Secret), step, 6, Totp.Algorithm.SHA1);
    }

    /** @return the file the browser downloaded, once complete (waits up to 20 s) */
    public Path downloaded(String name) throws InterruptedException {
        Path file = downloads.resolve(name);
        for (int i = 0; i < 80 && !Files.isRegularFile(file); i++) {
            Thread.sleep(250);
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no download " + name + " in " + downloads);
        }
        return file;
    }

    /** Signs out with the header's button. */
    public Browser signOut() {
        click("signout:signout");
        return this;
    }

    /** Saves a screenshot as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }

    @Override
    public void close() {
        driver.quit();
    }

    /**
     * A demo person of {@code dev-users.json}.
     *
     * @param username     the user name
     * @param password     the password
     * @param organization the organisation
     * @param roles        the roles
     * @param totpSecret   the base32 TOTP secret, if the person has a second factor
     */
    public record DemoPerson(String username, String password, String organization, List<String> roles,
                             Optional<String> totpSecret) {

        /** @return the demo person of that name, read from the dev hub's file */
        public static DemoPerson of(String username) throws IOException {
            for (JsonObject o : all().getValuesAs(JsonObject.class)) {
                if (o.getString("username").equals(username)) {
                    return new DemoPerson(username, o.getString("password"), o.getString("organization"),
                            o.getJsonArray("roles").getValuesAs(jakarta.json.JsonString.class).stream()
                                    .map(jakarta.json.JsonString::getString).toList(),
                            Optional.ofNullable(o.containsKey("totpSecret") ? o.getString("totpSecret") : null));
                }
            }
            throw new IllegalArgumentException("no demo person " + username);
        }

        /** @return the whole file */
        public static JsonArray all() throws IOException {
            try (var reader = Json.createReader(new StringReader(Files.readString(file())))) {
                return reader.readArray();
            }
        }

        /** @return where the dev hub writes it */
        public static Path file() {
            return Path.of(System.getProperty("jboss.home"), "standalone", "data", "hub", "dev-users.json");
        }
    }
}
