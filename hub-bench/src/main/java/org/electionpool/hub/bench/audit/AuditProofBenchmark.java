package org.electionpool.hub.bench.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.LongUnaryOperator;
import org.electionpool.hub.api.audit.Checkpoint;
import org.electionpool.hub.api.audit.MerkleTree;
import org.electionpool.hub.api.audit.ProofException;
import org.electionpool.hub.api.audit.SignedNote;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Audit-log proofs on a seeded database ({@link AuditSeeder}, 1 M entries), one thread, microseconds
 * per operation. Generation reads stored subtree hashes exactly as the hub does — hub-api's
 * {@link MerkleTree} over {@link JdbcAuditNodes}, one {@code select} per hash — so its cost is
 * dominated by database round trips; verification is pure computation on the client's side.
 * <ul>
 *   <li>{@code inclusionProof} — {@code MerkleTree.inclusionProof(nodes, index, size)}, random index,
 *       size = the log's size;</li>
 *   <li>{@code inclusionEndpoint} — what {@code AuditLogBean.inclusion} does for an auditor, in one
 *       transaction: read the head size, the leaf hash, then the proof; commit;</li>
 *   <li>{@code consistencyProof} — {@code MerkleTree.consistencyProof(nodes, first, size)}, random
 *       first in [1, size);</li>
 *   <li>{@code consistencyEndpoint} — {@code AuditLogBean.consistency}: head size, proof, commit;</li>
 *   <li>{@code root} — {@code MerkleTree.root(nodes, s)} for a random s in (size/2, size]: what every
 *       append computes before it signs its checkpoint;</li>
 *   <li>{@code verifyInclusion}, {@code verifyConsistency} — {@code MerkleTree.verifyInclusion} /
 *       {@code verifyConsistency} of proofs generated from the database at setup;</li>
 *   <li>{@code verifyCheckpoint} — {@code SignedNote.open} and {@code Checkpoint.parse} of a
 *       checkpoint note (Ed25519), the step before a client trusts a root;</li>
 *   <li>{@code signCheckpoint} — {@code SignedNote.sign} of a checkpoint with the JDK's Ed25519, as
 *       every append does while it holds the head lock.</li>
 * </ul>
 * At setup it prints how many hashes (database reads) each kind of proof takes over 512 random
 * cases, and at teardown the reads per operation actually measured.
 *
 * <pre>
 * java -jar hub-bench/target/hub-bench.jar AuditProofBenchmark -f 1 -wi 2 -i 3 -w 2s -r 3s
 * </pre>
 * The database: {@link BenchDatabase} ({@code -jvmArgsAppend -Dbench.db.url=…} or {@code BENCH_DB_URL}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class AuditProofBenchmark {

    private static final int POOL = 512;
    private static final String ORIGIN = AuditSeeder.DEFAULT_ORIGIN;

    private Connection connection;
    private JdbcAuditNodes nodes;
    private long size;
    private long[] indexes;
    private long[] firsts;
    private long[] rootSizes;
    private byte[][] leafHashes;
    private List<List<byte[]>> inclusionProofs;
    private List<List<byte[]>> consistencyProofs;
    private byte[][] firstRoots;
    private byte[] root;
    private String note;
    private SignedNote.VerifierKey verifierKey;
    private LogKey key;
    private int cursor;
    private long operations;
    private long readsAtStart;

    /** Connects, reads the log's size and prepares random cases and proofs to verify. */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        connection = BenchDatabase.fromEnvironment().connect();
        connection.setAutoCommit(true);
        nodes = new JdbcAuditNodes(connection);
        size = BenchDatabase.headSize(connection);
        if (size < 2) {
            throw new IllegalStateException("the audit log holds " + size + " entries; seed it with AuditSeeder first");
        }
        Random random = new Random(20261123);
        indexes = new long[POOL];
        firsts = new long[POOL];
        rootSizes = new long[POOL];
        for (int i = 0; i < POOL; i++) {
            indexes[i] = Math.floorMod(random.nextLong(), size);
            firsts[i] = 1 + Math.floorMod(random.nextLong(), size - 1);
            rootSizes[i] = size / 2 + 1 + Math.floorMod(random.nextLong(), size - size / 2);
        }
        root = MerkleTree.root(nodes, size);
        leafHashes = new byte[POOL][];
        inclusionProofs = new ArrayList<>();
        consistencyProofs = new ArrayList<>();
        firstRoots = new byte[POOL][];
        long[] inclusionReads = new long[POOL];
        long[] consistencyReads = new long[POOL];
        long[] rootReads = new long[POOL];
        for (int i = 0; i < POOL; i++) {
            leafHashes[i] = nodes.node(0, indexes[i]);
            long r0 = nodes.reads();
            inclusionProofs.add(MerkleTree.inclusionProof(nodes, indexes[i], size));
            long r1 = nodes.reads();
            consistencyProofs.add(MerkleTree.consistencyProof(nodes, firsts[i], size));
            long r2 = nodes.reads();
            firstRoots[i] = MerkleTree.root(nodes, firsts[i]);
            long r3 = nodes.reads();
            MerkleTree.root(nodes, rootSizes[i]);
            inclusionReads[i] = r1 - r0;
            consistencyReads[i] = r2 - r1;
            rootReads[i] = nodes.reads() - r3;
        }
        key = LogKey.loadOrGenerate(ORIGIN, null);
        note = key.sign(size, root);
        verifierKey = key.verifierKey();
        System.out.printf(Locale.ROOT, "%n# log size %,d; hashes read over %d random cases: %s; %s; %s%n", size, POOL,
                spread("inclusion proof", inclusionReads, i -> inclusionProofs.get((int) i).size()),
                spread("consistency proof", consistencyReads, i -> consistencyProofs.get((int) i).size()),
                spread("root of a size in (n/2, n]", rootReads, i -> 1));
        readsAtStart = nodes.reads();
    }

    private static String spread(String what, long[] reads, LongUnaryOperator hashes) {
        long[] sorted = reads.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(reads).average().orElse(0);
        double proofHashes = java.util.stream.IntStream.range(0, reads.length).mapToLong(i -> hashes.applyAsLong(i))
                .average().orElse(0);
        return String.format(Locale.ROOT, "%s min %d / mean %.1f / max %d reads (%.1f hashes in the result)", what,
                sorted[0], mean, sorted[sorted.length - 1], proofHashes);
    }

    /** Prints the reads per measured operation and closes the connection. */
    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        if (operations > 0 && nodes.reads() > readsAtStart) {
            System.out.printf(Locale.ROOT, "%n# %,d operations, %.2f subtree-hash reads per operation%n", operations,
                    (nodes.reads() - readsAtStart) / (double) operations);
        }
        connection.close();
    }

    private int next() {
        operations++;
        cursor = (cursor + 1) & (POOL - 1);
        return cursor;
    }

    /** @return the audit path of a random entry in the whole log */
    @Benchmark
    public List<byte[]> inclusionProof() {
        return MerkleTree.inclusionProof(nodes, indexes[next()], size);
    }

    /** @return the audit path, as {@code AuditLogBean.inclusion} answers it (head, leaf hash, path, commit) */
    @Benchmark
    public List<byte[]> inclusionEndpoint() throws SQLException {
        int i = next();
        connection.setAutoCommit(false);
        try {
            long current = headSize();
            byte[] leafHash = nodes.node(0, indexes[i]);
            List<byte[]> proof = MerkleTree.inclusionProof(nodes, indexes[i], current);
            connection.commit();
            proof.add(leafHash);
            return proof;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** @return the consistency proof from a random earlier size to the whole log */
    @Benchmark
    public List<byte[]> consistencyProof() {
        return MerkleTree.consistencyProof(nodes, firsts[next()], size);
    }

    /** @return the consistency proof, as {@code AuditLogBean.consistency} answers it (head, proof, commit) */
    @Benchmark
    public List<byte[]> consistencyEndpoint() throws SQLException {
        int i = next();
        connection.setAutoCommit(false);
        try {
            long current = headSize();
            List<byte[]> proof = MerkleTree.consistencyProof(nodes, firsts[i], current);
            connection.commit();
            return proof;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** @return the root of a random size in (n/2, n], as each append computes it before signing */
    @Benchmark
    public byte[] root() {
        return MerkleTree.root(nodes, rootSizes[next()]);
    }

    /** @return the number of proofs verified (always one) */
    @Benchmark
    public int verifyInclusion() throws ProofException {
        int i = next();
        MerkleTree.verifyInclusion(indexes[i], size, leafHashes[i], inclusionProofs.get(i), root);
        return i;
    }

    /** @return the number of proofs verified (always one) */
    @Benchmark
    public int verifyConsistency() throws ProofException {
        int i = next();
        MerkleTree.verifyConsistency(firsts[i], size, consistencyProofs.get(i), firstRoots[i], root);
        return i;
    }

    /** @return a checkpoint note signed as each append signs one (JDK Ed25519, as in the hub) */
    @Benchmark
    public String signCheckpoint() {
        return key.sign(size, firstRoots[next()]);
    }

    /** @return the verified checkpoint */
    @Benchmark
    public Checkpoint verifyCheckpoint() {
        next();
        return Checkpoint.parse(SignedNote.open(note, verifierKey));
    }

    private long headSize() throws SQLException {
        // AuditLogBean.size(): a native query; prepared on every call, as there.
        try (PreparedStatement s = connection.prepareStatement("select size from audit_head where id = 1");
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }
}
