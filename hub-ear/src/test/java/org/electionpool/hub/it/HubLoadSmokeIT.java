package org.electionpool.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.electionpool.hub.bench.load.HubLoad;
import org.electionpool.hub.bench.load.LoadOptions;
import org.electionpool.hub.bench.load.LoadReport;
import org.electionpool.hub.protocol.json.StrictJson;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The load harness ({@code hub-bench}'s {@link HubLoad}) as a short smoke against the hub under
 * test: every workload in the closed model sealing as it sends and in the open model pre-sealed,
 * plus the other two pairings and the consistency check off for case creation — a few seconds
 * each. It asserts that the harness works end to end, not how fast the hub is: no error of any
 * kind, some accepted answers, a fully verified sample (decryption, signature, receipt and its
 * inclusion proof, checkpoint consistency) and, with every second answer verified, also answers
 * counted on their status alone. Runs as a client, with the demo organisations' keys the dev hub
 * wrote at start.
 */
@ExtendWith(ArquillianExtension.class)
class HubLoadSmokeIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return HubDeployment.ear();
    }

    static Stream<Arguments> runs() {
        List<Arguments> runs = new ArrayList<>();
        for (String workload : LoadOptions.WORKLOADS) {
            runs.add(Arguments.of(workload + " closed, sealed when sent", workload, "closed", "off", "true"));
            runs.add(Arguments.of(workload + " open, pre-sealed", workload, "open", "auto", "true"));
        }
        runs.add(Arguments.of("create-case closed, pre-sealed", "create-case", "closed", "400", "true"));
        runs.add(Arguments.of("create-case open, sealed when sent", "create-case", "open", "off", "true"));
        runs.add(Arguments.of("create-case closed, consistency check off", "create-case", "closed", "off", "false"));
        return runs.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void harnessRunsWithoutErrorsAndItsVerifiedSamplePasses(String name, String workload, String model, String preseal,
                                                            String checkConsistency) throws Exception {
        List<String> args = new ArrayList<>(List.of("--hub", HttpClientSupport.HUB.toString(),
                "--keys", DemoClients.devKeys().toString(), "--workload", workload, "--model", model,
                "--clients", "2", "--duration", "2", "--warmup", "1", "--verify-every", "2", "--seed", "8",
                "--preseal", preseal, "--check-consistency", checkConsistency, "--timeout", "20",
                "--case-body", System.getProperty("hub.examples.dir", "../docs/examples") + "/removal-order.json",
                "--indicator-body", System.getProperty("hub.examples.dir", "../docs/examples") + "/indicator.json"));
        if (model.equals("open")) {
            args.addAll(List.of("--rate", "8"));
        }
        LoadReport report = HubLoad.run(LoadOptions.parse(args.toArray(String[]::new)), System.out);
        System.out.print(report.table());

        assertEquals(Map.of(), report.result().errors(), report.table());
        assertTrue(report.result().accepted() > 0, report.table());
        assertTrue(report.result().verified() > 0, "a verified sample: " + report.table());
        assertTrue(report.result().verified() < report.result().accepted(),
                "answers counted on their status alone, besides the verified ones: " + report.table());
        assertEquals(report.result().requests(), report.result().accepted());
        Map<?, ?> json = (Map<?, ?>) StrictJson.parse(report.json(), 8);
        assertEquals(0L, ((Number) json.get("failed")).longValue());
        assertEquals(workload, json.get("workload"));
        assertTrue(((Number) json.get("generatorCpuSeconds")).doubleValue() > 0, "the generator's CPU was measured");
        if (!preseal.equals("off")) {
            assertTrue(report.presealed() > 0);
        }
    }
}
