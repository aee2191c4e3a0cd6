package org.electionpool.hub.it;

import static org.electionpool.hub.it.CaseRequests.parse;
import static org.electionpool.hub.it.IndicatorRequests.group;
import static org.electionpool.hub.it.IndicatorRequests.inboxAfter;
import static org.electionpool.hub.it.IndicatorRequests.indicator;
import static org.electionpool.hub.it.IndicatorRequests.share;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.electionpool.hub.client.HubClient;
import org.electionpool.hub.client.HubResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The TLP matrix over HXP/1: every marking × every relation to the indicator × every read path
 * gives exactly the visibility of docs/indicators.md (Visibility), with zero leaks. Relations:
 * the author (the ministry), a named organisation (platform-alpha), a member of a named group
 * (platform-beta; a group can only be named under AMBER), a community member named nowhere (the
 * election authority), an auditor, the operator. Read paths: get, versions, sightings, the list
 * (found by its value), the inbox, the STIX export (never {@code RED}: bulk) and every TAXII
 * collection of the reader ({@code RED} only in the recipient's "Shared with" and the author's
 * "Published by"), by {@code match[id]} and by object id.
 */
@ExtendWith(ArquillianExtension.class)
class IndicatorVisibilityIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return HubDeployment.ear();
    }

    private static final List<String> READERS = List.of(DemoClients.MINISTRY, DemoClients.PLATFORM_A, DemoClients.PLATFORM_B,
            DemoClients.ELECTION_AUTHORITY, DemoClients.AUDITOR, DemoClients.OPERATOR);

    /** Who sees it, per marking, in the order of {@link #READERS}. */
    private static final Map<String, boolean[]> EXPECTED = new LinkedHashMap<>();

    static {
        //                              author named  group  community auditor operator
        EXPECTED.put("CLEAR", new boolean[] {true, true, true, true, true, true});
        EXPECTED.put("GREEN", new boolean[] {true, true, true, true, false, false});
        EXPECTED.put("AMBER", new boolean[] {true, true, true, false, false, false});
        EXPECTED.put("AMBER+STRICT", new boolean[] {true, true, false, false, false, false});
        EXPECTED.put("RED", new boolean[] {true, true, false, false, false, false});
    }

    @Test
    void everyMarkingReachesExactlyItsReadersOnEveryPath() {
        HubClient ministry = DemoClients.as(DemoClients.MINISTRY);
        Map<String, HubClient> clients = new LinkedHashMap<>();
        Map<String, String> cursors = new LinkedHashMap<>();
        for (String org : READERS) {
            clients.put(org, DemoClients.as(org));
            cursors.put(org, CaseRequests.inboxEnd(clients.get(org)));
        }
        String groupId = group(ministry, List.of(DemoClients.PLATFORM_B));
        Map<String, TaxiiClient> taxii = new LinkedHashMap<>();
        for (String org : READERS) {
            taxii.put(org, TaxiiClient.issue(clients.get(org), TaxiiClient.Auth.BASIC));
        }
        List<String> leaks = new ArrayList<>();
        for (Map.Entry<String, boolean[]> marking : EXPECTED.entrySet()) {
            String tlp = marking.getKey();
            boolean names = !tlp.equals("CLEAR") && !tlp.equals("GREEN");
            String value = "#tlpmatrix" + UUID.randomUUID().toString().substring(0, 8);
            String id = share(ministry, indicator("HASHTAG", value, tlp, names ? List.of(DemoClients.PLATFORM_A) : List.of(),
                    tlp.equals("AMBER") ? List.of(groupId) : List.of()));
            for (int r = 0; r < READERS.size(); r++) {
                String org = READERS.get(r);
                HubClient c = clients.get(org);
                boolean sees = marking.getValue()[r];
                int status = sees ? 200 : 404;
                check(leaks, tlp, org, "get", status, c.get("/api/v1/indicators/" + id));
                check(leaks, tlp, org, "versions", status, c.get("/api/v1/indicators/" + id + "/versions"));
                check(leaks, tlp, org, "sightings", status, c.get("/api/v1/indicators/" + id + "/sightings"));
                HubResponse list = c.get("/api/v1/indicators?type=HASHTAG&value=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
                boolean listed = list.status() == 200 && parse(list.body()).getJsonArray("indicators").getValuesAs(JsonObject.class)
                        .stream().anyMatch(i -> id.equals(i.getString("id")));
                if (listed != sees) {
                    leaks.add(tlp + " " + org + " list: listed=" + listed);
                }
                boolean told = inboxAfter(c, cursors.get(org)).stream().anyMatch(e -> id.equals(e.getString("indicatorId", null)));
                boolean shouldBeTold = sees && !org.equals(DemoClients.MINISTRY); // the author is not told of its own act
                if (told != shouldBeTold) {
                    leaks.add(tlp + " " + org + " inbox: told=" + told);
                }
                boolean exported = StixTaxiiIT.ids(StixTaxiiIT.export(c, "?type=HASHTAG&value="
                        + URLEncoder.encode(value, StandardCharsets.UTF_8))).contains(id);
                if (exported != (sees && !tlp.equals("RED"))) {
                    leaks.add(tlp + " " + org + " STIX export: exported=" + exported);
                }
                boolean served = false;
                for (JsonObject collection : StixTaxiiIT.collectionList(taxii.get(org))) {
                    String cid = collection.getString("id");
                    JsonObject page = TaxiiClient.ok(taxii.get(org).get("/taxii2/hub/collections/" + cid
                            + "/objects/?match%5Bid%5D=" + id));
                    boolean here = page.containsKey("objects");
                    int direct = taxii.get(org).get("/taxii2/hub/collections/" + cid + "/objects/" + id + "/").statusCode();
                    if (direct != (here ? 200 : 404)) {
                        leaks.add(tlp + " " + org + " TAXII " + collection.getString("title") + ": object " + direct
                                + " but listed=" + here);
                    }
                    if (here && tlp.equals("RED") && !collection.getString("title").startsWith("Shared with")
                            && !collection.getString("title").startsWith("Published by")) {
                        leaks.add(tlp + " " + org + " TAXII: RED in " + collection.getString("title"));
                    }
                    served |= here;
                }
                if (served != sees) {
                    leaks.add(tlp + " " + org + " TAXII: served=" + served);
                }
            }
        }
        assertEquals(List.of(), leaks);
    }

    private static void check(List<String> leaks, String tlp, String org, String path, int expected, HubResponse r) {
        if (r.status() != expected) {
            leaks.add(tlp + " " + org + " " + path + ": " + r.status() + " (expected " + expected + ")");
        } else if (expected == 404 && !"urn:electionpool:problem:not-found".equals(r.problemType().map(Object::toString).orElse(null))) {
            leaks.add(tlp + " " + org + " " + path + ": 404 without the never-issued problem");
        }
    }
}
