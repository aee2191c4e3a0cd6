package org.electionpool.hub.it;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.UUID;
import org.electionpool.hub.client.HubClient;
import org.electionpool.hub.client.HubResponse;

/** Request bodies and calls the indicator ITs share. */
final class IndicatorRequests {

    private IndicatorRequests() {
    }

    /** @return an indicator body: a URL under {@code tlp} shared with the organisations and groups given */
    static String indicator(String tlp, List<String> organizations, List<String> groups) {
        return indicator("URL", "https://forged-ministry.example/vote-by-sms/" + UUID.randomUUID(), tlp, organizations, groups);
    }

    /** @return an indicator body of any type and value */
    static String indicator(String type, String value, String tlp, List<String> organizations, List<String> groups) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("clientRef", "ind-" + UUID.randomUUID())
                .add("type", type)
                .add("value", value)
                .add("description", "Forged 'vote by SMS' instructions posing as the Ministry of Justice")
                .add("tlp", tlp)
                .add("confidence", 80)
                .add("techniques", Json.createArrayBuilder().add("T0097.111").add("T0143.003"))
                .add("election", "fi-parliamentary-2027");
        if (!organizations.isEmpty() || !groups.isEmpty()) {
            b.add("distribution", Json.createObjectBuilder().add("organizations", array(organizations))
                    .add("groups", array(groups)));
        }
        return b.build().toString();
    }

    /** @return a sighting body under {@code tlp} (or the indicator's when {@code null}) shared with the groups given */
    static String sighting(String tlp, List<String> groups) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("clientRef", "sig-" + UUID.randomUUID())
                .add("count", 42)
                .add("firstSeen", "2026-11-30T08:00:00Z")
                .add("lastSeen", "2026-12-01T18:00:00Z")
                .add("territories", Json.createArrayBuilder().add("FI"))
                .add("action", "REMOVED");
        if (tlp != null) {
            b.add("tlp", tlp);
        }
        if (!groups.isEmpty()) {
            b.add("distribution", Json.createObjectBuilder().add("groups", array(groups)));
        }
        return b.build().toString();
    }

    /** @return the id of a new sharing group of {@code owner} with the members given */
    static String group(HubClient owner, List<String> members) {
        HubResponse r = owner.post("/api/v1/sharing-groups", Json.createObjectBuilder()
                .add("name", "group " + UUID.randomUUID()).add("members", array(members)).build().toString());
        if (r.status() != 201) {
            throw new AssertionError("group: " + r.status() + " " + r.body());
        }
        return CaseRequests.parse(r.body()).getString("id");
    }

    /** @return the id of a new indicator */
    static String share(HubClient author, String body) {
        HubResponse r = author.post("/api/v1/indicators", body);
        if (r.status() != 201) {
            throw new AssertionError("indicator: " + r.status() + " " + (r.body() == null ? r.problem() : r.body()));
        }
        return CaseRequests.parse(r.body()).getString("id");
    }

    /** @return the id of a new sighting */
    static String report(HubClient reporter, String indicator, String body) {
        HubResponse r = reporter.post("/api/v1/indicators/" + indicator + "/sightings", body);
        if (r.status() != 201) {
            throw new AssertionError("sighting: " + r.status() + " " + r.body());
        }
        return CaseRequests.parse(r.body()).getString("id");
    }

    /** @return the ids of the indicators of {@code client}'s inbox events after {@code cursor} */
    static List<JsonObject> inboxAfter(HubClient client, String cursor) {
        HubResponse page = client.get("/api/v1/inbox?limit=500" + (cursor == null ? "" : "&after=" + cursor));
        return CaseRequests.parse(page.body()).getJsonArray("events").getValuesAs(JsonObject.class);
    }

    private static JsonArrayBuilder array(List<String> values) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        values.forEach(a::add);
        return a;
    }
}
