package org.electionpool.hub.verifier;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.electionpool.hub.protocol.log.SignedNote;

/**
 * The offline audit verifier's command line:
 * {@code java -jar hub-audit-verifier.jar [--key <C2SP verifier key>] <bundle.json>}.
 *
 * <p>Reads one {@code hxp-audit-bundle/1} file (UTF-8, at most 512 MiB), checks its form
 * ({@link AuditBundle}), then verifies it ({@link BundleVerifier}): the C2SP signed checkpoint,
 * the RFC 8785 canonical leaves, RFC 9162 inclusion proofs or the recomputed tree head, and the
 * senders' RFC 7515 signed requests kept as evidence. Exactly one verdict line goes to standard
 * output: {@code OK ...} (exit 0) or {@code FAIL ...} (exit 1); usage, I/O and format errors go to
 * standard error (exit 2). See {@code docs/verifier.md}.
 */
public final class AuditVerifier {

    /** Exit code: everything verified. */
    public static final int EXIT_OK = 0;
    /** Exit code: something the bundle states does not hold. */
    public static final int EXIT_FAILED = 1;
    /** Exit code: usage error, unreadable file or malformed bundle. */
    public static final int EXIT_USAGE = 2;

    /** Largest bundle file accepted, in bytes. */
    public static final long MAX_FILE_BYTES = 512L * 1024 * 1024;

    private static final String USAGE = """
            usage: java -jar hub-audit-verifier.jar (--key <verifier key> | --unpinned) <bundle.json>

            Verifies an hxp-audit-bundle/1 file (an evidence bundle or a full export of the
            hub's audit log) offline: the signed checkpoint, every leaf and its inclusion proof
            (or, for an export, the whole tree), and every included signed request.

              --key <verifier key>  the log's C2SP verifier key (origin+hash+base64), as published
                                    in /.well-known/hxp-configuration (audit_log.verifier_key).
                                    Required, unless --unpinned is given.
              --unpinned            use the key the bundle names itself: shows only that the
                                    bundle is consistent with itself, not that it is the hub's log
              --help                print this text

            Exit codes: 0 verified, 1 verification failed (a FAIL line names what),
                        2 usage error, unreadable file or malformed bundle.

            To fetch a bundle or an export first (online, as an auditor organisation):
              java -jar hub-audit-verifier.jar fetch --help""";

    private AuditVerifier() {
    }

    /** @param args the command line */
    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    /**
     * Runs the verifier.
     *
     * @param args the command-line arguments
     * @param out  receives the verdict line ({@code OK ...} or {@code FAIL ...}) and notes
     * @param err  receives usage, I/O and format errors
     * @return the exit code: {@link #EXIT_OK}, {@link #EXIT_FAILED} or {@link #EXIT_USAGE}
     */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (!args.isEmpty() && args.get(0).equals("fetch")) {
            return AuditFetch.run(args.subList(1, args.size()), out, err);
        }
        String key = null;
        String file = null;
        boolean unpinned = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                out.println(USAGE);
                return EXIT_OK;
            } else if (arg.equals("--key") || arg.startsWith("--key=")) {
                if (key != null) {
                    return usage(err, "--key given twice");
                }
                if (arg.equals("--key")) {
                    if (i + 1 >= args.size()) {
                        return usage(err, "--key needs a value");
                    }
                    key = args.get(++i);
                } else {
                    key = arg.substring("--key=".length());
                }
            } else if (arg.equals("--unpinned")) {
                unpinned = true;
            } else if (arg.startsWith("-")) {
                return usage(err, "unknown option " + arg);
            } else if (file != null) {
                return usage(err, "exactly one bundle file, please");
            } else {
                file = arg;
            }
        }
        if (file == null) {
            return usage(err, "no bundle file given");
        }
        if (key == null && !unpinned) {
            return usage(err, "--key <the log's published verifier key> is required: without it a bundle is only"
                    + " checked against the key it names itself (pass --unpinned to do just that)");
        }
        if (key != null && unpinned) {
            return usage(err, "--key and --unpinned contradict each other");
        }
        if (key != null) {
            try {
                SignedNote.VerifierKey.parse(key);
            } catch (IllegalArgumentException e) {
                return usage(err, "--key is not a C2SP Ed25519 verifier key: " + e.getMessage());
            }
        }

        String json;
        try {
            json = read(Path.of(file));
        } catch (NoSuchFileException e) {
            err.println("error: cannot read " + file + ": no such file");
            return EXIT_USAGE;
        } catch (InvalidPathException | IOException e) {
            err.println("error: cannot read " + file + ": " + e.getMessage());
            return EXIT_USAGE;
        }
        AuditBundle bundle;
        try {
            bundle = AuditBundle.parse(json);
        } catch (MalformedBundleException e) {
            err.println("error: " + file + " is not a well-formed " + AuditBundle.FORMAT + " file: " + e.getMessage());
            return EXIT_USAGE;
        }
        try {
            BundleVerifier.Result result = BundleVerifier.verify(bundle, key, out::println);
            if (result.evidenceWithheld() > 0) {
                out.println("NOTE evidence withheld: " + result.evidenceWithheld()
                        + " entries record evidence_sha256 but the bundle does not include their evidence");
            }
            out.println("OK " + bundle.kind().wireName() + ": " + result.entries() + " entries, tree size "
                    + result.size() + ", root " + Base64.getEncoder().encodeToString(result.root()) + ", "
                    + result.signaturesVerified() + " evidence signatures verified"
                    + (result.attestationsVerified() == 0 ? "" : " (" + result.attestationsVerified()
                    + " of them attestations by the hub of a person's request in the web UI, not senders' signatures)"));
            return EXIT_OK;
        } catch (VerificationFailure e) {
            out.println(e.getMessage());
            return EXIT_FAILED;
        }
    }

    /** Reads a file of at most {@link #MAX_FILE_BYTES} as strict UTF-8. */
    private static String read(Path path) throws IOException {
        long size = Files.size(path);
        if (size > MAX_FILE_BYTES) {
            throw new IOException("the file has " + size + " bytes; at most " + MAX_FILE_BYTES + " (512 MiB) are accepted");
        }
        byte[] bytes = Files.readAllBytes(path);
        if (bytes.length > MAX_FILE_BYTES) {
            throw new IOException("the file grew beyond 512 MiB while being read");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("the file is not UTF-8");
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println("error: " + problem);
        err.println(USAGE);
        return EXIT_USAGE;
    }
}
