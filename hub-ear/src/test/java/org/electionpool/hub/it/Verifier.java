package org.electionpool.hub.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the offline verifier the way an auditor does: {@code java -jar hub-audit-verifier.jar …}. */
public final class Verifier {

    /** @param exitCode the process's exit code; @param output what it printed (stdout and stderr) */
    public record Result(int exitCode, String output) {
    }

    private Verifier() {
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("hub.verifier.jar", "../hub-verifier/target/hub-audit-verifier.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the verifier jar is not built: " + jar.toAbsolutePath());
        }
        return jar;
    }

    public static Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(jar().toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the verifier did not finish in 60 s");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
