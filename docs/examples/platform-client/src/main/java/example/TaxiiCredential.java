package example;

import java.net.URI;
import java.nio.file.Path;
import org.electionpool.hub.client.HubClient;
import org.electionpool.hub.client.HubClientException;
import org.electionpool.hub.client.HubResponse;

/**
 * Issues a TAXII 2.1 credential for a CTI tool (OpenCTI, MISP, taxii2-client) over HXP/1, so that
 * issuing it is a signed act of the organisation in the audit log (docs/taxii.md). Prints the
 * answer {@code {"username","token",…}}: the only time the token is shown.
 *
 * <p>Arguments (all optional): the hub's URL, the organisation id, its private JWK Set file, the label.
 */
public class TaxiiCredential {

    public static void main(String[] args) {
        URI hubUrl = URI.create(args.length > 0 ? args[0] : "http://localhost:8080");
        String org = args.length > 1 ? args[1] : "platform-alpha";
        Path keys = Path.of(args.length > 2 ? args[2]
                : "hub-ear/target/server/standalone/data/hub/dev-keys/" + org + ".jwks.json");
        String label = args.length > 3 ? args[3] : "CTI tool";
        HubClient hub = HubClient.builder().hub(hubUrl).organization(org).privateJwks(keys).build();
        try {
            HubResponse issued = hub.post("/api/v1/taxii/credentials",
                    "{\"label\":\"" + label.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
            if (!issued.isSuccess()) {
                System.err.println("credential: " + issued.status() + " " + issued.problem());
                System.exit(1);
            }
            System.out.println(issued.body());
        } catch (HubClientException e) {
            System.err.println("hub: " + e.getMessage());
            System.exit(2);
        }
    }
}
