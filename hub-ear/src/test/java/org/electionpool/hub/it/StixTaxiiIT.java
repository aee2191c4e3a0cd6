package org.electionpool.hub.it;

import static org.electionpool.hub.it.CaseRequests.parse;
import static org.electionpool.hub.it.IndicatorRequests.group;
import static org.electionpool.hub.it.IndicatorRequests.indicator;
import static org.electionpool.hub.it.IndicatorRequests.report;
import static org.electionpool.hub.it.IndicatorRequests.share;
import static org.electionpool.hub.it.IndicatorRequests.sighting;
import static org.electionpool.hub.it.TaxiiClient.enc;
import static org.electionpool.hub.it.TaxiiClient.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.electionpool.hub.client.HubClient;
import org.electionpool.hub.client.HubResponse;
import org.electionpool.hub.it.TaxiiClient.Auth;
import org.electionpool.hub.it.stix.StixValidator;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * STIX 2.1 export and import, and the TAXII 2.1 server, against the running hub: visibility on
 * both paths (the AMBER group story of issue 12), every exported bundle valid against the OASIS
 * schemas, round trip into a second organisation, and the request sequences of taxii2-client 2.3,
 * OpenCTI's TAXII feed and connector, and MISP's TAXII push replayed request for request.
 */
@ExtendWith(ArquillianExtension.class)
class StixTaxiiIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return HubDeployment.ear();
    }

    private static final String COMMUNITY = "3f4790a6-7f9f-5db9-a830-c345b9a9aa96";

    // ---- visibility

    @Test
    void anAmberGroupIndicatorReachesTheGroupOverStixAndTaxiiAndNobodyElseUntilTheGroupGrows() {
        HubClient ministry = DemoClients.as(DemoClients.MINISTRY);
        HubClient alpha = DemoClients.as(DemoClients.PLATFORM_A);
        HubClient beta = DemoClients.as(DemoClients.PLATFORM_B);
        TaxiiClient alphaTaxii = TaxiiClient.issue(alpha, Auth.BASIC);
        TaxiiClient betaTaxii = TaxiiClient.issue(beta, Auth.BEARER);
        String groupId = group(ministry, List.of(DemoClients.PLATFORM_A));
        String collection = groupId.substring("group-".length());
        String id = share(ministry, indicator("AMBER", List.of(), List.of(groupId)));
        String sightingId = report(alpha, id, sighting(null, List.of(groupId)));

        JsonObject alphaBundle = export(alpha, "");
        assertTrue(ids(alphaBundle).containsAll(List.of(id, sightingId)), "alpha's export holds the indicator and its sighting");
        assertEquals(List.of(), StixValidator.violations(alphaBundle.toString()), "the export validates");
        JsonObject ministryBundle = export(ministry, "?author=" + DemoClients.MINISTRY);
        assertTrue(ids(ministryBundle).contains(sightingId), "the author's export holds alpha's sighting");
        assertFalse(ids(export(beta, "")).contains(id), "beta's export does not hold it");

        Set<String> alphaCollections = collections(alphaTaxii);
        assertTrue(alphaCollections.contains(collection), "alpha has the group's collection");
        Set<String> inGroup = alphaTaxii.all(collection, "").stream().map(o -> o.getString("id")).collect(Collectors.toSet());
        assertTrue(inGroup.containsAll(List.of(id, sightingId)));
        assertFalse(collections(betaTaxii).contains(collection), "beta has no such collection");
        assertEquals(404, betaTaxii.get("/taxii2/hub/collections/" + collection + "/objects/").statusCode());
        for (String c : collections(betaTaxii)) {
            assertTrue(betaTaxii.all(c, "").stream().noneMatch(o -> o.getString("id").equals(id)
                    || o.getString("id").equals(sightingId)), "beta's collection " + c + " holds neither");
        }

        assertEquals(200, ministry.post("/api/v1/sharing-groups/" + groupId + "/members",
                "{\"organization\":\"" + DemoClients.PLATFORM_B + "\"}").status());
        assertTrue(collections(betaTaxii).contains(collection), "the next read shows the group's collection");
        assertTrue(betaTaxii.all(collection, "").stream().anyMatch(o -> o.getString("id").equals(id)));
        assertTrue(ids(export(beta, "")).contains(id), "and the next export");

        assertEquals(200, ministry.delete("/api/v1/sharing-groups/" + groupId + "/members/" + DemoClients.PLATFORM_B).status());
        assertEquals(404, betaTaxii.get("/taxii2/hub/collections/" + collection + "/objects/").statusCode());
        assertFalse(ids(export(beta, "")).contains(id));
    }

    @Test
    void redNeverLeavesInBulkAndOnlyTheRecipientsSharedCollectionCarriesIt() {
        HubClient ministry = DemoClients.as(DemoClients.MINISTRY);
        HubClient alpha = DemoClients.as(DemoClients.PLATFORM_A);
        TaxiiClient alphaTaxii = TaxiiClient.issue(alpha, Auth.TOKEN);
        String id = share(ministry, indicator("RED", List.of(DemoClients.PLATFORM_A), List.of()));
        assertEquals(200, alpha.get("/api/v1/indicators/" + id).status(), "alpha is a named recipient");
        assertFalse(ids(export(alpha, "")).contains(id), "RED is never in a bulk export");
        assertFalse(ids(export(ministry, "")).contains(id), "not even the author's");
        for (JsonObject c : collectionList(alphaTaxii)) {
            boolean has = alphaTaxii.all(c.getString("id"), "match[type]=indicator").stream()
                    .anyMatch(o -> o.getString("id").equals(id));
            assertEquals(c.getString("title").startsWith("Shared with"), has, c.getString("title"));
        }
        // a RED sighting of a GREEN indicator: no more in bulk than a RED indicator
        String green = share(ministry, indicator("GREEN", List.of(), List.of()));
        String redSighting = report(alpha, green, sighting("RED", List.of()));
        assertFalse(ids(export(ministry, "")).contains(redSighting), "not in the author's export");
        assertFalse(ids(export(alpha, "")).contains(redSighting), "not in the reporter's");
        TaxiiClient ministryTaxii = TaxiiClient.issue(ministry, Auth.BASIC);
        for (JsonObject c : collectionList(ministryTaxii)) {
            boolean has = ministryTaxii.all(c.getString("id"), "match[type]=sighting").stream()
                    .anyMatch(o -> o.getString("id").equals(redSighting));
            assertEquals(c.getString("title").startsWith("Published by"), has, c.getString("title"));
        }
    }

    // ---- STIX

    @Test
    void everyExportedObjectValidatesAgainstTheOasisSchemasForEveryIndicatorType() {
        HubClient ministry = DemoClients.as(DemoClients.MINISTRY);
        HubClient alpha = DemoClients.as(DemoClients.PLATFORM_A);
        String u = UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = List.of(
                share(ministry, indicator("URL", "https://forged.example/" + u + "?q='x'", "GREEN", List.of(), List.of())),
                share(ministry, indicator("DOMAIN", "forged-" + u + ".example", "CLEAR", List.of(), List.of())),
                share(ministry, account("x.com", "@Fake_" + u)),
                share(ministry, indicator("HASHTAG", "#Vote" + u, "GREEN", List.of(), List.of())),
                share(ministry, hash("SHA-256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b78" + u.substring(0, 6))),
                share(ministry, hash("PDQ", "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e" + u.substring(0, 6))),
                share(ministry, narrative("Voting by SMS is possible on election day \\ " + u)));
        report(alpha, ids.get(0), sighting(null, List.of()));
        JsonObject bundle = export(alpha, "?author=" + DemoClients.MINISTRY);
        assertTrue(ids(bundle).containsAll(ids));
        assertEquals(List.of(), StixValidator.violations(bundle.toString()));
        JsonObject url = object(bundle, ids.get(0));
        assertEquals("[url:value = 'https://forged.example/" + u + "?q=\\'x\\'']", url.getString("pattern"),
                "quotes escaped in the pattern");
        assertTrue(object(bundle, ids.get(6)).getString("pattern").endsWith("\\\\ " + u + "']"),
                "and backslashes");
        assertEquals("[user-account:account_type = 'x.com' AND user-account:account_login = 'fake_" + u + "']",
                object(bundle, ids.get(2)).getString("pattern"));
        assertEquals("[text:value = '#vote" + u + "']", object(bundle, ids.get(3)).getString("pattern"));
        assertTrue(object(bundle, ids.get(5)).getString("pattern").startsWith("[file:hashes.'PDQ' = 'f8f8"));
        assertEquals("fi", object(bundle, ids.get(6)).getString("lang"));
        assertTrue(types(bundle).containsAll(List.of("identity", "marking-definition", "attack-pattern", "relationship",
                "url", "domain-name", "user-account", "file", "note", "narrative", "sighting")), types(bundle).toString());
        assertTrue(bundle.getJsonArray("objects").stream().map(JsonValue::asJsonObject)
                .anyMatch(o -> o.getString("id").equals("marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb")),
                "the official TLP:GREEN 2.0 marking definition by its published id");
        assertTrue(bundle.getJsonArray("objects").stream().map(JsonValue::asJsonObject)
                .anyMatch(o -> "indicates".equals(o.getString("relationship_type", null))
                        && ids.get(0).equals(o.getString("source_ref"))));
    }

    @Test
    void anExportedBundleReimportedIntoASecondOrganisationRoundTripsAndAReplayChangesNothing() {
        HubClient ministry = DemoClients.as(DemoClients.MINISTRY);
        HubClient alpha = DemoClients.as(DemoClients.PLATFORM_A);
        HubClient beta = DemoClients.as(DemoClients.PLATFORM_B);
        String election = "fi-roundtrip-" + UUID.randomUUID().toString().substring(0, 8);
        String a = share(ministry, indicator("DOMAIN", "roundtrip-" + UUID.randomUUID().toString().substring(0, 8)
                + ".example", "GREEN", List.of(), List.of()).replace("fi-parliamentary-2027", election));
        String b = share(ministry, narrative("The polls close early " + UUID.randomUUID()).replace("fi-parliamentary-2027", election));
        report(alpha, a, sighting(null, List.of()));
        JsonObject exported = export(alpha, "?election=" + election);
        assertEquals(2, exported.getJsonArray("objects").stream().filter(o -> o.asJsonObject().getString("type")
                .equals("indicator")).count());

        HubResponse imported = beta.post("/api/v1/stix/bundle", exported.toString());
        assertEquals(200, imported.status(), imported.problem());
        JsonObject report = parse(imported.body());
        List<JsonObject> items = report.getJsonArray("imported").getValuesAs(JsonObject.class);
        assertEquals(3, items.size(), "two indicators and the sighting");
        assertTrue(items.stream().allMatch(i -> i.getString("outcome").equals("CREATED")), items.toString());

        JsonObject again = parse(beta.post("/api/v1/stix/bundle", exported.toString()).body());
        assertTrue(again.getJsonArray("imported").getValuesAs(JsonObject.class).stream()
                .allMatch(i -> i.getString("outcome").equals("UNCHANGED")), "the same ids and modified: nothing changes");

        JsonObject betas = export(beta, "?election=" + election + "&author=" + DemoClients.PLATFORM_B);
        assertEquals(List.of(), StixValidator.violations(betas.toString()));
        for (String source : List.of(a, b)) {
            JsonObject original = object(exported, source);
            JsonObject copy = betas.getJsonArray("objects").stream().map(JsonValue::asJsonObject)
                    .filter(o -> source.equals(o.getString("x_hub_derived_from", null))).findFirst()
                    .orElseThrow(() -> new AssertionError("no derived copy of " + source));
            for (String member : List.of("pattern", "pattern_type", "valid_from", "confidence", "description",
                    "object_marking_refs", "x_hub_election", "x_hub_type", "lang")) {
                assertEquals(original.get(member), copy.get(member), member + " of " + source);
            }
            assertEquals(techniques(exported, source), techniques(betas, copy.getString("id")));
        }
        assertTrue(betas.getJsonArray("objects").stream().map(JsonValue::asJsonObject).anyMatch(o ->
                o.getString("type").equals("sighting") && o.getString("created_by_ref").equals(identity(betas, DemoClients.PLATFORM_B))),
                "the sighting is beta's own now");
    }

    @Test
    void aBundleWithObjectsTheHubCannotRepresentIsRefusedNamingEachByPointerAndImportsNothing() {
        HubClient beta = DemoClients.as(DemoClients.PLATFORM_B);
        String good = stixIndicator("[domain-name:value = 'ok-" + UUID.randomUUID() + ".example']",
                "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb");
        String badPattern = stixIndicator("[ipv4-addr:value = '10.0.0.1']", "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb");
        String unmarked = stixIndicator("[domain-name:value = 'x.example']", null);
        String malware = "{\"type\":\"malware\",\"spec_version\":\"2.1\",\"id\":\"malware--" + UUID.randomUUID()
                + "\",\"created\":\"2026-11-01T00:00:00Z\",\"modified\":\"2026-11-01T00:00:00Z\",\"name\":\"x\",\"is_family\":false}";
        String bundle = "{\"type\":\"bundle\",\"id\":\"bundle--" + UUID.randomUUID() + "\",\"objects\":[" + good + ","
                + badPattern + "," + unmarked + "," + malware + "]}";
        HubResponse r = beta.post("/api/v1/stix/bundle", bundle);
        assertEquals(422, r.status(), r.problem());
        assertEquals("urn:electionpool:problem:stix-unrepresentable", r.problemType().orElse(null));
        Set<String> pointers = new HashSet<>();
        parse(r.problem()).getJsonArray("errors").getValuesAs(JsonObject.class).forEach(e -> pointers.add(e.getString("field")));
        assertEquals(Set.of("/objects/1/pattern", "/objects/2/object_marking_refs", "/objects/3/type"), pointers);
        assertFalse(ids(export(beta, "?author=" + DemoClients.PLATFORM_B)).contains(parse(good).getString("id")));
        HubResponse none = beta.post("/api/v1/stix/bundle", "{\"type\":\"bundle\",\"id\":\"bundle--" + UUID.randomUUID()
                + "\",\"objects\":[" + String.join(",", java.util.Collections.nCopies(1001, good)) + "]}");
        assertEquals(413, none.status(), "more than 1,000 objects");
    }

    @Test
    void theShippedExampleBundleImportsAsDocumentedAndASecondPostChangesNothing() throws Exception {
        HubClient alpha = DemoClients.as(DemoClients.PLATFORM_A);
        String example = java.nio.file.Files.readString(java.nio.file.Path.of(System.getProperty("hub.examples.dir"),
                "stix-bundle.json"));
        HubResponse first = alpha.post("/api/v1/stix/bundle", example);
        assertEquals(200, first.status(), first.problem());
        JsonObject imported = parse(first.body()).getJsonArray("imported").getJsonObject(0);
        assertEquals("indicator--0b7e3f52-61d4-4c8a-9a2e-7f1d5c3b9e40", imported.getString("stixId"));
        JsonObject view = parse(alpha.get("/api/v1/indicators/" + imported.getString("hubId")).body());
        assertEquals("URL", view.getString("type"));
        assertEquals("GREEN", view.getString("tlp"));
        assertEquals(List.of("T0097.111"), view.getJsonArray("techniques").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList());
        assertEquals("fi-parliamentary-2027", view.getString("election"));
        JsonObject second = parse(alpha.post("/api/v1/stix/bundle", example).body());
        assertEquals("UNCHANGED", second.getJsonArray("imported").getJsonObject(0).getString("outcome"));
        assertEquals(imported.getString("hubId"), second.getJsonArray("imported").getJsonObject(0).getString("hubId"));
        String changed = example.replace("2026-12-01T09:00:00.000Z\",\n      \"name\"", "2026-12-02T09:00:00.000Z\",\n      \"name\"")
                .replace("vote-by-sms.forged.example/ohjeet", "another.forged.example/");
        HubResponse refused = alpha.post("/api/v1/stix/bundle", changed);
        assertEquals(422, refused.status(), "a newer version may not change the value: " + refused.problem());
        assertEquals("/objects/1/pattern", parse(refused.problem()).getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    // ---- TAXII: what the real clients send

    @Test
    void theOasisClientSequenceGetsWhatTaxii2Client23Checks() {
        HubClient ministry = DemoClients.as(DemoClients.MINISTRY);
        TaxiiClient t = TaxiiClient.issue(DemoClients.as(DemoClients.PLATFORM_A), Auth.BASIC);
        String since = java.time.Instant.now().minusMillis(1).toString();
        List<String> mine = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            mine.add(share(ministry, indicator("GREEN", List.of(), List.of())));
        }
        JsonObject discovery = ok(t.get("/taxii2/"));
        assertTrue(!discovery.getString("title").isEmpty());
        assertEquals("/taxii2/hub/", discovery.getString("default"));
        assertTrue(discovery.getJsonArray("api_roots").getValuesAs(jakarta.json.JsonString.class).stream()
                .anyMatch(s -> s.getString().equals(discovery.getString("default"))));
        JsonObject root = ok(t.get("/taxii2/hub/"));
        assertEquals(List.of(TaxiiClient.TAXII), root.getJsonArray("versions").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals(1_048_576, root.getInt("max_content_length"));
        for (JsonObject c : collectionList(t)) {
            JsonObject one = ok(t.get("/taxii2/hub/collections/" + c.getString("id") + "/"));
            assertEquals(c, one);
            assertTrue(!one.getString("title").isEmpty() && one.containsKey("can_read") && one.containsKey("can_write"));
        }
        // get_objects(added_after=…, type=[indicator], limit=2) and as_pages: the filters are repeated with next
        String q = "limit=2&added_after=" + enc(since) + "&match%5Btype%5D=indicator";
        JsonObject first = ok(t.get("/taxii2/hub/collections/" + COMMUNITY + "/objects/?" + q));
        assertEquals(2, first.getJsonArray("objects").size());
        assertTrue(first.getBoolean("more"));
        assertNotNull(first.getString("next"), "more:true always comes with next");
        List<String> seen = new ArrayList<>();
        first.getJsonArray("objects").forEach(o -> seen.add(o.asJsonObject().getString("id")));
        t.all(COMMUNITY, q).forEach(o -> { });
        JsonObject second = ok(t.get("/taxii2/hub/collections/" + COMMUNITY + "/objects/?limit=2&next="
                + enc(first.getString("next")) + "&added_after=" + enc(since) + "&match%5Btype%5D=indicator"));
        second.getJsonArray("objects").forEach(o -> seen.add(o.asJsonObject().getString("id")));
        assertTrue(seen.containsAll(mine), seen + " holds " + mine);
        assertTrue(first.getJsonArray("objects").stream().allMatch(o -> o.asJsonObject().getString("spec_version").equals("2.1")));
        // get_object(id, version=all), object_versions, get_manifest
        HubResponse updated = ministry.post("/api/v1/indicators/" + mine.get(0) + "/versions",
                "{\"basedOn\":1,\"description\":\"second version\"}");
        assertEquals(201, updated.status(), updated.problem());
        JsonObject all = ok(t.get("/taxii2/hub/collections/" + COMMUNITY + "/objects/" + mine.get(0) + "/?match%5Bversion%5D=all"));
        assertEquals(2, all.getJsonArray("objects").size());
        JsonObject last = ok(t.get("/taxii2/hub/collections/" + COMMUNITY + "/objects/" + mine.get(0) + "/"));
        assertEquals("second version", last.getJsonArray("objects").getJsonObject(0).getString("description"));
        JsonObject versions = ok(t.get("/taxii2/hub/collections/" + COMMUNITY + "/objects/" + mine.get(0) + "/versions/"));
        assertEquals(2, versions.getJsonArray("versions").size());
        JsonObject manifest = ok(t.get("/taxii2/hub/collections/" + COMMUNITY + "/manifest/?match%5Btype%5D=indicator&added_after="
                + enc(since)));
        JsonObject entry = manifest.getJsonArray("objects").getJsonObject(0);
        assertTrue(entry.containsKey("date_added") && entry.containsKey("version"));
        assertEquals("application/stix+json;version=2.1", entry.getString("media_type"));
        // add_objects and the status resource, as the client validates them
        String marking = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb";
        String env = "{\"objects\":[" + stixIndicator("[domain-name:value = 'taxii-" + UUID.randomUUID() + ".example']", marking)
                + "," + stixIndicator("[ipv4-addr:value = '10.0.0.1']", marking) + "]}";
        HttpResponse<String> added = t.post("/taxii2/hub/collections/" + COMMUNITY + "/objects/", env);
        assertEquals(202, added.statusCode(), added.body());
        JsonObject status = parse(added.body());
        checkStatus(status, 2, 1, 1);
        JsonObject polled = ok(t.get("/taxii2/hub/status/" + status.getString("id") + "/"));
        assertEquals(status, polled);
        assertEquals("complete", polled.getString("status"));
    }

    @Test
    void openCtisFeedSendsNextWithAddedAfterAndReadsDateAddedLast() {
        HubClient ministry = DemoClients.as(DemoClients.MINISTRY);
        TaxiiClient feed = TaxiiClient.issue(DemoClients.as(DemoClients.PLATFORM_B), Auth.BEARER);
        String start = java.time.Instant.now().minusMillis(1).toString();
        Set<String> mine = new HashSet<>();
        for (int k = 0; k < 3; k++) {
            mine.add(share(ministry, indicator("CLEAR", List.of(), List.of())));
        }
        // one GET per run: …/collections/{id}/objects/?next=<cursor>&added_after=<start>, no limit
        Set<String> got = new HashSet<>();
        String cursor = null;
        String addedAfter = start;
        for (int run = 0; run < 50; run++) {
            HttpResponse<String> r = feed.get("/taxii2/hub/collections/" + COMMUNITY + "/objects/?"
                    + (cursor == null ? "" : "next=" + enc(cursor) + "&") + "added_after=" + enc(addedAfter));
            JsonObject env = ok(r);
            JsonArray objects = env.getJsonArray("objects");
            if (objects == null || objects.isEmpty()) {
                break;
            }
            objects.forEach(o -> got.add(o.asJsonObject().getString("id")));
            assertTrue(r.headers().firstValue("X-TAXII-Date-Added-First").isPresent());
            if (env.getBoolean("more") && env.containsKey("next")) {
                cursor = env.getString("next");
            } else {
                cursor = null;
                addedAfter = r.headers().firstValue("X-TAXII-Date-Added-Last").orElseThrow(
                        () -> new AssertionError("the feed needs X-TAXII-Date-Added-Last"));
            }
        }
        assertTrue(got.containsAll(mine), "every new indicator arrived");
        // the connector: Token auth, 6-digit microseconds, and a stale next with a new added_after still answers
        TaxiiClient connector = feed.as(Auth.TOKEN);
        JsonObject page = ok(connector.get("/taxii2/hub/collections/" + COMMUNITY + "/objects/?limit=1&added_after="
                + enc("2026-01-03T00:00:00.000000Z")));
        String stale = page.getString("next");
        JsonObject later = ok(connector.get("/taxii2/hub/collections/" + COMMUNITY + "/objects/?limit=1&next=" + enc(stale)
                + "&added_after=" + enc(java.time.Instant.now().toString())));
        assertNotNull(later.get("more"), "an old token is never refused");
    }

    @Test
    void mispsPushReadsTheRootPostsAtMaxContentLengthAndBrowsesWithLowerCaseBasic() {
        TaxiiClient misp = TaxiiClient.issue(DemoClients.as(DemoClients.PLATFORM_A), Auth.BASIC_LOWER);
        int max = ok(misp.get("/taxii2/hub/")).getInt("max_content_length");
        List<JsonObject> writable = collectionList(misp).stream().filter(c -> c.getBoolean("can_write")).toList();
        assertFalse(writable.isEmpty(), "MISP lists only writable collections");
        String published = writable.stream().filter(c -> c.getString("title").startsWith("Published by")).findFirst()
                .orElseThrow().getString("id");
        assertTrue(ok(misp.get("/taxii2/hub/collections/" + published + "/")).getBoolean("can_write"));
        String object = stixIndicator("[url:value = 'https://misp-" + UUID.randomUUID() + ".example/']",
                "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421");
        String body = "{\"objects\":[" + object + "]}";
        String padded = body.substring(0, body.length() - 1) + " ".repeat(max - body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length) + "}";
        assertEquals(max, padded.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        HttpResponse<String> r = misp.post("/taxii2/hub/collections/" + published + "/objects/", padded);
        assertEquals(202, r.statusCode(), "a body of exactly max_content_length is accepted: " + r.body());
        checkStatus(parse(r.body()), 1, 1, 0);
        HttpResponse<String> over = misp.post("/taxii2/hub/collections/" + published + "/objects/", padded + " ");
        assertEquals(413, over.statusCode());
        assertEquals(TaxiiClient.TAXII, over.headers().firstValue("Content-Type").orElse(""));
        JsonObject browse = ok(misp.get("/taxii2/hub/collections/" + published + "/objects/?limit=50"));
        assertTrue(browse.getJsonArray("objects").size() > 0);
    }

    @Test
    void taxiiRefusesWhatTheSpecSaysWithATaxiiErrorThatIsAlsoAProblem() {
        HubClient alpha = DemoClients.as(DemoClients.PLATFORM_A);
        TaxiiClient t = TaxiiClient.issue(alpha, Auth.BASIC);
        HttpResponse<String> json = HttpClientSupport.send(t.request("/taxii2/").header("Accept", "application/json").GET().build());
        assertEquals(406, json.statusCode());
        HttpResponse<String> wrongType = HttpClientSupport.send(t.request("/taxii2/hub/collections/" + COMMUNITY + "/objects/")
                .header("Accept", TaxiiClient.TAXII).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"objects\":[]}")).build());
        assertEquals(415, wrongType.statusCode());
        HttpResponse<String> none = HttpClientSupport.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(HttpClientSupport.HUB + "/taxii2/")).header("Accept", TaxiiClient.TAXII).GET().build());
        assertEquals(401, none.statusCode());
        assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").contains("Basic"));
        JsonObject error = parse(none.body());
        assertEquals("401", error.getString("http_status"));
        assertEquals("urn:electionpool:problem:unauthenticated", error.getString("type"));
        assertTrue(error.containsKey("title") && error.containsKey("description"));
        assertEquals(401, new TaxiiClient(t.username, t.token + "x", Auth.BASIC).get("/taxii2/").statusCode());
        assertEquals(401, new TaxiiClient("taxii-someoneelse", t.token, Auth.BASIC).get("/taxii2/").statusCode());
        assertEquals(400, t.get("/taxii2/hub/collections/" + COMMUNITY + "/objects/?next=garbage").statusCode());
        assertEquals(400, t.get("/taxii2/hub/collections/" + COMMUNITY + "/objects/?added_after=yesterday").statusCode());
        assertEquals(404, t.get("/taxii2/hub/collections/" + UUID.randomUUID() + "/").statusCode());
        assertEquals(404, t.get("/taxii2/hub/status/" + UUID.randomUUID() + "/").statusCode());
        // revocation stops it at once
        assertFalse(ok(t.get("/taxii2/")).isEmpty());
        HubResponse revoked = alpha.delete("/api/v1/taxii/credentials/" + t.username);
        assertEquals(200, revoked.status(), "a sealed answer always has a body: " + revoked.problem());
        assertEquals(401, t.get("/taxii2/").statusCode());
        JsonArray listed = parse(alpha.get("/api/v1/taxii/credentials").body()).getJsonArray("credentials");
        JsonObject mine = listed.getValuesAs(JsonObject.class).stream().filter(c -> c.getString("username").equals(t.username))
                .findFirst().orElseThrow();
        assertFalse(mine.containsKey("token"), "a list never shows a token");
        assertFalse(mine.isNull("revoked"));
        assertEquals(404, DemoClients.as(DemoClients.PLATFORM_B).delete("/api/v1/taxii/credentials/" + t.username).status(),
                "another organisation's credential does not exist for beta");
    }

    @Test
    void hostileImportsAreRefusedWithoutLeavingAnythingBehind() {
        HubClient ministry = DemoClients.as(DemoClients.MINISTRY);
        HubClient beta = DemoClients.as(DemoClients.PLATFORM_B);
        String amber = share(ministry, indicator("AMBER", List.of(DemoClients.PLATFORM_A), List.of()));
        String green = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb";
        long before = ids(export(beta, "?author=" + DemoClients.PLATFORM_B)).size();
        // a sighting of an indicator beta cannot read: the same answer as for one that does not exist
        String hidden = sightingOf(amber, green);
        String missing = sightingOf("indicator--" + UUID.randomUUID(), green);
        HubResponse a = beta.post("/api/v1/stix/bundle", bundleOf(hidden));
        HubResponse b = beta.post("/api/v1/stix/bundle", bundleOf(missing));
        assertEquals(422, a.status());
        assertEquals(422, b.status());
        assertEquals(parse(a.problem()).getJsonArray("errors").getJsonObject(0).getString("message")
                        .replaceAll("sighting--[0-9a-f-]+", "S"),
                parse(b.problem()).getJsonArray("errors").getJsonObject(0).getString("message")
                        .replaceAll("sighting--[0-9a-f-]+", "S"), "no existence oracle");
        // a derived copy of alpha's AMBER source may not be looser: alpha imports the hub id as GREEN
        HubClient alpha = DemoClients.as(DemoClients.PLATFORM_A);
        String looser = parse(export(ministry, "?tlp=AMBER&author=" + DemoClients.MINISTRY).toString()).getJsonArray("objects")
                .stream().map(JsonValue::asJsonObject).filter(o -> o.getString("id").equals(amber)).findFirst()
                .map(o -> Json.createObjectBuilder(o).add("object_marking_refs", Json.createArrayBuilder().add(green))
                        .add("modified", "2030-01-01T00:00:00.000Z").build().toString()).orElseThrow();
        HubResponse refused = alpha.post("/api/v1/stix/bundle", bundleOf(looser));
        assertEquals(400, refused.status(), refused.problem());
        assertEquals("urn:electionpool:problem:distribution-refused", refused.problemType().orElse(null));
        // malformed bodies (a repeated member name never gets this far: HXP/1's strict JSON refuses the
        // envelope's body claim, EnvelopeAttackIT; TAXII's is refused below)
        assertEquals(422, beta.post("/api/v1/stix/bundle", "{\"type\":\"report\",\"id\":\"report--" + UUID.randomUUID()
                + "\"}").status(), "not a bundle");
        assertEquals(422, beta.post("/api/v1/stix/bundle", "{\"type\":\"bundle\",\"id\":\"bundle--" + UUID.randomUUID()
                + "\",\"objects\":{}}").status(), "objects not an array");
        HubResponse mixed = beta.post("/api/v1/stix/bundle", "{\"type\":\"bundle\",\"id\":\"bundle--" + UUID.randomUUID()
                + "\",\"objects\":[1,\"x\",null]}");
        assertEquals(422, mixed.status());
        assertEquals(3, parse(mixed.problem()).getJsonArray("errors").size());
        String wrongPrefix = stixIndicator("[domain-name:value = 'a.example']", green).replace("\"id\":\"indicator--",
                "\"id\":\"malware--");
        String oldSpec = stixIndicator("[domain-name:value = 'b.example']", green).replace("\"2.1\"", "\"2.0\"");
        String twoMarkings = stixIndicator("[domain-name:value = 'c.example']", green).replace("[\"" + green + "\"]",
                "[\"" + green + "\",\"marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1\"]");
        String statement = stixIndicator("[domain-name:value = 'd.example']", "marking-definition--" + UUID.randomUUID());
        String badConfidence = stixIndicator("[domain-name:value = 'e.example']", green).replace("\"pattern_type\"",
                "\"confidence\":101,\"pattern_type\"");
        String badDomain = stixIndicator("[domain-name:value = 'not a domain']", green);
        String noTime = stixIndicator("[domain-name:value = 'f.example']", green).replace("\"valid_from\":\"2026-11-01T00:00:00Z\",", "");
        String numberMarking = stixIndicator("[domain-name:value = 'g.example']", green).replace("[\"" + green + "\"]", "[1]");
        String stringRevoked = stixIndicator("[domain-name:value = 'h.example']", green).replace("\"pattern_type\"",
                "\"revoked\":\"true\",\"pattern_type\"");
        String wrapping = stixIndicator("[domain-name:value = 'i.example']", green).replace("\"pattern_type\"",
                "\"confidence\":4294967346,\"pattern_type\"");
        String emptyValidity = stixIndicator("[domain-name:value = 'j.example']", green).replace("\"pattern_type\"",
                "\"valid_until\":\"2026-11-01T00:00:00Z\",\"pattern_type\"");
        String sightingOfSighting = sightingOf("sighting--" + UUID.randomUUID(), green);
        HubResponse many = beta.post("/api/v1/stix/bundle", bundleOf(wrongPrefix, oldSpec, twoMarkings, statement,
                badConfidence, badDomain, noTime, numberMarking, stringRevoked, wrapping, emptyValidity, sightingOfSighting));
        assertEquals(422, many.status());
        Set<String> pointers = new HashSet<>();
        parse(many.problem()).getJsonArray("errors").getValuesAs(JsonObject.class).forEach(e -> pointers.add(e.getString("field")));
        assertEquals(Set.of("/objects/0", "/objects/1/spec_version", "/objects/2/object_marking_refs",
                "/objects/3/object_marking_refs/0", "/objects/4/confidence", "/objects/5/pattern", "/objects/6/valid_from",
                "/objects/7/object_marking_refs/0", "/objects/8/revoked", "/objects/9/confidence", "/objects/10/valid_until",
                "/objects/11/sighting_of_ref"), pointers);
        assertEquals(before, ids(export(beta, "?author=" + DemoClients.PLATFORM_B)).size(), "nothing was imported");
    }

    @Test
    void everyTaxiiRequestIsAnAuditEntryOfItsCredentialWithTheFilterAndTheCountServed() {
        HubClient alpha = DemoClients.as(DemoClients.PLATFORM_A);
        share(DemoClients.as(DemoClients.MINISTRY), indicator("GREEN", List.of(), List.of()));
        HubResponse issued = alpha.post("/api/v1/taxii/credentials", "{\"label\":\"audit IT\"}");
        long from = parse(issued.receipt()).getJsonNumber("index").longValue();
        JsonObject credential = parse(issued.body());
        TaxiiClient t = new TaxiiClient(credential.getString("username"), credential.getString("token"), Auth.BASIC);
        JsonObject page = ok(t.get("/taxii2/hub/collections/" + COMMUNITY + "/objects/?limit=2&match%5Btype%5D=indicator"));
        assertEquals(401, new TaxiiClient(t.username, "wrong", Auth.BASIC).get("/taxii2/").statusCode());
        HubResponse mark = alpha.get("/api/v1/taxii/credentials"); // an entry after the TAXII ones: the end of the range
        long to = parse(mark.receipt()).getJsonNumber("index").longValue() + 1;
        HubResponse entries = alpha.get("/api/v1/audit/entries?from=" + from + "&to=" + Math.min(to, from + 1000));
        assertEquals(200, entries.status(), entries.problem());
        List<JsonObject> leaves = parse(entries.body()).getJsonArray("entries").getValuesAs(JsonObject.class).stream()
                .map(e -> parse(new String(java.util.Base64.getDecoder().decode(e.getString("leaf")),
                        java.nio.charset.StandardCharsets.UTF_8))).toList();
        JsonObject issuedLeaf = leaves.stream().filter(l -> l.getString("action").equals("taxii.credential.issued"))
                .findFirst().orElseThrow();
        assertEquals(t.username, issuedLeaf.getString("target_id"));
        assertFalse(issuedLeaf.toString().contains(t.token), "the token is never in the log");
        JsonObject read = leaves.stream().filter(l -> l.getString("action").equals("taxii.objects.read")).findFirst()
                .orElseThrow(() -> new AssertionError("no taxii.objects.read entry in " + leaves));
        assertEquals("TAXII", read.getString("channel"));
        assertEquals(DemoClients.PLATFORM_A, read.getString("actor_org"));
        assertEquals("taxii:" + t.username, read.getString("actor_principal"));
        assertEquals(COMMUNITY, read.getString("target_id"));
        assertEquals(page.getJsonArray("objects").size(), read.getJsonObject("details").getInt("count"));
        assertEquals(List.of("indicator"), read.getJsonObject("details").getJsonObject("filter").getJsonArray("match[type]")
                .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        assertFalse(read.containsKey("jti") || read.containsKey("received_at"), "no signed request behind a TAXII read");
    }

    @Test
    void hostileTaxiiRequestsGetTheirTaxiiErrors() {
        HubClient alpha = DemoClients.as(DemoClients.PLATFORM_A);
        HubClient ministry = DemoClients.as(DemoClients.MINISTRY);
        TaxiiClient t = TaxiiClient.issue(alpha, Auth.BASIC);
        String shared = collectionList(t).stream().filter(c -> c.getString("title").startsWith("Shared with")).findFirst()
                .orElseThrow().getString("id");
        String base = "/taxii2/hub/collections/" + COMMUNITY + "/objects/";
        assertEquals(400, t.post(base, "{not json").statusCode());
        assertEquals(400, t.post(base, "{\"objects\":[],\"objects\":[]}").statusCode(), "a repeated member name");
        assertEquals(422, t.post(base, "{\"objects\":{}}").statusCode());
        assertEquals(413, t.post(base, "{\"objects\":[" + String.join(",", java.util.Collections.nCopies(1001, "{}")) + "]}")
                .statusCode());
        assertEquals(403, t.post("/taxii2/hub/collections/" + shared + "/objects/", "{\"objects\":[]}").statusCode(),
                "shared-with is read-only");
        String others = share(ministry, indicator("GREEN", List.of(), List.of()));
        assertEquals(403, t.delete(base + others + "/").statusCode(), "only the author deletes");
        assertEquals(404, t.delete(base + "indicator--" + UUID.randomUUID() + "/").statusCode());
        for (String q : List.of("?limit=abc", "?limit=0", "?limit=1&limit=2", "?match%5Bversion%5D=newest",
                "?added_after=2026-13-01T00:00:00Z", "?next=" + "A".repeat(300))) {
            HttpResponse<String> r = t.get(base + q);
            assertEquals(400, r.statusCode(), q);
            assertEquals(TaxiiClient.TAXII, r.headers().firstValue("Content-Type").orElse(""), q);
            assertEquals("400", parse(r.body()).getString("http_status"), q);
        }
        assertEquals(404, t.get("/taxii2/hub/collections/not-a-collection/").statusCode());
        assertEquals(404, t.get("/taxii2/hub/collections/" + COMMUNITY + "/objects/indicator--" + UUID.randomUUID() + "/versions/")
                .statusCode());
        JsonObject revoked = ok(t.get(base + "?match%5Bspec_version%5D=2.0"));
        assertFalse(revoked.containsKey("objects"), "nothing is STIX 2.0");
        // a TAXII credential cannot issue another one: it is not an HXP/1 caller at all
        HttpResponse<String> viaTaxii = HttpClientSupport.send(t.request("/api/v1/taxii/credentials").GET().build());
        assertEquals(401, viaTaxii.statusCode(), "the API takes HXP/1 only");
        assertEquals("urn:electionpool:problem:hxp-unauthenticated", parse(viaTaxii.body()).getString("type"));
    }

    private static String sightingOf(String indicator, String marking) {
        return Json.createObjectBuilder().add("type", "sighting").add("spec_version", "2.1")
                .add("id", "sighting--" + UUID.randomUUID()).add("created", "2026-11-02T00:00:00.000Z")
                .add("modified", "2026-11-02T00:00:00.000Z").add("sighting_of_ref", indicator).add("count", 3)
                .add("object_marking_refs", Json.createArrayBuilder().add(marking)).build().toString();
    }

    private static String bundleOf(String... objects) {
        return "{\"type\":\"bundle\",\"id\":\"bundle--" + UUID.randomUUID() + "\",\"objects\":[" + String.join(",", objects) + "]}";
    }

    // ---- helpers

    private static void checkStatus(JsonObject status, int total, int success, int failure) {
        assertEquals(total, status.getInt("total_count"));
        assertEquals(success, status.getInt("success_count"));
        assertEquals(failure, status.getInt("failure_count"));
        assertEquals(0, status.getInt("pending_count"));
        assertEquals(total, status.getInt("success_count") + status.getInt("failure_count") + status.getInt("pending_count"));
        if (success > 0) {
            assertEquals(success, status.getJsonArray("successes").size());
        }
        if (failure > 0) {
            assertEquals(failure, status.getJsonArray("failures").size());
        }
    }

    static JsonObject export(HubClient client, String query) {
        HubResponse r = client.get("/api/v1/stix/bundle" + query);
        assertEquals(200, r.status(), r.problem());
        return parse(r.body());
    }

    static Set<String> ids(JsonObject bundle) {
        JsonArray objects = bundle.getJsonArray("objects");
        return objects == null ? Set.of() : objects.stream().map(o -> o.asJsonObject().getString("id")).collect(Collectors.toSet());
    }

    private static Set<String> types(JsonObject bundle) {
        return bundle.getJsonArray("objects").stream().map(o -> o.asJsonObject().getString("type")).collect(Collectors.toSet());
    }

    private static JsonObject object(JsonObject bundle, String id) {
        return bundle.getJsonArray("objects").stream().map(JsonValue::asJsonObject).filter(o -> o.getString("id").equals(id))
                .findFirst().orElseThrow(() -> new AssertionError("no " + id));
    }

    private static String identity(JsonObject bundle, String org) {
        return bundle.getJsonArray("objects").stream().map(JsonValue::asJsonObject)
                .filter(o -> org.equals(o.getString("x_hub_organization", null))).findFirst().orElseThrow().getString("id");
    }

    private static Set<String> techniques(JsonObject bundle, String indicator) {
        Set<String> targets = bundle.getJsonArray("objects").stream().map(JsonValue::asJsonObject)
                .filter(o -> "indicates".equals(o.getString("relationship_type", null)) && indicator.equals(o.getString("source_ref")))
                .map(o -> o.getString("target_ref")).collect(Collectors.toSet());
        return targets;
    }

    static Set<String> collections(TaxiiClient t) {
        return collectionList(t).stream().map(c -> c.getString("id")).collect(Collectors.toSet());
    }

    static List<JsonObject> collectionList(TaxiiClient t) {
        JsonObject list = ok(t.get("/taxii2/hub/collections/"));
        return list.containsKey("collections") ? list.getJsonArray("collections").getValuesAs(JsonObject.class) : List.of();
    }

    private static String account(String platform, String handle) {
        return Json.createObjectBuilder(parse(indicator("ACCOUNT", handle, "GREEN", List.of(), List.of())))
                .add("platform", platform).build().toString();
    }

    private static String hash(String algorithm, String hex) {
        return Json.createObjectBuilder(parse(indicator("CONTENT_HASH", hex, "GREEN", List.of(), List.of())))
                .add("algorithm", algorithm).build().toString();
    }

    private static String narrative(String claim) {
        return Json.createObjectBuilder(parse(indicator("NARRATIVE", claim, "GREEN", List.of(), List.of())))
                .add("language", "fi").build().toString();
    }

    static String stixIndicator(String pattern, String marking) {
        var b = Json.createObjectBuilder().add("type", "indicator").add("spec_version", "2.1")
                .add("id", "indicator--" + UUID.randomUUID()).add("created", "2026-11-01T00:00:00.000Z")
                .add("modified", "2026-11-01T00:00:00.000Z").add("pattern", pattern).add("pattern_type", "stix")
                .add("valid_from", "2026-11-01T00:00:00Z");
        if (marking != null) {
            b.add("object_marking_refs", Json.createArrayBuilder().add(marking));
        }
        return b.build().toString();
    }
}
