package org.electionpool.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.electionpool.hub.client.HubClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform project of {@code docs/examples/platform-client} — whose only dependency on the hub
 * is {@code hub-client} — compiles against exactly {@code hub-client} and what it brings
 * ({@code hub-protocol}, Nimbus JOSE+JWT), never the hub's contracts, and runs as documented
 * against the dev hub: it finds a new case in the platform's inbox, reads it and acknowledges it
 * with a verified receipt.
 */
@ExtendWith(ArquillianExtension.class)
class PlatformClientExampleIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return HubDeployment.ear();
    }

    /** @return hub-client, hub-protocol, Nimbus JOSE+JWT and Bouncy Castle's provider: the client's whole run-time class path */
    private static List<String> clientClassPath() throws URISyntaxException {
        List<String> path = new ArrayList<>();
        for (Class<?> c : new Class<?>[] {HubClient.class, org.electionpool.hub.protocol.hxp.Hxp.class,
                com.nimbusds.jose.JWSObject.class, org.bouncycastle.jce.provider.BouncyCastleProvider.class}) {
            path.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        }
        return path;
    }

    @Test
    void aPlatformProjectDependingOnlyOnHubClientCompilesAndRunsTheExample(@TempDir Path classes) throws Exception {
        List<String> classPath = clientClassPath();
        for (String entry : classPath) {
            assertFalse(entry.contains("hub-api") || entry.contains("hub-ejb"), "not on the client's class path: " + entry);
        }
        Path source = Path.of(System.getProperty("hub.examples.dir"), "platform-client", "src", "main", "java", "example",
                "PlatformExample.java");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int compiled = javac.run(null, null, null, "--release", "17", "-proc:none", "-classpath",
                String.join(File.pathSeparator, classPath), "-d", classes.toString(), source.toString());
        assertEquals(0, compiled, "the example compiles against hub-client alone");

        HubClient ministry = DemoClients.as(DemoClients.MINISTRY);
        HubClient platform = DemoClients.as(DemoClients.PLATFORM_A);
        String after = CaseRequests.inboxEnd(platform);
        String caseId = CaseRequests.create(ministry, DemoClients.PLATFORM_A);

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classes + File.pathSeparator + String.join(File.pathSeparator, classPath), "example.PlatformExample",
                HttpClientSupport.HUB.toString(), DemoClients.PLATFORM_A,
                DemoClients.devKeys().resolve(DemoClients.PLATFORM_A + ".jwks.json").toString(), after));
        Process run = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(run.waitFor(120, TimeUnit.SECONDS), "the example finishes");
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, run.exitValue(), output);
        assertTrue(output.contains("inbox: 1 new case(s)"), output);
        assertTrue(output.contains("case " + caseId + ": 200"), output);
        assertTrue(output.contains("acknowledged " + caseId + ": 200 receipt verified"), output);
        assertEquals("ACKNOWLEDGED", CaseRequests.parse(platform.get("/api/v1/cases/" + caseId).body()).getString("status"));
        assertTrue(Files.isRegularFile(source.resolveSibling("PlatformExample.java")));
    }

    @Test
    void theTaxiiCredentialExampleIssuesACredentialThatTaxiiAccepts(@TempDir Path classes) throws Exception {
        List<String> classPath = clientClassPath();
        Path source = Path.of(System.getProperty("hub.examples.dir"), "platform-client", "src", "main", "java", "example",
                "TaxiiCredential.java");
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", "17", "-proc:none",
                "-classpath", String.join(File.pathSeparator, classPath), "-d", classes.toString(), source.toString());
        assertEquals(0, compiled, "the example compiles against hub-client alone");
        Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classes + File.pathSeparator + String.join(File.pathSeparator, classPath), "example.TaxiiCredential",
                HttpClientSupport.HUB.toString(), DemoClients.PLATFORM_A,
                DemoClients.devKeys().resolve(DemoClients.PLATFORM_A + ".jwks.json").toString(), "OpenCTI feed")
                .redirectErrorStream(true).start();
        assertTrue(run.waitFor(120, TimeUnit.SECONDS), "the example finishes");
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, run.exitValue(), output);
        jakarta.json.JsonObject issued = CaseRequests.parse(output.substring(output.lastIndexOf('\n') + 1));
        assertEquals("OpenCTI feed", issued.getString("label"));
        TaxiiClient taxii = new TaxiiClient(issued.getString("username"), issued.getString("token"), TaxiiClient.Auth.BASIC);
        assertEquals("/taxii2/hub/", TaxiiClient.ok(taxii.get("/taxii2/")).getString("default"));
    }
}
