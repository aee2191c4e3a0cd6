package org.electionpool.hub.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real export, as the hub of commit 995f8e1 (before the audit port, the AuditStore algorithm and
 * the module split) wrote it for a dev hub's traffic — 54 entries, 35 signed requests: cases through
 * every state, messages, an attachment, key changes, refusals. Today's verifier must keep accepting
 * it exactly, and reject it once a byte of it changes: exports are evidence an auditor may hold for
 * years. (The same data exported by today's hub is byte-for-byte this file; see docs/verifier.md.)
 */
class GoldenExportTest {

    @TempDir
    Path dir;

    private String resource(String name) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    private int verify(String export, ByteArrayOutputStream out) throws Exception {
        Path file = dir.resolve("export.json");
        Files.writeString(file, export);
        return AuditVerifier.run(List.of("--key", resource("export-995f8e1.vkey"), file.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true,
                        StandardCharsets.UTF_8));
    }

    @Test
    void anExportOfTheHubBeforeTheRedesignVerifies() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, verify(resource("export-995f8e1.json"), out), out.toString(StandardCharsets.UTF_8));
        String said = out.toString(StandardCharsets.UTF_8);
        assertTrue(said.startsWith("OK export: 54 entries, tree size 54, root fjBzeVD/6d8lwvdxHsVF/8Tw8NistzNhO/ynCBE2e24="),
                said);
        assertTrue(said.contains("35 evidence signatures verified"), said);
    }

    @Test
    void oneCharacterChangedInALeafFails() throws Exception {
        String export = resource("export-995f8e1.json");
        // A base64 leaf decodes to canonical JSON; flipping one character of one leaf must be caught.
        int at = export.indexOf("\"leaf\":\"") + 20;
        char c = export.charAt(at);
        String tampered = export.substring(0, at) + (c == 'A' ? 'B' : 'A') + export.substring(at + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(1, verify(tampered, out), out.toString(StandardCharsets.UTF_8));
    }
}
