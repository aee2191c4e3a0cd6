package org.electionpool.hub.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The workloads' calls, with a fake seeder (no hub): examples from ../docs/examples. */
class WorkloadsTest {

    private static LoadOptions options(String workload, int seed) {
        return LoadOptions.parse("--workload", workload, "--seed", Integer.toString(seed),
                "--case-body", "../docs/examples/removal-order.json", "--indicator-body", "../docs/examples/indicator.json");
    }

    /** Answers seeding as the hub would, just enough: case ids, an inbox page, an acknowledgement. */
    private static final class FakeSeeder implements Workload.Seeder {
        final List<Call> calls = new ArrayList<>();

        @Override
        public String send(Call call) {
            calls.add(call);
            if (call.target().startsWith("/api/v1/inbox")) {
                return call.target().contains("after=") ? "{\"events\":[],\"next\":\"c9\"}"
                        : "{\"events\":[{\"cursor\":\"c9\"}],\"next\":\"c9\"}";
            }
            if (call.target().equals("/api/v1/cases")) {
                return "{\"id\":\"case-" + calls.size() + "\"}";
            }
            return "{}";
        }
    }

    @Test
    void createCaseSendsTheExampleToPlatformAlphaWithAFreshClientRefEachTime() {
        Workload w = Workloads.of(options("create-case", 1), "run1");
        assertEquals(Set.of("ministry-of-justice-fi"), w.organizations());
        Set<String> bodies = new HashSet<>();
        for (long seq = 0; seq < 100; seq++) {
            Call c = w.call(seq);
            assertEquals("POST", c.method());
            assertEquals("/api/v1/cases", c.target());
            assertEquals(201, c.expectedStatus());
            assertTrue(c.body().contains("\"clientRef\":\"load-run1-" + seq + "\""), c.body());
            assertTrue(c.body().contains("\"addressee\":\"platform-alpha\""));
            bodies.add(c.body());
        }
        assertEquals(100, bodies.size());
        assertEquals(w.call(7), w.call(7), "a pure function of seq, so it can be sealed ahead");
    }

    @Test
    void shareIndicatorSendsTheExampleIndicatorWithAFreshClientRef() {
        Workload w = Workloads.of(options("share-indicator", 1), "r");
        Call c = w.call(3);
        assertEquals("/api/v1/indicators", c.target());
        assertEquals(201, c.expectedStatus());
        assertTrue(c.body().contains("\"clientRef\":\"load-ind-r-3\"") && c.body().contains("\"tlp\": \"AMBER\""), c.body());
    }

    @Test
    void readCaseReadsTheSeededCasesInTurnAsThePlatform() {
        Workload w = Workloads.of(options("read-case", 3), "r");
        FakeSeeder seeder = new FakeSeeder();
        w.prepare(seeder);
        assertEquals(3, seeder.calls.size());
        assertTrue(seeder.calls.stream().allMatch(c -> c.organization().equals("ministry-of-justice-fi")));
        List<String> targets = LongStream.range(0, 6).mapToObj(w::call).map(Call::target).toList();
        assertEquals(List.of("/api/v1/cases/case-1", "/api/v1/cases/case-2", "/api/v1/cases/case-3",
                "/api/v1/cases/case-1", "/api/v1/cases/case-2", "/api/v1/cases/case-3"), targets);
        assertEquals("platform-alpha", w.call(0).organization());
    }

    @Test
    void inboxPollsAfterItsCursorAcknowledgesEachNewCaseOnceAndSpreadsItsAnswersOverCases() {
        Workload w = Workloads.of(options("inbox", 4), "r");
        FakeSeeder seeder = new FakeSeeder();
        w.prepare(seeder);
        // inbox to its end (2 pages), 4 new cases, 4 cases acknowledged while seeding
        assertEquals(2 + 4 + 4 + 4, seeder.calls.size());
        List<Call> calls = LongStream.range(0, 30).mapToObj(w::call).toList();
        assertTrue(calls.stream().allMatch(c -> c.organization().equals("platform-alpha")));
        assertEquals("/api/v1/inbox?limit=50&after=c9", calls.get(0).target());
        List<String> acks = calls.stream().filter(c -> c.target().endsWith("/transitions")).map(Call::target).toList();
        assertEquals(4, acks.size());
        assertEquals(4, new HashSet<>(acks).size(), "each new case acknowledged once");
        List<Call> answers = calls.stream().filter(c -> "PUT".equals(c.method())).toList();
        assertEquals(30 - 10 - 4, answers.size());
        for (int i = 1; i < answers.size(); i++) {
            assertNotEquals(caseOf(answers.get(i - 1)), caseOf(answers.get(i)), "consecutive answers change different cases");
        }
        assertTrue(answers.stream().allMatch(c -> c.target().matches("/api/v1/cases/case-\\d+/items/[123]/response")));
    }

    private static String caseOf(Call c) {
        return c.target().split("/")[4];
    }

    @Test
    void mixInterleavesTheWorkloadsFourTwoTwoTwoInTen() {
        Workload w = Workloads.of(options("mix", 5), "r");
        w.prepare(new FakeSeeder());
        Map<String, Long> ops = LongStream.range(0, 100).mapToObj(w::call)
                .collect(Collectors.groupingBy(c -> c.operation().startsWith("GET /cases") ? "read"
                        : c.operation().equals("POST /cases") ? "create" : c.operation().equals("POST /indicators") ? "indicator"
                        : "inbox", TreeMap::new, Collectors.counting()));
        assertEquals(Map.of("read", 40L, "create", 20L, "inbox", 20L, "indicator", 20L), ops);
        Set<String> refs = LongStream.range(0, 100).mapToObj(w::call).filter(c -> c.operation().equals("POST /cases"))
                .map(Call::body).collect(Collectors.toSet());
        assertEquals(20, refs.size(), "the creating part gets consecutive sequence numbers of its own");
    }
}
