package org.electionpool.hub.verifier;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.electionpool.hub.client.HubClient;
import org.electionpool.hub.client.HubClientException;
import org.electionpool.hub.client.HubResponse;
import org.electionpool.hub.protocol.hxp.Hxp;
import org.electionpool.hub.protocol.json.StrictJson;

/**
 * The online half of an audit, kept apart from the offline checks:
 * {@code java -jar hub-audit-verifier.jar fetch …} asks the hub, as an auditor organisation over
 * HXP/1 ({@link HubClient}, which verifies the answer and its audit receipt), for an evidence
 * bundle or a full export and writes it to a file, then prints the log's published verifier key
 * for {@code --key}. Nothing it fetched is trusted: the offline verifier checks the file.
 */
final class AuditFetch {

    static final String USAGE = """
            usage: java -jar hub-audit-verifier.jar fetch --hub <url> --org <auditor org id>
                       --jwks <private JWK Set file> (--export [--size N] | --bundle <type> <id>) --out <file>

            Fetches an evidence bundle or a full export over HXP/1 as an auditor organisation and
            writes it to <file>; prints the log's verifier key (audit_log.verifier_key of
            /.well-known/hxp-configuration) to pass as --key when verifying the file.""";

    private AuditFetch() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        String hub = null;
        String org = null;
        String jwks = null;
        String outFile = null;
        String size = null;
        String type = null;
        String id = null;
        boolean export = false;
        try {
            for (int i = 0; i < args.size(); i++) {
                switch (args.get(i)) {
                    case "--hub" -> hub = args.get(++i);
                    case "--org" -> org = args.get(++i);
                    case "--jwks" -> jwks = args.get(++i);
                    case "--out" -> outFile = args.get(++i);
                    case "--size" -> size = args.get(++i);
                    case "--export" -> export = true;
                    case "--bundle" -> {
                        type = args.get(++i);
                        id = args.get(++i);
                    }
                    case "--help", "-h" -> {
                        out.println(USAGE);
                        return AuditVerifier.EXIT_OK;
                    }
                    default -> throw new IllegalArgumentException("unknown argument " + args.get(i));
                }
            }
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            err.println(e instanceof IndexOutOfBoundsException ? "missing value after the last option" : e.getMessage());
            err.println(USAGE);
            return AuditVerifier.EXIT_USAGE;
        }
        if (hub == null || org == null || jwks == null || outFile == null || export == (type != null)
                || (size != null && !size.matches("[0-9]{1,18}"))) {
            err.println(USAGE);
            return AuditVerifier.EXIT_USAGE;
        }
        String target = export ? "/api/v1/audit/export" + (size == null ? "" : "?size=" + size)
                : "/api/v1/audit/bundle?target_type=" + URLEncoder.encode(type, StandardCharsets.UTF_8)
                        + "&target_id=" + URLEncoder.encode(id, StandardCharsets.UTF_8);
        try {
            URI base = URI.create(hub.endsWith("/") ? hub : hub + "/");
            HubClient client = HubClient.builder().hub(base).organization(org).privateJwks(Path.of(jwks)).build();
            HubResponse response = client.get(target);
            if (!response.isSuccess()) {
                err.println("the hub answered " + response.status() + ": " + response.problem());
                return AuditVerifier.EXIT_FAILED;
            }
            Files.writeString(Path.of(outFile), response.body(), StandardCharsets.UTF_8);
            out.println("wrote " + outFile);
            out.println("verifier key: " + verifierKey(base));
            return AuditVerifier.EXIT_OK;
        } catch (HubClientException | IOException | IllegalArgumentException e) {
            err.println("fetch failed: " + e.getMessage());
            return AuditVerifier.EXIT_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return AuditVerifier.EXIT_FAILED;
        }
    }

    private static String verifierKey(URI hub) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String json = http.send(HttpRequest.newBuilder(hub.resolve(Hxp.CONFIGURATION_PATH)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        if (StrictJson.parse(json, Hxp.MAX_JSON_DEPTH) instanceof Map<?, ?> document
                && document.get("audit_log") instanceof Map<?, ?> log && log.get("verifier_key") instanceof String key) {
            return key;
        }
        throw new IOException("the discovery document has no audit_log.verifier_key");
    }
}
