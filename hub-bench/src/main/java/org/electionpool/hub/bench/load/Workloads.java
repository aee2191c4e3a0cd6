package org.electionpool.hub.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.electionpool.hub.bench.CaseCreationLoad;
import org.electionpool.hub.protocol.json.StrictJson;

/**
 * The workloads of {@link HubLoad}, by name ({@link LoadOptions#WORKLOADS}):
 * <ul>
 *   <li>{@code create-case} — {@code ministry-of-justice-fi} POSTs the documented removal order
 *       ({@code docs/examples/removal-order.json}) to {@code platform-alpha}, a fresh {@code clientRef}
 *       per request: {@code 201};</li>
 *   <li>{@code read-case} — {@code platform-alpha} GETs one of {@code seed} cases seeded before the run,
 *       in turn: {@code 200} (an audited read: a receipt on every answer);</li>
 *   <li>{@code inbox} — {@code platform-alpha} works its inbox, in turns of three: polls
 *       {@code /api/v1/inbox} after the cursor it held before the seed ({@code 200}), acknowledges one
 *       of the seeded new cases ({@code 200}; each once, then the turn answers an item instead), and
 *       answers an item of one of the seeded acknowledged cases ({@code PUT …/items/{n}/response},
 *       {@code 200}; consecutive answers go to different cases);</li>
 *   <li>{@code share-indicator} — {@code ministry-of-justice-fi} POSTs the documented indicator
 *       ({@code docs/examples/indicator.json}, AMBER to {@code platform-alpha}), a fresh {@code clientRef}
 *       per request: {@code 201};</li>
 *   <li>{@code mix} — per ten requests: four {@code read-case}, two each of {@code create-case},
 *       {@code inbox} and {@code share-indicator}.</li>
 * </ul>
 */
public final class Workloads {

    static final String MINISTRY = "ministry-of-justice-fi";
    static final String PLATFORM = "platform-alpha";
    private static final Pattern CLIENT_REF = Pattern.compile("\"clientRef\"\\s*:\\s*\"[^\"]*\"");

    /** The item response the inbox workload sends (docs/api.md, Item responses). */
    static final String ITEM_RESPONSE = "{\"outcome\":\"REMOVED\",\"actionTakenAt\":\"2027-04-12T08:05:00Z\","
            + "\"statement\":{\"decisionVisibility\":\"DECISION_VISIBILITY_CONTENT_REMOVED\","
            + "\"decisionGround\":\"DECISION_GROUND_ILLEGAL_CONTENT\","
            + "\"category\":\"STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS\","
            + "\"automatedDetection\":false,\"automatedDecision\":\"AUTOMATED_DECISION_NOT_AUTOMATED\","
            + "\"territorialScope\":[\"FI\"],\"facts\":\"Removed on the order OM 42/2027.\"}}";

    private Workloads() {
    }

    /**
     * @param options the run's options (workload name, seed, body files)
     * @param runId   a token unique to the run, part of every {@code clientRef}
     * @return the workload the options name
     */
    public static Workload of(LoadOptions options, String runId) {
        return switch (options.workload()) {
            case "create-case" -> new CreateCase(read(options.caseBody()), runId);
            case "read-case" -> new ReadCase(read(options.caseBody()), runId, options.seed());
            case "inbox" -> new Inbox(read(options.caseBody()), runId, options.seed());
            case "share-indicator" -> new ShareIndicator(read(options.indicatorBody()), runId);
            case "mix" -> new Mix(List.of(
                    new ReadCase(read(options.caseBody()), runId + "r", options.seed()),
                    new CreateCase(read(options.caseBody()), runId),
                    new Inbox(read(options.caseBody()), runId + "i", options.seed()),
                    new ShareIndicator(read(options.indicatorBody()), runId)),
                    new int[] {0, 1, 0, 2, 3, 0, 1, 0, 2, 3});
            default -> throw new IllegalArgumentException("unknown workload " + options.workload());
        };
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (run from the repository's root, or name the file)", e);
        }
    }

    /** @return {@code template} with its {@code clientRef} member set to {@code clientRef} */
    static String withClientRef(String template, String clientRef) {
        Matcher ref = CLIENT_REF.matcher(template);
        if (!ref.find()) {
            throw new IllegalArgumentException("the body has no clientRef member");
        }
        return ref.replaceFirst(Matcher.quoteReplacement("\"clientRef\":\"" + clientRef + "\""));
    }

    /** @return the string member {@code name} of the JSON object {@code json} */
    static String member(String json, String name) {
        if (StrictJson.parse(json, 32) instanceof Map<?, ?> map && map.get(name) instanceof String value) {
            return value;
        }
        throw new IllegalStateException("no string member " + name + " in the answer");
    }

    /** Creates {@code count} cases from the ministry to the platform and returns their ids. */
    static List<String> seedCases(Workload.Seeder seeder, String template, String runId, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(member(seeder.send(new Call(MINISTRY, "seed case", "POST", "/api/v1/cases",
                    CaseCreationLoad.withClientRef(template, "load-seed-" + runId + "-" + i), 201)), "id"));
        }
        return ids;
    }

    /** The documented removal order, fresh {@code clientRef} per request. */
    static final class CreateCase implements Workload {
        private final String template;
        private final String runId;

        CreateCase(String template, String runId) {
            this.template = template;
            CaseCreationLoad.withClientRef(template, "check"); // fails early without clientRef
            this.runId = runId;
        }

        @Override
        public Set<String> organizations() {
            return Set.of(MINISTRY);
        }

        @Override
        public void prepare(Seeder seeder) {
        }

        @Override
        public Call call(long seq) {
            return new Call(MINISTRY, "POST /cases", "POST", "/api/v1/cases",
                    CaseCreationLoad.withClientRef(template, "load-" + runId + "-" + seq), 201);
        }
    }

    /** GET of seeded cases, in turn. */
    static final class ReadCase implements Workload {
        private final String template;
        private final String runId;
        private final int seed;
        private List<String> ids = List.of();

        ReadCase(String template, String runId, int seed) {
            this.template = template;
            this.runId = runId;
            this.seed = seed;
        }

        @Override
        public Set<String> organizations() {
            return Set.of(MINISTRY, PLATFORM);
        }

        @Override
        public void prepare(Seeder seeder) {
            ids = seedCases(seeder, template, runId, seed);
        }

        @Override
        public Call call(long seq) {
            return new Call(PLATFORM, "GET /cases/{id}", "GET", "/api/v1/cases/" + ids.get((int) (seq % ids.size())), null, 200);
        }
    }

    /** Poll, acknowledge, answer an item: the platform's side of the exchange. */
    static final class Inbox implements Workload {
        private final String template;
        private final String runId;
        private final int seed;
        private String cursor;
        private List<String> fresh = List.of();
        private List<String> acknowledged = List.of();

        Inbox(String template, String runId, int seed) {
            this.template = template;
            this.runId = runId;
            this.seed = seed;
        }

        @Override
        public Set<String> organizations() {
            return Set.of(MINISTRY, PLATFORM);
        }

        @Override
        public void prepare(Seeder seeder) {
            String after = null;
            while (true) {
                String page = seeder.send(new Call(PLATFORM, "seed inbox", "GET",
                        "/api/v1/inbox?limit=500" + (after == null ? "" : "&after=" + after), null, 200));
                String next = member(page, "next");
                if (next.equals(after) || page.contains("\"events\":[]")) {
                    after = next;
                    break;
                }
                after = next;
            }
            cursor = after;
            fresh = seedCases(seeder, template, runId + "n", seed);
            acknowledged = seedCases(seeder, template, runId + "a", seed);
            for (String id : acknowledged) {
                seeder.send(new Call(PLATFORM, "seed ack", "POST", "/api/v1/cases/" + id + "/transitions",
                        "{\"action\":\"ACKNOWLEDGE\"}", 200));
            }
        }

        @Override
        public Call call(long seq) {
            long turn = seq / 3;
            int step = (int) (seq % 3);
            if (step == 0) {
                return new Call(PLATFORM, "GET /inbox", "GET", "/api/v1/inbox?limit=50&after=" + cursor, null, 200);
            }
            if (step == 1 && turn < fresh.size()) {
                return new Call(PLATFORM, "POST /cases/{id}/transitions", "POST",
                        "/api/v1/cases/" + fresh.get((int) turn) + "/transitions", "{\"action\":\"ACKNOWLEDGE\"}", 200);
            }
            // Answers in turn over the acknowledged cases, item 1, 2, 3 on successive rounds; the
            // acknowledgement slots, once spent, answer too (from the other end of the round).
            long answer = step == 2 ? 2 * turn : 2 * turn + 1;
            int n = acknowledged.size();
            String id = acknowledged.get((int) (answer % n));
            int item = (int) ((answer / n) % 3) + 1;
            return new Call(PLATFORM, "PUT /cases/{id}/items/{n}/response", "PUT",
                    "/api/v1/cases/" + id + "/items/" + item + "/response", ITEM_RESPONSE, 200);
        }
    }

    /** The documented indicator, fresh {@code clientRef} per request. */
    static final class ShareIndicator implements Workload {
        private final String template;
        private final String runId;

        ShareIndicator(String template, String runId) {
            this.template = template;
            withClientRef(template, "check");
            this.runId = runId;
        }

        @Override
        public Set<String> organizations() {
            return Set.of(MINISTRY);
        }

        @Override
        public void prepare(Seeder seeder) {
        }

        @Override
        public Call call(long seq) {
            return new Call(MINISTRY, "POST /indicators", "POST", "/api/v1/indicators",
                    withClientRef(template, "load-ind-" + runId + "-" + seq), 201);
        }
    }

    /** Interleaves workloads by a fixed pattern of indexes; each gets its own consecutive sequence. */
    static final class Mix implements Workload {
        private final List<Workload> parts;
        private final int[] pattern;
        private final int[] before;
        private final int[] perRound;

        Mix(List<Workload> parts, int[] pattern) {
            this.parts = parts;
            this.pattern = pattern.clone();
            this.before = new int[pattern.length];
            this.perRound = new int[parts.size()];
            for (int i = 0; i < pattern.length; i++) {
                before[i] = perRound[pattern[i]]++;
            }
        }

        @Override
        public Set<String> organizations() {
            Set<String> all = new LinkedHashSet<>();
            parts.forEach(p -> all.addAll(p.organizations()));
            return all;
        }

        @Override
        public void prepare(Seeder seeder) {
            parts.forEach(p -> p.prepare(seeder));
        }

        @Override
        public Call call(long seq) {
            int slot = (int) (seq % pattern.length);
            int part = pattern[slot];
            return parts.get(part).call(seq / pattern.length * perRound[part] + before[slot]);
        }
    }
}
