package org.electionpool.hub.it;

import static org.electionpool.hub.it.HttpClientSupport.HUB;
import static org.electionpool.hub.it.HttpClientSupport.get;
import static org.electionpool.hub.it.HttpClientSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.electionpool.hub.protocol.log.Checkpoint;
import org.electionpool.hub.protocol.log.SignedNote;
import org.electionpool.hub.client.HubClient;
import org.electionpool.hub.client.HubResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Many concurrent writers — anonymous refused requests and authenticated changes, on many
 * connections at once — produce one linear log: every request has its entry, the indexes are
 * gapless, the tree verifies offline and the server-side check is clean. Run by CI on H2 and on
 * PostgreSQL, where the appends queue on the log head's row lock.
 */
@ExtendWith(ArquillianExtension.class)
class AuditConcurrencyIT {

    private static final int ANONYMOUS_WRITERS = 6;
    private static final int ANONYMOUS_REQUESTS = 40;
    private static final int SIGNED_WRITERS = 2;
    private static final int SIGNED_REQUESTS = 10;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return HubDeployment.ear();
    }

    private static long size(SignedNote.VerifierKey key) {
        return Checkpoint.parse(SignedNote.open(get(HUB, "/api/v1/audit/checkpoint").body(), key)).size();
    }

    @Test
    void concurrentWritersProduceOneGaplessVerifyingLog() throws Exception {
        String vkey = json(get(HUB, "/.well-known/hxp-configuration")).getJsonObject("audit_log").getString("verifier_key");
        SignedNote.VerifierKey key = SignedNote.VerifierKey.parse(vkey);
        long before = size(key);

        ExecutorService pool = Executors.newFixedThreadPool(ANONYMOUS_WRITERS + SIGNED_WRITERS);
        List<Callable<List<Long>>> writers = new ArrayList<>();
        for (int w = 0; w < ANONYMOUS_WRITERS; w++) {
            writers.add(() -> {
                for (int i = 0; i < ANONYMOUS_REQUESTS; i++) {
                    assertEquals(401, get(HUB, "/api/v1/organizations").statusCode());
                }
                return List.of();
            });
        }
        for (int w = 0; w < SIGNED_WRITERS; w++) {
            writers.add(() -> {
                HubClient operator = DemoClients.as(DemoClients.OPERATOR);
                List<Long> indexes = new ArrayList<>();
                for (int i = 0; i < SIGNED_REQUESTS; i++) {
                    String id = "it-concurrent-" + UUID.randomUUID().toString().substring(0, 8);
                    HubResponse created = operator.post("/api/v1/organizations", "{\"id\":\"" + id + "\",\"name\":\"Load\","
                            + "\"kind\":\"PLATFORM\",\"country\":\"FI\",\"contactPoint\":\"load@example.org\"}");
                    assertEquals(201, created.status(), created.problem());
                    indexes.add(parse(created.receipt()).getJsonNumber("index").longValue()); // verified by the client
                }
                return indexes;
            });
        }
        Set<Long> receiptIndexes = new HashSet<>();
        try {
            for (Future<List<Long>> f : pool.invokeAll(writers)) {
                receiptIndexes.addAll(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        long written = (long) ANONYMOUS_WRITERS * ANONYMOUS_REQUESTS + (long) SIGNED_WRITERS * SIGNED_REQUESTS;
        long after = size(key);
        assertEquals(before + written, after, "every request has exactly one entry");
        assertEquals(SIGNED_WRITERS * SIGNED_REQUESTS, receiptIndexes.size(), "no two changes share an index");
        assertTrue(receiptIndexes.stream().allMatch(i -> i >= before && i < after));

        HubResponse export = DemoClients.as(DemoClients.AUDITOR).get("/api/v1/audit/export?size=" + after);
        assertEquals(200, export.status(), export.problem());
        JsonObject bundle = parse(export.body());
        List<JsonObject> entries = bundle.getJsonArray("entries").getValuesAs(JsonObject.class);
        assertEquals(after, entries.size());
        for (int i = 0; i < entries.size(); i++) {
            assertEquals(i, entries.get(i).getJsonNumber("index").longValue(), "gapless, in order");
            JsonObject leaf = parse(new String(Base64.getDecoder().decode(entries.get(i).getString("leaf")),
                    StandardCharsets.UTF_8));
            assertEquals(i, leaf.getJsonNumber("index").longValue(), "each leaf states its own index");
        }
        Path file = Files.createTempFile("hxp-export-", ".json");
        file.toFile().deleteOnExit();
        Files.writeString(file, export.body(), StandardCharsets.UTF_8);
        Verifier.Result verified = Verifier.run("--key", vkey, file.toString());
        assertEquals(0, verified.exitCode(), verified.output());

        HubResponse fsck = DemoClients.as(DemoClients.OPERATOR).get("/api/v1/audit/fsck");
        assertEquals(200, fsck.status(), fsck.problem());
        assertTrue(parse(fsck.body()).getBoolean("ok"), fsck.body());
    }

    private static JsonObject parse(String json) {
        try (JsonReader r = Json.createReader(new StringReader(json))) {
            return r.readObject();
        }
    }
}
