package org.electionpool.hub.bench;

import java.util.Arrays;
import java.util.Locale;
import org.electionpool.hub.crypto.PasswordHasher;

/**
 * Measures Argon2id ({@link PasswordHasher}) on this machine for the candidate parameters of
 * docs/performance.md (Password hashing), one thread, after a warm-up: the hub's calibration must cost
 * ≥ 0.25 s per hash here (issue 13).
 *
 * <pre>
 * java -cp hub-bench/target/hub-bench.jar org.electionpool.hub.bench.PasswordHashCalibration [rounds]
 * </pre>
 */
public final class PasswordHashCalibration {

    private PasswordHashCalibration() {
    }

    /** @param args optional: measured hashes per parameter set (default 10) */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        PasswordHasher.Parameters[] candidates = {
            new PasswordHasher.Parameters(19_456, 2, 1),   // OWASP's minimum
            new PasswordHasher.Parameters(47_104, 1, 1),
            PasswordHasher.Parameters.DEFAULT,             // RFC 9106 option 2 with one lane
            new PasswordHasher.Parameters(65_536, 4, 1),
            new PasswordHasher.Parameters(131_072, 3, 1),
        };
        char[] password = "correct horse battery staple".toCharArray();
        System.out.println("| m (KiB) | t | p | median ms | min ms | max ms |");
        System.out.println("|---:|---:|---:|---:|---:|---:|");
        for (PasswordHasher.Parameters p : candidates) {
            PasswordHasher hasher = new PasswordHasher(p);
            hasher.hash(password);
            hasher.hash(password);
            long[] ms = new long[rounds];
            for (int k = 0; k < rounds; k++) {
                long t = System.nanoTime();
                hasher.hash(password);
                ms[k] = (System.nanoTime() - t) / 1_000_000;
            }
            Arrays.sort(ms);
            System.out.printf(Locale.ROOT, "| %,d | %d | %d | %d | %d | %d |%n", p.memoryKiB(), p.iterations(), p.lanes(),
                    ms[rounds / 2], ms[0], ms[rounds - 1]);
        }
    }
}
