package example;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.electionpool.hub.client.HubClient;
import org.electionpool.hub.client.HubClientException;
import org.electionpool.hub.client.HubResponse;

/**
 * A platform's first steps with the hub: poll the inbox, read every case it names, acknowledge the
 * new ones. Every request is signed by the platform and encrypted to the hub; every answer is
 * decrypted, its signature verified, and its audit receipt checked against the log.
 *
 * <p>Arguments (all optional): the hub's URL, the platform's organisation id, its private JWK Set
 * file, and the inbox cursor to resume after.
 */
public class PlatformExample {

    private static final Pattern EVENT = Pattern.compile("\\{[^{}]*\\}");
    private static final Pattern CASE_ID = Pattern.compile("\"caseId\":\"([^\"]+)\"");
    private static final Pattern NEXT = Pattern.compile("\"next\":\"([^\"]*)\"");

    public static void main(String[] args) {
        URI hubUrl = URI.create(args.length > 0 ? args[0] : "http://localhost:8080");
        String org = args.length > 1 ? args[1] : "platform-alpha";
        Path keys = Path.of(args.length > 2 ? args[2]
                : "hub-ear/target/server/standalone/data/hub/dev-keys/" + org + ".jwks.json");
        String after = args.length > 3 ? args[3] : null;

        HubClient hub = HubClient.builder().hub(hubUrl).organization(org).privateJwks(keys).build();
        try {
            // 1. Poll the inbox. Store "next" and send it back as "after" on the next poll.
            HubResponse inbox = hub.get("/api/v1/inbox?limit=100" + (after == null ? "" : "&after=" + after));
            if (!inbox.isSuccess()) {
                System.err.println("inbox: " + inbox.status() + " " + inbox.problem());
                System.exit(1);
            }
            // (A real platform parses with its JSON library; a pattern keeps this example dependency-free.)
            Set<String> created = new LinkedHashSet<>();
            Matcher event = EVENT.matcher(inbox.body());
            while (event.find()) {
                Matcher id = CASE_ID.matcher(event.group());
                if (event.group().contains("\"type\":\"case.created\"") && id.find()) {
                    created.add(id.group(1));
                }
            }
            Matcher next = NEXT.matcher(inbox.body());
            System.out.println("inbox: " + created.size() + " new case(s), next cursor "
                    + (next.find() ? next.group(1) : "?"));

            for (String caseId : created) {
                // 2. Read the case: its items, deadline and state (the read is itself an audit entry).
                HubResponse c = hub.get("/api/v1/cases/" + caseId);
                System.out.println("case " + caseId + ": " + c.status());

                // 3. Acknowledge it: a change, so the answer carries an audit receipt the client has
                //    already verified (inclusion in a signed checkpoint) before returning.
                HubResponse ack = hub.post("/api/v1/cases/" + caseId + "/transitions",
                        "{\"action\":\"ACKNOWLEDGE\",\"note\":\"received by the trust and safety team\"}");
                System.out.println("acknowledged " + caseId + ": " + ack.status()
                        + (ack.isSuccess() ? " receipt verified" : " " + ack.problemType().orElse("?")));
            }
        } catch (HubClientException e) {
            // The hub could not be reached, or an answer or its receipt did not verify.
            System.err.println("hub: " + e.getMessage());
            System.exit(2);
        }
    }
}
