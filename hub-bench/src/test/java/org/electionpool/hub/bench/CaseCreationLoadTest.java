package org.electionpool.hub.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The load driver's argument parsing, loopback check, percentiles and body rewriting; no server needed. */
class CaseCreationLoadTest {

    @Test
    void parsesTheFiveArgumentsWithTheDefaultBody() {
        CaseCreationLoad.Args a = CaseCreationLoad.Args.parse("http://localhost:8080", "k.jwks.json", "4", "20", "10");
        assertEquals(URI.create("http://localhost:8080"), a.hub());
        assertEquals(Path.of("k.jwks.json"), a.jwks());
        assertEquals(4, a.threads());
        assertEquals(20, a.seconds());
        assertEquals(10, a.warmup());
        assertEquals(Path.of("docs/examples/removal-order.json"), a.body());
        assertEquals(Path.of("b.json"),
                CaseCreationLoad.Args.parse("http://127.0.0.1:8080", "k", "1", "1", "0", "b.json").body());
    }

    @Test
    void refusesBadNumbersAndCounts() {
        assertThrows(IllegalArgumentException.class, () -> CaseCreationLoad.Args.parse("http://localhost:8080", "k", "4", "20"));
        assertThrows(IllegalArgumentException.class, () -> CaseCreationLoad.Args.parse("http://localhost:8080", "k", "0", "20", "10"));
        assertThrows(IllegalArgumentException.class, () -> CaseCreationLoad.Args.parse("http://localhost:8080", "k", "4", "0", "10"));
        assertThrows(IllegalArgumentException.class, () -> CaseCreationLoad.Args.parse("http://localhost:8080", "k", "4", "20", "-1"));
        assertThrows(IllegalArgumentException.class, () -> CaseCreationLoad.Args.parse("http://localhost:8080", "k", "four", "20", "10"));
        assertThrows(IllegalArgumentException.class, () -> CaseCreationLoad.Args.parse("ftp://localhost", "k", "4", "20", "10"));
    }

    @Test
    void acceptsOnlyLoopbackHubs() {
        assertTrue(CaseCreationLoad.isLoopback("localhost"));
        assertTrue(CaseCreationLoad.isLoopback("127.0.0.1"));
        assertTrue(CaseCreationLoad.isLoopback("127.1.2.3"));
        assertTrue(CaseCreationLoad.isLoopback("[::1]"));
        assertFalse(CaseCreationLoad.isLoopback("10.0.0.5"));
        assertFalse(CaseCreationLoad.isLoopback("hub.example"));
        assertFalse(CaseCreationLoad.isLoopback("localhost.example"));
        assertThrows(IllegalArgumentException.class,
                () -> CaseCreationLoad.Args.parse("http://192.168.1.10:8080", "k", "4", "20", "10"));
        assertThrows(IllegalArgumentException.class,
                () -> CaseCreationLoad.Args.parse("https://hub.example", "k", "4", "20", "10"));
    }

    @Test
    void percentileIsNearestRank() {
        long[] v = new long[100];
        for (int i = 0; i < v.length; i++) {
            v[i] = i + 1;
        }
        assertEquals(50, CaseCreationLoad.percentile(v, 50));
        assertEquals(95, CaseCreationLoad.percentile(v, 95));
        assertEquals(99, CaseCreationLoad.percentile(v, 99));
        assertEquals(100, CaseCreationLoad.percentile(v, 100));
        assertEquals(1, CaseCreationLoad.percentile(v, 0.001));
        assertEquals(7, CaseCreationLoad.percentile(new long[] {7}, 50));
        assertEquals(20, CaseCreationLoad.percentile(new long[] {10, 20, 30}, 50));
        assertEquals(-1, CaseCreationLoad.percentile(new long[0], 50));
        assertThrows(IllegalArgumentException.class, () -> CaseCreationLoad.percentile(v, 0));
        assertThrows(IllegalArgumentException.class, () -> CaseCreationLoad.percentile(v, 101));
    }

    @Test
    void givesEachRequestItsOwnClientRefAndTheAddressee() {
        String t = "{\n  \"clientRef\": \"om-2027-0042\",\n  \"kind\": \"REMOVAL_ORDER\",\n  \"addressee\": \"platform-beta\"\n}";
        String b = CaseCreationLoad.withClientRef(t, "load-x-0-1");
        assertTrue(b.contains("\"clientRef\":\"load-x-0-1\""), b);
        assertTrue(b.contains("\"addressee\":\"platform-alpha\""), b);
        assertFalse(b.contains("om-2027-0042"));
        assertThrows(IllegalArgumentException.class, () -> CaseCreationLoad.withClientRef("{}", "x"));
    }
}
