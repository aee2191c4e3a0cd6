package org.electionpool.hub.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoadOptionsTest {

    @Test
    void defaultsAreAClosedCaseCreationRunAgainstTheLocalDevHub() {
        LoadOptions o = LoadOptions.parse();
        assertEquals(URI.create("http://localhost:8080"), o.hub());
        assertEquals(Path.of("hub-ear/target/server/standalone/data/hub/dev-keys"), o.keys());
        assertEquals("create-case", o.workload());
        assertEquals(LoadOptions.Model.CLOSED, o.model());
        assertEquals(4, o.clients());
        assertEquals(Duration.ofSeconds(30), o.duration());
        assertEquals(Duration.ofSeconds(10), o.warmup());
        assertEquals(0, o.presealCount());
        assertEquals(Long.MAX_VALUE, o.requestLimit());
        assertEquals(1, o.verifyEvery());
        assertTrue(o.checkConsistency());
        assertEquals(Path.of("docs/examples/removal-order.json"), o.caseBody());
    }

    @Test
    void parsesEveryOption() {
        LoadOptions o = LoadOptions.parse("--hub", "http://127.0.0.1:18080", "--keys", "/k", "--workload", "inbox",
                "--model", "open", "--clients", "3", "--rate", "12.5", "--max-outstanding", "40", "--late-ms", "25",
                "--duration", "20", "--warmup", "5", "--max-requests", "1000", "--preseal", "auto",
                "--verify-every", "10", "--check-consistency", "false", "--seed", "64", "--timeout", "7",
                "--hub-pid", "4242", "--case-body", "c.json", "--indicator-body", "i.json");
        assertEquals(URI.create("http://127.0.0.1:18080"), o.hub());
        assertEquals("inbox", o.workload());
        assertEquals(LoadOptions.Model.OPEN, o.model());
        assertEquals(3, o.clients());
        assertEquals(12.5, o.rate());
        assertEquals(40, o.maxOutstanding());
        assertEquals(25, o.lateMillis());
        assertEquals(1000, o.maxRequests());
        assertEquals(Math.min(1000, (long) Math.ceil(12.5 * 25) + 1), o.presealCount());
        assertEquals(10, o.verifyEvery());
        assertFalse(o.checkConsistency());
        assertEquals(64, o.seed());
        assertEquals(Duration.ofSeconds(7), o.timeout());
        assertEquals(4242, o.hubPid());
        assertEquals(Path.of("i.json"), o.indicatorBody());
    }

    @Test
    void openModelNeedsARateAndItsOutstandingCapDefaultsToOneSecondOfArrivals() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("--model", "open"));
        assertTrue(e.getMessage().contains("--rate"), e.getMessage());
        assertEquals(50, LoadOptions.parse("--model", "open", "--rate", "50", "--clients", "8").maxOutstanding());
        assertEquals(8, LoadOptions.parse("--model", "open", "--rate", "2", "--clients", "8").maxOutstanding());
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("--rate", "5"), "a rate in the closed model");
        assertThrows(IllegalArgumentException.class,
                () -> LoadOptions.parse("--model", "open", "--rate", "5", "--clients", "4", "--max-outstanding", "3"));
    }

    @Test
    void refusesAHubThatIsNotOnLoopback() {
        for (String hub : new String[] {"http://hub.example.org", "http://10.0.0.5:8080", "http://[2001:db8::1]:8080",
                "http://localhost.example.org", "ftp://localhost"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("--hub", hub),
                    hub);
            assertTrue(e.getMessage().contains("hub"), e.getMessage());
        }
        for (String hub : new String[] {"http://localhost:8080", "http://127.0.0.1:8080", "http://127.1.2.3", "http://[::1]:8080",
                "https://LOCALHOST"}) {
            assertEquals(URI.create(hub), LoadOptions.parse("--hub", hub).hub());
        }
    }

    @Test
    void keepsTheRunBounded() {
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("--duration", "0"));
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("--duration", "3601"));
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("--warmup", "601"));
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("--clients", "0"));
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("--clients", "513"));
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("--max-requests", "-1"));
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("--model", "open", "--rate", "0"));
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("--verify-every", "0"));
        assertEquals(500, LoadOptions.parse("--max-requests", "500").requestLimit());
    }

    @Test
    void presealedRunsFitInOneTokenLifetimeAndTheClosedModelNamesItsPool() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LoadOptions.parse("--preseal", "100", "--duration", "240", "--warmup", "10"));
        assertTrue(e.getMessage().contains("300 s"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("--preseal", "auto"),
                "the closed model cannot know how many it will send");
        LoadOptions closed = LoadOptions.parse("--preseal", "2000");
        assertEquals(2000, closed.presealCount());
        assertEquals(2000, closed.requestLimit(), "a pre-sealed run ends when its pool is spent");
        assertEquals(300, LoadOptions.parse("--preseal", "auto", "--max-requests", "300").presealCount());
        LoadOptions open = LoadOptions.parse("--model", "open", "--rate", "20", "--duration", "30", "--warmup", "10",
                "--preseal", "auto");
        assertEquals(801, open.presealCount(), "every arrival of warm-up and window, and one more");
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("--preseal", "0"));
    }

    @Test
    void refusesUnknownRepeatedOrIncompleteOptions() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("--threads", "4"))
                .getMessage().contains("unknown option"));
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("--clients"));
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("--clients", "2", "--clients", "3"));
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("--clients", "four"));
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("--workload", "delete-everything"));
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("--check-consistency", "maybe"));
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("--model", "half-open"));
    }
}
