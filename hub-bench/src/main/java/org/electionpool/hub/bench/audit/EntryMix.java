package org.electionpool.hub.bench.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.protocol.json.CanonicalJson;
import org.electionpool.hub.api.organizations.OrganizationId;
import org.electionpool.hub.api.security.Caller;

/**
 * A deterministic stream of plausible audit entries, shaped like the hub's own calls of
 * {@code append} (CaseServiceBean, DeadlineMarker, AuditLogBean's audited reads):
 *
 * <table>
 *   <caption>the mix</caption>
 *   <tr><th>share</th><th>action</th><th>channel, actor</th><th>details</th></tr>
 *   <tr><td>15 %</td><td>{@code case.created}</td><td>API, an authority</td><td>kind, addressee, items, priority</td></tr>
 *   <tr><td>30 %</td><td>{@code case.read}</td><td>API, authority or platform</td><td>none</td></tr>
 *   <tr><td>15 %</td><td>{@code case.item.responded}</td><td>API, a platform</td><td>item, outcome</td></tr>
 *   <tr><td>10 %</td><td>{@code case.message.posted}</td><td>API, either</td><td>item (half of them)</td></tr>
 *   <tr><td>10 %</td><td>{@code case.transitioned}</td><td>API, either</td><td>from, to</td></tr>
 *   <tr><td>10 %</td><td>{@code case.list.read}</td><td>API, either</td><td>count</td></tr>
 *   <tr><td>5 %</td><td>{@code case.overdue}</td><td>SYSTEM, {@code deadline-watch}</td><td>deadline</td></tr>
 *   <tr><td>5 %</td><td>{@code audit.entries.read}</td><td>API, an auditor</td><td>from, to</td></tr>
 * </table>
 *
 * <p>Every API entry carries evidence: a compact-JWS-shaped string (base64url header, a claims set
 * with {@code aud}, {@code iss}, {@code jti}, {@code iat}, {@code htm}, {@code htu} and, for writes,
 * the request body, and 64 random bytes where the ES256 signature would be). The audit log only
 * stores it and commits to its SHA-256, so it is not a verifiable signature. Case ids repeat (a pool
 * of recent cases), as targets do in a real log.
 */
public final class EntryMix {

    /**
     * One entry to append.
     *
     * @param context    who acted
     * @param action     the action
     * @param targetType the target type, or {@code null}
     * @param targetId   the target id, or {@code null}
     * @param details    action-specific members
     */
    public record Entry(AuditContext context, String action, String targetType, String targetId,
                        Map<String, Object> details) {
    }

    private static final String[] AUTHORITIES = {"auth-electoral-commission", "auth-interior-ministry", "auth-media-regulator"};
    private static final String[] PLATFORMS = {"platform-socialnet", "platform-videoshare", "platform-microblog",
        "platform-forum"};
    private static final String AUDITOR = "auditor-court";
    private static final AuditContext WATCH = AuditContext.system("deadline-watch");
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final Random random;
    private final String[] cases = new String[256];
    private long count;

    /** @param seed the seed: the same seed gives the same entries (nonces and clock aside) */
    public EntryMix(long seed) {
        this.random = new Random(seed);
        for (int i = 0; i < cases.length; i++) {
            cases[i] = newCase();
        }
    }

    private String newCase() {
        return "case-" + new UUID(random.nextLong(), random.nextLong());
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    /**
     * @param now the instant the entry is recorded at; the request was received a little earlier
     * @return the next entry
     */
    public Entry next(Instant now) {
        count++;
        int roll = random.nextInt(100);
        String someCase = cases[random.nextInt(cases.length)];
        if (roll < 15) {
            String created = newCase();
            cases[random.nextInt(cases.length)] = created;
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("clientRef", "REF-" + count);
            body.put("kind", "REMOVAL_ORDER");
            body.put("addressee", pick(PLATFORMS));
            body.put("legalBasis", "Art. 9 Regulation (EU) 2022/2065; national electoral law s. 12");
            body.put("items", java.util.List.of(Map.of("type", "URL", "value", "https://social.example/p/" + random.nextInt(1 << 30)),
                    Map.of("type", "URL", "value", "https://social.example/p/" + random.nextInt(1 << 30))));
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("kind", "REMOVAL_ORDER");
            details.put("addressee", body.get("addressee"));
            details.put("items", 2);
            details.put("priority", random.nextBoolean() ? "URGENT" : "NORMAL");
            return new Entry(api(pick(AUTHORITIES), "POST", "/api/v1/cases", body, now), "case.created", "case", created,
                    details);
        }
        if (roll < 45) {
            String org = random.nextBoolean() ? pick(AUTHORITIES) : pick(PLATFORMS);
            return new Entry(api(org, "GET", "/api/v1/cases/" + someCase, null, now), "case.read", "case", someCase,
                    Map.of());
        }
        if (roll < 60) {
            int item = random.nextInt(2);
            String outcome = random.nextInt(4) == 0 ? "NO_ACTION" : "REMOVED";
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("outcome", outcome);
            body.put("actionTakenAt", now.minusSeconds(60).toString());
            body.put("statement", Map.of("decisionGround", "ILLEGAL_CONTENT", "facts", "Content removed after review."));
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("item", item);
            details.put("outcome", outcome);
            return new Entry(api(pick(PLATFORMS), "PUT", "/api/v1/cases/" + someCase + "/items/" + item, body, now),
                    "case.item.responded", "case", someCase, details);
        }
        if (roll < 70) {
            boolean onItem = random.nextBoolean();
            Map<String, Object> body = Map.of("text", "Please confirm the removal of item 1; the order is attached.");
            String org = random.nextBoolean() ? pick(AUTHORITIES) : pick(PLATFORMS);
            return new Entry(api(org, "POST", "/api/v1/cases/" + someCase + "/messages", body, now), "case.message.posted",
                    "case", someCase, onItem ? Map.of("item", random.nextInt(2)) : Map.of());
        }
        if (roll < 80) {
            Map<String, Object> body = Map.of("status", "ACKNOWLEDGED");
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("from", "SUBMITTED");
            details.put("to", "ACKNOWLEDGED");
            return new Entry(api(pick(PLATFORMS), "POST", "/api/v1/cases/" + someCase + "/transitions", body, now),
                    "case.transitioned", "case", someCase, details);
        }
        if (roll < 90) {
            String org = random.nextBoolean() ? pick(AUTHORITIES) : pick(PLATFORMS);
            return new Entry(api(org, "GET", "/api/v1/cases?status=SUBMITTED", null, now), "case.list.read", null, null,
                    Map.of("count", random.nextInt(50)));
        }
        if (roll < 95) {
            return new Entry(WATCH, "case.overdue", "case", someCase,
                    Map.of("deadline", now.minusSeconds(1 + random.nextInt(3600)).toString()));
        }
        long to = Math.max(1, count - random.nextInt(1000));
        long from = Math.max(0, to - 1000);
        return new Entry(api(AUDITOR, "GET", "/api/v1/audit/entries?from=" + from + "&to=" + to, null, now),
                "audit.entries.read", "audit_log", null, Map.of("from", from, "to", to));
    }

    private AuditContext api(String org, String method, String path, Map<String, Object> body, Instant now) {
        String kid = org + "-sig-2026";
        String jti = new UUID(random.nextLong(), random.nextLong()).toString();
        Instant receivedAt = now.minusMillis(2 + random.nextInt(20));
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", org);
        claims.put("aud", "https://hub.example");
        claims.put("jti", jti);
        claims.put("iat", receivedAt.getEpochSecond());
        claims.put("htm", method);
        claims.put("htu", "https://hub.example" + path);
        if (body != null) {
            claims.put("body", body);
        }
        byte[] signature = new byte[64];
        random.nextBytes(signature);
        String evidence = URL.encodeToString(("{\"alg\":\"ES256\",\"kid\":\"" + kid + "\",\"typ\":\"hxp+jwt\"}")
                .getBytes(StandardCharsets.UTF_8)) + "." + URL.encodeToString(CanonicalJson.write(claims)) + "."
                + URL.encodeToString(signature);
        String bodySha256 = body == null ? null : AuditContext.sha256(CanonicalJson.write(body));
        return new AuditContext(Caller.Channel.API, new OrganizationId(org), kid, jti, evidence, bodySha256, receivedAt);
    }
}
