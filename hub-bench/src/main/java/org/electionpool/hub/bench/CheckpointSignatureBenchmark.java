package org.electionpool.hub.bench;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.electionpool.hub.protocol.jca.CryptoProviders;
import org.electionpool.hub.protocol.log.Checkpoint;
import org.electionpool.hub.protocol.log.SignedNote;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The audit log's checkpoint signature on one thread, per provider choice of ADR 0010:
 * {@code sign} — {@code SignedNote.sign} of a C2SP checkpoint with the hub's Ed25519 log key (what
 * every integrated append or batch pays); {@code open} — {@code SignedNote.open} and
 * {@code Checkpoint.parse} (what fsck, the verifier and every client receipt pay).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CheckpointSignatureBenchmark {

    private static final String ORIGIN = "hub.bench/audit";

    /** ADR 0010's provider choice ({@code CryptoProviders}). */
    @Param({"hub", "jdk"})
    public String providers;

    private KeyPair key;
    private SignedNote.VerifierKey verifierKey;
    private String body;
    private String note;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        System.setProperty(CryptoProviders.PROPERTY, providers);
        if (!CryptoProviders.configured().propertyValue().equals(providers)) {
            throw new IllegalStateException("provider choice already made: " + CryptoProviders.configured());
        }
        key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        verifierKey = SignedNote.VerifierKey.parse(SignedNote.verifierKey(ORIGIN, SignedNote.rawKey(key.getPublic())));
        body = new Checkpoint(ORIGIN, 1_000_000, new byte[32], List.of()).body();
        note = sign();
    }

    @Benchmark
    public String sign() {
        return SignedNote.sign(body, ORIGIN, key.getPrivate(), key.getPublic());
    }

    @Benchmark
    public Checkpoint open() {
        return Checkpoint.parse(SignedNote.open(note, verifierKey));
    }
}
