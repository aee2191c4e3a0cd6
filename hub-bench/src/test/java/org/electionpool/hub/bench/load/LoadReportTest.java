package org.electionpool.hub.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.electionpool.hub.protocol.json.StrictJson;
import org.junit.jupiter.api.Test;

class LoadReportTest {

    private static LoadReport report(LoadOptions options, Histogram latency, long hubCpu) {
        Histogram service = new Histogram(3);
        service.recordValue(1_000);
        Map<String, Long> errors = new TreeMap<>(Map.of("POST /cases 409 https://hub/problems/conflict", 2L));
        LoadEngine.Result r = new LoadEngine.Result(110, 100, 98, 10, 10, 3, errors, latency, service, 20_000_000_000L, false);
        return new LoadReport(options, r, Instant.parse("2026-12-07T18:00:00Z"), 0, 0, 0, 4_000_000_000L, hubCpu);
    }

    @Test
    void jsonLineCarriesEveryFigureAndParsesAsOneObject() {
        Histogram latency = new Histogram(3);
        for (int i = 1; i <= 98; i++) {
            latency.recordValue(i * 1_000L); // 1 … 98 ms
        }
        LoadOptions open = LoadOptions.parse("--model", "open", "--rate", "5.5", "--clients", "2");
        String json = report(open, latency, 12_000_000_000L).json();
        assertFalse(json.contains("\n"), "one line");
        Map<?, ?> m = (Map<?, ?>) StrictJson.parse(json, 8);
        assertEquals("HubLoad", m.get("tool"));
        assertEquals("open", m.get("model"));
        assertEquals(5.5, ((Number) m.get("rate")).doubleValue());
        assertEquals(98L, ((Number) m.get("accepted")).longValue());
        assertEquals(4.9, ((Number) m.get("acceptedPerSecond")).doubleValue(), 1e-9, "98 over the 20 s window");
        assertEquals(10L, ((Number) m.get("dropped")).longValue());
        Map<?, ?> lat = (Map<?, ?>) m.get("latencyMs");
        assertEquals(49.0, ((Number) lat.get("p50")).doubleValue(), 0.1);
        assertEquals(98.0, ((Number) lat.get("max")).doubleValue(), 0.1);
        assertEquals(Map.of("POST /cases 409 https://hub/problems/conflict", 2L),
                Map.of("POST /cases 409 https://hub/problems/conflict", ((Number) ((Map<?, ?>) m.get("errors"))
                        .get("POST /cases 409 https://hub/problems/conflict")).longValue()));
        assertEquals(12.0, ((Number) m.get("hubCpuSeconds")).doubleValue());
        assertEquals(4.0, ((Number) m.get("generatorCpuSeconds")).doubleValue());
    }

    @Test
    void unknownFiguresAreNullInJsonAndSaidSoInTheTable() {
        LoadReport r = report(LoadOptions.parse(), new Histogram(3), -1);
        Map<?, ?> m = (Map<?, ?>) StrictJson.parse(r.json(), 8);
        assertTrue(m.containsKey("hubCpuSeconds"));
        assertNull(m.get("hubCpuSeconds"));
        assertNull(((Map<?, ?>) m.get("latencyMs")).get("p99"));
        String table = r.table();
        assertTrue(table.contains("hub CPU s (ms per accepted)"), table);
        assertTrue(table.contains("not measured"), table);
        assertFalse(table.contains("dropped"), "the closed model drops nothing and says nothing of it");
    }

    @Test
    void tableNamesTheOpenModelsDropsLatenessAndErrors() {
        Histogram latency = new Histogram(3);
        latency.recordValue(2_500);
        String table = report(LoadOptions.parse("--model", "open", "--rate", "5"), latency, -1).table();
        assertTrue(table.contains("| dropped (max outstanding)"), table);
        assertTrue(table.contains("| late (> 10 ms)"), table);
        assertTrue(table.contains("from intended start"), table);
        assertTrue(table.contains("error POST /cases 409 https://hub/problems/conflict: 2"), table);
        assertTrue(table.contains("| accepted/s"), table);
    }
}
