package org.electionpool.hub.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.electionpool.hub.client.HubClient;
import org.electionpool.hub.client.HubResponse;

/**
 * The STIX/TAXII read benchmark of issue 12: seeds {@code count} {@code TLP:GREEN} hashtag
 * indicators as the demo ministry (STIX import over HXP/1, 1,000 per bundle), issues a TAXII
 * credential for the demo platform, then measures
 * <ol>
 *   <li>paging the community collection from the seed's start with TAXII {@code GET …/objects/}
 *       at {@code limit} 100 and 1,000 (each request one audit entry), {@code rounds} times each;</li>
 *   <li>the STIX export ({@code GET /api/v1/stix/bundle}) of exactly the seeded indicators, over
 *       HXP/1 with the whole client path (decryption, signature, receipt), {@code rounds} times.</li>
 * </ol>
 * Reported: objects served per second, and per-request latency p50/p99/max. With
 * {@code -Dload.threads=N} (default 1) N clients page the collection at the same time.
 *
 * <pre>
 * java -cp hub-bench/target/hub-bench.jar org.electionpool.hub.bench.TaxiiLoad http://localhost:8080 \
 *     hub-ear/target/server/standalone/data/hub/dev-keys 10000 5
 * </pre>
 * The hub URL must name a loopback host. With {@code COUNT} 0 and an earlier run's election id as a
 * fifth argument it measures that seed again (the TAXII pages then cover the whole collection).
 */
public final class TaxiiLoad {

    private static final String TAXII = "application/taxii+json;version=2.1";

    private static final String COMMUNITY = "3f4790a6-7f9f-5db9-a830-c345b9a9aa96";

    private static final Pattern NEXT = Pattern.compile("\"next\":\"([^\"]+)\"");

    private static final Pattern TYPE = Pattern.compile("\"type\":\"[a-z-]+\",\"spec_version\"");

    private TaxiiLoad() {
    }

    /**
     * @param argv hub URL, the dev-keys directory, indicators to seed, rounds
     */
    public static void main(String[] argv) throws Exception {
        if (argv.length != 4 && argv.length != 5) {
            throw new IllegalArgumentException("usage: TaxiiLoad HUB_URL DEV_KEYS_DIR COUNT ROUNDS [ELECTION]"
                    + " (COUNT 0 with ELECTION: measure an earlier seed again)");
        }
        URI hub = URI.create(argv[0]);
        if (!CaseCreationLoad.isLoopback(hub.getHost())) {
            throw new IllegalArgumentException("refusing a non-loopback hub: " + hub.getHost());
        }
        Path keys = Path.of(argv[1]);
        int count = Integer.parseInt(argv[2]);
        int rounds = Integer.parseInt(argv[3]);
        HubClient ministry = HubClient.builder().hub(hub).organization("ministry-of-justice-fi")
                .privateJwks(keys.resolve("ministry-of-justice-fi.jwks.json")).build();
        HubClient alpha = HubClient.builder().hub(hub).organization("platform-alpha")
                .privateJwks(keys.resolve("platform-alpha.jwks.json")).build();

        String election = argv.length == 5 ? argv[4] : "bench-" + UUID.randomUUID().toString().substring(0, 8);
        Instant start = argv.length == 5 ? Instant.EPOCH : Instant.now().minusMillis(1);
        long seedStarted = System.nanoTime();
        for (int from = 0; from < count; from += 1000) {
            HubResponse r = ministry.post("/api/v1/stix/bundle", bundle(election, Math.min(1000, count - from)));
            if (r.status() != 200) {
                throw new IllegalStateException("seed: " + r.status() + " " + r.problem());
            }
        }
        double seedSeconds = (System.nanoTime() - seedStarted) / 1e9;
        System.out.printf(Locale.ROOT, "seeded %d indicators (election %s) in %.1f s: %.0f indicators/s imported%n",
                count, election, seedSeconds, count / seedSeconds);

        HubResponse issued = alpha.post("/api/v1/taxii/credentials", "{\"label\":\"TaxiiLoad\"}");
        Matcher u = Pattern.compile("\"username\":\"([^\"]+)\"").matcher(issued.body());
        Matcher t = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(issued.body());
        if (!u.find() || !t.find()) {
            throw new IllegalStateException("credential: " + issued.status() + " " + issued.problem());
        }
        String auth = "Basic " + Base64.getEncoder().encodeToString((u.group(1) + ":" + t.group(1))
                .getBytes(StandardCharsets.UTF_8));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

        int threads = Integer.getInteger("load.threads", 1);
        System.out.println("threads: " + threads);
        System.out.println("| what | page | requests | objects | objects/s | p50 ms | p99 ms | max ms |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (int limit : new int[] {100, 1000}) {
            page(http, hub, auth, start, limit); // warm-up pass
            List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
            java.util.concurrent.atomic.LongAdder objects = new java.util.concurrent.atomic.LongAdder();
            List<Thread> workers = new ArrayList<>();
            long began = System.nanoTime();
            for (int w = 0; w < threads; w++) {
                Thread worker = new Thread(() -> {
                    for (int round = 0; round < rounds; round++) {
                        long[] result = page(http, hub, auth, start, limit, latencies);
                        objects.add(result[0]);
                    }
                });
                worker.start();
                workers.add(worker);
            }
            for (Thread worker : workers) {
                worker.join();
            }
            report("TAXII objects", limit, latencies, objects.sum(), System.nanoTime() - began);
        }
        List<Long> latencies = new ArrayList<>();
        long objects = 0;
        long nanos = 0;
        for (int round = 0; round <= rounds; round++) {
            long s = System.nanoTime();
            HubResponse r = alpha.get("/api/v1/stix/bundle?election=" + election);
            long took = System.nanoTime() - s;
            if (r.status() != 200) {
                throw new IllegalStateException("export: " + r.status() + " " + r.problem());
            }
            if (round > 0) {
                latencies.add(took);
                nanos += took;
                Matcher m = TYPE.matcher(r.body());
                while (m.find()) {
                    objects++;
                }
            }
        }
        report("STIX export (HXP/1)", count, latencies, objects, nanos);
    }

    private static long[] page(HttpClient http, URI hub, String auth, Instant start, int limit) {
        return page(http, hub, auth, start, limit, new ArrayList<>());
    }

    /** @return the objects served by one pass over the collection from {@code start} */
    private static long[] page(HttpClient http, URI hub, String auth, Instant start, int limit, List<Long> latencies) {
        long o = 0;
        String next = null;
        while (true) {
            String q = "limit=" + limit + "&added_after=" + enc(start.toString()) + (next == null ? "" : "&next=" + enc(next));
            long s = System.nanoTime();
            HttpResponse<String> r;
            try {
                r = http.send(HttpRequest.newBuilder(URI.create(hub + "/taxii2/hub/collections/" + COMMUNITY + "/objects/?" + q))
                        .header("Accept", TAXII).header("Authorization", auth).GET().build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            latencies.add(System.nanoTime() - s);
            if (r.statusCode() != 200) {
                throw new IllegalStateException("TAXII: " + r.statusCode() + " " + r.body());
            }
            Matcher m = TYPE.matcher(r.body());
            while (m.find()) {
                o++;
            }
            Matcher n = NEXT.matcher(r.body());
            if (!r.body().startsWith("{\"more\":true") || !n.find()) {
                return new long[] {o};
            }
            next = n.group(1);
        }
    }

    private static void report(String what, int page, List<Long> latencies, long objects, long nanos) {
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "| %s | %,d | %,d | %,d | %,.0f | %.1f | %.1f | %.1f |%n", what, page, sorted.length,
                objects, objects / (nanos / 1e9), CaseCreationLoad.percentile(sorted, 50) / 1e6,
                CaseCreationLoad.percentile(sorted, 99) / 1e6, sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    }

    /** @return a bundle of {@code n} fresh TLP:GREEN hashtag indicators of the election */
    static String bundle(String election, int n) {
        StringBuilder b = new StringBuilder(n * 420).append("{\"type\":\"bundle\",\"id\":\"bundle--").append(UUID.randomUUID())
                .append("\",\"objects\":[");
        for (int k = 0; k < n; k++) {
            if (k > 0) {
                b.append(',');
            }
            b.append("{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"indicator--").append(UUID.randomUUID())
                    .append("\",\"created\":\"2026-11-01T00:00:00.000Z\",\"modified\":\"2026-11-01T00:00:00.000Z\",")
                    .append("\"description\":\"benchmark\",\"pattern\":\"[text:value = '#bench")
                    .append(UUID.randomUUID().toString().replace("-", "")).append("']\",\"pattern_type\":\"stix\",")
                    .append("\"valid_from\":\"2026-11-01T00:00:00Z\",\"confidence\":60,\"x_hub_election\":\"").append(election)
                    .append("\",\"object_marking_refs\":[\"marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb\"]}");
        }
        return b.append("]}").toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
