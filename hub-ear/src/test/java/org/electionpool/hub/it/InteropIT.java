package org.electionpool.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Interoperability with an independent JOSE implementation: {@code src/test/python/hxp_interop.py}
 * on Debian's python3-jwcrypto signs and seals requests the hub must accept, and opens and verifies
 * the hub's answers. Required in CI ({@code CI=true}, where {@code .ci/run} installs the package);
 * elsewhere skipped when the package is missing.
 */
@ExtendWith(ArquillianExtension.class)
class InteropIT {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path SCRIPT = Path.of("src", "test", "python", "hxp_interop.py");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return HubDeployment.ear();
    }

    private static boolean jwcryptoAvailable() throws Exception {
        if (!Files.isExecutable(PYTHON)) {
            return false;
        }
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import jwcrypto").redirectErrorStream(true).start();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    @Test
    void everyDemoOrganizationTalksToTheHubThroughJwcrypto() throws Exception {
        requireInteropTools();
        String output = run(DemoClients.PLATFORM_A, false);
        assertTrue(output.contains("interop GET /api/v1/organizations as platform-alpha: 200, sealed, signature and claims"
                + " verified"), output);
        assertTrue(output.contains("interop POST /api/v1/organizations/platform-alpha/keys: 201, sealed"), output);
        for (String org : DemoClients.ALL) {
            assertTrue(run(org, true).contains("interop GET /api/v1/organizations as " + org + ": 200, sealed"), org);
        }
    }

    /**
     * The bar for the audit log: an outside verifier implementing only RFC 9162 and C2SP
     * signed notes — here written in Python from the specifications, sharing no code with the hub —
     * verifies checkpoints, their consistency, a receipt, and every entry's inclusion, leaf bytes
     * included.
     */
    @Test
    void anOutsideVerifierWithItsOwnRfc9162AndC2spCodeVerifiesTheLog() throws Exception {
        requireInteropTools();
        String output = run(DemoClients.AUDITOR, "--audit");
        assertTrue(output.contains("audit receipt of a refused request"), output);
        assertTrue(output.contains("signatures and consistency verified"), output);
        assertTrue(output.contains("tree head matches the signed root, inclusion proofs verified"), output);
    }

    /**
     * Issue 6's bar: the shipped example body, sent unchanged by an independent client, creates a
     * case that reaches the addressed platform's inbox and is 404 for the other platform.
     */
    @Test
    void theShippedExampleSentByAnIndependentClientReachesOnlyTheAddressedPlatform() throws Exception {
        requireInteropTools();
        Path example = Path.of(System.getProperty("hub.examples.dir", "../docs/examples"), "removal-order.json");
        String output = run(DemoClients.MINISTRY, "--case", example.toAbsolutePath().toString());
        assertTrue(output.matches("(?s).*interop case POST /api/v1/cases as " + DemoClients.MINISTRY
                + ": 20[01], case \\S+ to " + DemoClients.PLATFORM_A + ", sealed, receipt .* verified.*"), output);
        assertTrue(output.contains("in the inbox of " + DemoClients.PLATFORM_A + " and readable by it"), output);
        assertTrue(output.contains(": 404 for " + DemoClients.PLATFORM_B + ", not in its inbox"), output);
    }

    private static void requireInteropTools() throws Exception {
        boolean required = "true".equalsIgnoreCase(System.getenv("CI")) || Boolean.getBoolean("hub.interop.required");
        if (!jwcryptoAvailable()) {
            if (required) {
                throw new AssertionError("python3-jwcrypto is required here (CI): apt-get install python3-jwcrypto");
            }
            Assumptions.abort("python3-jwcrypto not installed; CI installs it");
        }
    }

    private static String run(String org, boolean getOnly) throws Exception {
        return getOnly ? run(org, "--get-only") : run(org);
    }

    private static String run(String org, String... mode) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(PYTHON.toString(), SCRIPT.toString(),
                HttpClientSupport.HUB.toString(), org, DemoClients.devKeys().resolve(org + ".jwks.json").toString()));
        if (mode != null) {
            command.addAll(List.of(mode));
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "interop script finished");
        String output = read(p);
        assertEquals(0, p.exitValue(), output);
        return output;
    }

    private static String read(Process p) throws IOException {
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
