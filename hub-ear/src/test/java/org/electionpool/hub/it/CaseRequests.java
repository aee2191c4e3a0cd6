package org.electionpool.hub.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.electionpool.hub.client.HubClient;
import org.electionpool.hub.client.HubResponse;

/** Case bodies for the integration tests, built from the shipped example docs/examples/removal-order.json. */
public final class CaseRequests {

    private CaseRequests() {
    }

    static JsonObject parse(String json) {
        try (JsonReader r = Json.createReader(new StringReader(json))) {
            return r.readObject();
        }
    }

    /** @return the shipped example, exactly as a user would send it */
    static String example() {
        Path file = Path.of(System.getProperty("hub.examples.dir", "../docs/examples"), "removal-order.json");
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the example with a fresh clientRef and the given addressee */
    static String removalOrder(String addressee) {
        return Json.createObjectBuilder(parse(example()))
                .add("clientRef", "it-" + UUID.randomUUID())
                .add("addressee", addressee)
                .build().toString();
    }

    /** Creates a removal order from the ministry to {@code addressee}; @return the new case's id */
    public static String create(HubClient authority, String addressee) {
        HubResponse created = authority.post("/api/v1/cases", removalOrder(addressee));
        if (created.status() != 201) {
            throw new AssertionError("case not created: " + created.status() + " " + created.problem());
        }
        return parse(created.body()).getString("id");
    }

    static String transition(String action, String note) {
        return Json.createObjectBuilder().add("action", action).add("note", note == null ? "" : note).build().toString();
    }

    static String response(String outcome, String tcoReason) {
        var b = Json.createObjectBuilder().add("outcome", outcome).add("actionTakenAt", "2027-04-12T08:05:00Z")
                .add("statement", Json.createObjectBuilder()
                        .add("decisionVisibility", "DECISION_VISIBILITY_CONTENT_REMOVED")
                        .add("decisionGround", "DECISION_GROUND_ILLEGAL_CONTENT")
                        .add("category", "STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS")
                        .add("automatedDetection", false)
                        .add("automatedDecision", "AUTOMATED_DECISION_NOT_AUTOMATED")
                        .add("territorialScope", Json.createArrayBuilder().add("FI"))
                        .add("facts", "Removed on the order of the Ministry of Justice (OM 42/2027)."));
        if (tcoReason != null) {
            b.add("tcoReason", tcoReason);
        }
        return b.build().toString();
    }

    /** @return the cursor after every event the organisation has now */
    static String inboxEnd(HubClient client) {
        String cursor = null;
        while (true) {
            HubResponse page = client.get("/api/v1/inbox?limit=500" + (cursor == null ? "" : "&after=" + cursor));
            JsonObject body = parse(page.body());
            if (body.getJsonArray("events").isEmpty()) {
                return body.getString("next");
            }
            cursor = body.getString("next");
        }
    }
}
