package org.electionpool.hub.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.electionpool.hub.client.HubClient;
import org.electionpool.hub.client.HubResponse;

/**
 * The web UI's render benchmark of issue 13: seeds {@code cases} removal orders from the demo
 * ministry to platform-alpha (HXP/1, four threads, the example body with a fresh {@code clientRef})
 * and {@code indicators} TLP:GREEN indicators (STIX import, 1,000 a request), signs in to the web UI
 * as a person of the ministry (the Faces sign-in form, as a browser sends it), and then requests
 * the dashboard, the case list (first page and a later one by its cursor) and the indicator list
 * {@code requests} times each, one after another, after ten unmeasured requests per page. Every
 * answer must be {@code 200} with the page's table; it prints p50/p95/p99/max per page.
 *
 * <p>Usage: {@code UiRenderLoad HUB_URL DEV_KEYS_DIR USER PASSWORD CASES INDICATORS REQUESTS}
 * (CASES and INDICATORS 0: measure what an earlier run seeded). Loopback hubs only.
 */
public final class UiRenderLoad {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");

    private static final Pattern NEXT = Pattern.compile("<a[^>]*id=\"next-page\"[^>]*>");

    private static final Pattern AFTER = Pattern.compile("[?&;]after=([^\"&]+)");

    private UiRenderLoad() {
    }

    /**
     * @param argv hub URL, dev-keys directory, user name, password, cases, indicators, requests per page
     */
    public static void main(String[] argv) throws Exception {
        if (argv.length != 7) {
            throw new IllegalArgumentException("usage: UiRenderLoad HUB_URL DEV_KEYS_DIR USER PASSWORD CASES INDICATORS REQUESTS");
        }
        URI hub = URI.create(argv[0]);
        if (!CaseCreationLoad.isLoopback(hub.getHost())) {
            throw new IllegalArgumentException("refusing a non-loopback hub: " + hub.getHost());
        }
        Path keys = Path.of(argv[1]);
        int cases = Integer.parseInt(argv[4]);
        int indicators = Integer.parseInt(argv[5]);
        int requests = Integer.parseInt(argv[6]);
        if (cases < 0 || indicators < 0 || requests < 1) {
            throw new IllegalArgumentException("CASES and INDICATORS must be 0 or more, REQUESTS 1 or more");
        }
        seedCases(hub, keys, cases);
        seedIndicators(hub, keys, indicators);

        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        signIn(http, hub, argv[2], argv[3]);
        String second = next(get(http, hub, "/ui/cases.xhtml", "id=\"cases\""));
        System.out.println("| page | requests | p50 ms | p95 ms | p99 ms | max ms | bytes |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        measure(http, hub, "/ui/index.xhtml", "id=\"attention\"", requests);
        measure(http, hub, "/ui/cases.xhtml", "id=\"cases\"", requests);
        if (second != null) {
            measure(http, hub, "/ui/cases.xhtml?after=" + second, "id=\"cases\"", requests);
        }
        measure(http, hub, "/ui/indicators.xhtml", "id=\"indicators\"", requests);
    }

    /** @return the cursor of the page's "next" link, or {@code null} on the last page */
    static String next(String page) {
        Matcher link = NEXT.matcher(page);
        if (!link.find()) {
            return null;
        }
        Matcher after = AFTER.matcher(link.group());
        return after.find() ? after.group(1) : null;
    }

    private static void seedCases(URI hub, Path keys, int count) throws Exception {
        if (count == 0) {
            return;
        }
        String template = Files.readString(Path.of(System.getProperty("load.body", "docs/examples/removal-order.json")));
        AtomicInteger left = new AtomicInteger(count);
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            done.add(pool.submit(() -> {
                HubClient ministry = HubClient.builder().hub(hub).organization(CaseCreationLoad.ORGANIZATION)
                        .privateJwks(keys.resolve(CaseCreationLoad.ORGANIZATION + ".jwks.json")).build();
                while (left.getAndDecrement() > 0) {
                    HubResponse r = ministry.post(CaseCreationLoad.TARGET,
                            CaseCreationLoad.withClientRef(template, "ui-load-" + UUID.randomUUID()));
                    if (r.status() != 201) {
                        throw new IllegalStateException("seed case: " + r.status() + " " + r.problem());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "seeded %d cases in %.1f s (%.0f/s)%n", count, seconds, count / seconds);
    }

    private static void seedIndicators(URI hub, Path keys, int count) {
        if (count == 0) {
            return;
        }
        HubClient ministry = HubClient.builder().hub(hub).organization(CaseCreationLoad.ORGANIZATION)
                .privateJwks(keys.resolve(CaseCreationLoad.ORGANIZATION + ".jwks.json")).build();
        String election = "ui-load-" + UUID.randomUUID().toString().substring(0, 8);
        long started = System.nanoTime();
        for (int from = 0; from < count; from += 1000) {
            HubResponse r = ministry.post("/api/v1/stix/bundle", TaxiiLoad.bundle(election, Math.min(1000, count - from)));
            if (r.status() != 200) {
                throw new IllegalStateException("seed indicators: " + r.status() + " " + r.problem());
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "seeded %d indicators in %.1f s (%.0f/s)%n", count, seconds, count / seconds);
    }

    /** Signs in with the Faces form of the sign-in page, as a browser does; the cookie manager keeps the session. */
    static void signIn(HttpClient http, URI hub, String user, String password) throws IOException, InterruptedException {
        String page = get(http, hub, "/ui/login.xhtml", "id=\"login\"");
        Matcher state = VIEW_STATE.matcher(page);
        if (!state.find()) {
            throw new IllegalStateException("no view state on the sign-in page");
        }
        String form = "login=login&login%3Ausername=" + enc(user) + "&login%3Apassword=" + enc(password)
                + "&login%3Asubmit=x&jakarta.faces.ViewState=" + enc(state.group(1));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(hub.resolve("/ui/login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String location = r.headers().firstValue("Location").orElse("");
        if (r.statusCode() != 302 && r.statusCode() != 303 || !location.contains("/ui/index.xhtml")) {
            throw new IllegalStateException("sign-in failed: " + r.statusCode() + " " + location);
        }
    }

    private static String get(HttpClient http, URI hub, String path, String marker) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(hub.resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 || !r.body().contains(marker)) {
            throw new IllegalStateException(path + ": " + r.statusCode() + " without " + marker);
        }
        return r.body();
    }

    private static void measure(HttpClient http, URI hub, String path, String marker, int requests)
            throws IOException, InterruptedException {
        for (int i = 0; i < 10; i++) {
            get(http, hub, path, marker);
        }
        long[] nanos = new long[requests];
        long bytes = 0;
        for (int i = 0; i < requests; i++) {
            long t0 = System.nanoTime();
            bytes = get(http, hub, path, marker).length();
            nanos[i] = System.nanoTime() - t0;
        }
        java.util.Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "| `%s` | %d | %.1f | %.1f | %.1f | %.1f | %d |%n", path.replaceAll("after=[^&]+", "after=…"),
                requests, CaseCreationLoad.percentile(nanos, 50) / 1e6, CaseCreationLoad.percentile(nanos, 95) / 1e6,
                CaseCreationLoad.percentile(nanos, 99) / 1e6, nanos[nanos.length - 1] / 1e6, bytes);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
