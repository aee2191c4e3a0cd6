package org.electionpool.hub.it.ui;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.JavascriptExecutor;

/**
 * axe-core 4.14.1, the npm package unmodified, run inside the page the browser shows. The script is
 * read from {@code hub.axe.js} if set, else from {@code target/axe/node_modules/axe-core/axe.min.js},
 * which {@code npm install axe-core@4.14.1} puts there when missing (the npm registry is one this
 * project may use; CI requires it, elsewhere a machine without npm skips these tests).
 */
final class Axe {

    /** The version the issue fixes. */
    static final String VERSION = "4.14.1";

    /** The WCAG 2.1 A and AA rule tags axe runs (and its best practices are left out). */
    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private static String script;

    private Axe() {
    }

    /** One violation of a rule on a page: rule id, impact, and the elements it names. */
    record Violation(String rule, String impact, String help, List<String> targets) {
        boolean seriousOrCritical() {
            return "serious".equals(impact) || "critical".equals(impact);
        }

        @Override
        public String toString() {
            return impact + " " + rule + " (" + help + ") at " + targets;
        }
    }

    /** @return axe-core's source, installed once per build */
    static synchronized String script() throws IOException, InterruptedException {
        if (script != null) {
            return script;
        }
        Path file = Path.of(System.getProperty("hub.axe.js", "target/axe/node_modules/axe-core/axe.min.js"));
        if (!Files.isRegularFile(file) && System.getProperty("hub.axe.js") == null) {
            install(Path.of("target/axe"));
        }
        if (!Files.isRegularFile(file)) {
            boolean required = "true".equalsIgnoreCase(System.getenv("CI")) || Boolean.getBoolean("hub.browser.required");
            if (required) {
                throw new AssertionError("axe-core " + VERSION + " is required here (CI): npm install axe-core@" + VERSION);
            }
            org.junit.jupiter.api.Assumptions.abort("axe-core not available (no npm); CI installs it");
        }
        String source = Files.readString(file, StandardCharsets.UTF_8);
        if (!source.contains("axe v" + VERSION)) {
            throw new AssertionError(file + " is not axe-core " + VERSION);
        }
        script = source;
        return script;
    }

    private static void install(Path prefix) throws IOException, InterruptedException {
        Files.createDirectories(prefix);
        try {
            Process npm = new ProcessBuilder("npm", "install", "--prefix", prefix.toString(), "--no-audit", "--no-fund",
                    "--no-save", "--loglevel=error", "axe-core@" + VERSION).redirectErrorStream(true)
                    .redirectOutput(prefix.resolve("npm.log").toFile()).start();
            if (!npm.waitFor(Duration.ofMinutes(3).toSeconds(), TimeUnit.SECONDS)) {
                npm.destroyForcibly();
            }
        } catch (IOException noNpm) {
            // no npm on this machine: script() decides between failing (CI) and skipping
        }
    }

    /** Fails on any serious or critical violation on the page the browser shows. */
    static void assertClean(Browser browser) throws IOException, InterruptedException {
        List<Violation> serious = run(browser).stream().filter(Violation::seriousOrCritical).toList();
        if (!serious.isEmpty()) {
            throw new AssertionError(browser.path() + ": " + serious);
        }
    }

    /** @return the WCAG 2.1 A/AA violations axe finds on the page the browser shows */
    static List<Violation> run(Browser browser) throws IOException, InterruptedException {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
            js.executeScript(script());
        }
        Object result = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
                + ".then(function (r) { done(JSON.stringify(r.violations)); })"
                + ".catch(function (e) { done('ERROR ' + e); });", TAGS);
        String json = String.valueOf(result);
        if (json.startsWith("ERROR")) {
            throw new AssertionError("axe failed on " + browser.path() + ": " + json);
        }
        List<Violation> violations = new ArrayList<>();
        try (var reader = Json.createReader(new StringReader(json))) {
            for (JsonObject v : reader.readArray().getValuesAs(JsonObject.class)) {
                List<String> targets = new ArrayList<>();
                for (JsonObject node : v.getJsonArray("nodes").getValuesAs(JsonObject.class)) {
                    JsonArray target = node.getJsonArray("target");
                    targets.add(target == null ? "?" : target.stream().map(JsonValue::toString).reduce((a, b) -> a + " " + b).orElse("?"));
                }
                violations.add(new Violation(v.getString("id"), v.isNull("impact") ? "none" : v.getString("impact"),
                        v.getString("help"), targets));
            }
        }
        return violations;
    }
}
