package org.electionpool.hub.bench.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.LongUnaryOperator;
import org.electionpool.hub.protocol.log.Checkpoint;
import org.electionpool.hub.protocol.log.MerkleTree;
import org.electionpool.hub.protocol.log.ProofException;
import org.electionpool.hub.protocol.log.SignedNote;
import org.electionpool.hub.audit.domain.AuditTree;
import org.electionpool.hub.audit.jdbc.JdbcAuditStore;
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
 * per operation. Generation is the hub's own code: {@link AuditTree} (hub-ejb's audit domain) over a
 * {@link JdbcAuditStore} — {@link MerkleTree} names the stored subtrees from sizes and indices, one
 * UNION ALL query per 64 of them reads them, {@link MerkleTree} rehashes — so its cost is dominated
 * by that one database round trip; verification is pure computation on the client's side.
 * <ul>
 *   <li>{@code inclusionProof} — {@code AuditTree.inclusionProof(store, index, size)},
 *       random index, size = the log's size;</li>
 *   <li>{@code inclusionEndpoint} — what {@code AuditServiceBean.inclusion} does for an auditor, in one
 *       transaction: read the head size, then the leaf hash and the proof in one query; commit;</li>
 *   <li>{@code consistencyProof} — {@code AuditTree.consistencyProof(store, first, size)},
 *       random first in [1, size);</li>
 *   <li>{@code consistencyEndpoint} — {@code AuditServiceBean.consistency}: head size, proof, commit;</li>
 *   <li>{@code root} — {@code AuditTree.root(store, s)} for a random s in (size/2, size]: the root
 *       of a size an append signs (an append itself computes it from the frontier it reads anyway);</li>
 *   <li>{@code inclusionProofPerHash}, {@code consistencyProofPerHash}, {@code rootPerHash} — the same
 *       computations with one query per hash (a one-branch read through the store), as the hub did
 *       before e572793: the baseline, measured in the same run;</li>
 *   <li>{@code verifyInclusion}, {@code verifyConsistency} — {@code MerkleTree.verifyInclusion} /
 *       {@code verifyConsistency} of proofs generated from the database at setup;</li>
 *   <li>{@code verifyCheckpoint} — {@code SignedNote.open} and {@code Checkpoint.parse} of a
 *       checkpoint note (Ed25519), the step before a client trusts a root;</li>
 *   <li>{@code signCheckpoint} — {@code SignedNote.sign} of a checkpoint with the JDK's Ed25519, as
 *       every append does while it holds the head lock.</li>
 * </ul>
 * At setup it prints how many queries (round trips) and hashes each kind of proof takes over 512
 * random cases, and at teardown the queries and hashes per operation actually measured.
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

    /**
     * Random cases (a power of two): 512, or {@code -Dbench.proof.cases} (the fork's JVM argument) where
     * each query is slow (before 691359d H2 scanned {@code audit_node} for the batched OR query, so
     * setting up 512 cases there took minutes; with UNION ALL 512 is fine on both databases).
     */
    private static final int POOL = Integer.highestOneBit(Integer.getInteger("bench.proof.cases", 512));
    private static final String ORIGIN = AuditSeeder.DEFAULT_ORIGIN;

    private Connection connection;
    private JdbcAuditStore store;
    private MerkleTree.Nodes perHash;
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
    private long queriesAtStart;
    private long hashesAtStart;

    /** Connects, reads the log's size and prepares random cases and proofs to verify. */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        connection = BenchDatabase.fromEnvironment().connect();
        connection.setAutoCommit(true);
        store = new JdbcAuditStore(connection);
        perHash = (level, index) -> {
            byte[] hash = store.nodes(List.of(new MerkleTree.NodeId(level, index))).get(new MerkleTree.NodeId(level, index));
            if (hash == null) {
                throw new IllegalStateException("no stored subtree hash (" + level + ", " + index + ")");
            }
            return hash;
        };
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
        root = AuditTree.root(store, size);
        leafHashes = new byte[POOL][];
        inclusionProofs = new ArrayList<>();
        consistencyProofs = new ArrayList<>();
        firstRoots = new byte[POOL][];
        long[][] inclusion = new long[2][POOL];
        long[][] consistency = new long[2][POOL];
        long[][] roots = new long[2][POOL];
        for (int i = 0; i < POOL; i++) {
            leafHashes[i] = perHash.node(0, indexes[i]);
            long q0 = store.statements();
            long h0 = store.hashes();
            inclusionProofs.add(AuditTree.inclusionProof(store, indexes[i], size));
            long q1 = store.statements();
            long h1 = store.hashes();
            consistencyProofs.add(AuditTree.consistencyProof(store, firsts[i], size));
            long q2 = store.statements();
            long h2 = store.hashes();
            firstRoots[i] = AuditTree.root(store, firsts[i]);
            long q3 = store.statements();
            long h3 = store.hashes();
            AuditTree.root(store, rootSizes[i]);
            inclusion[0][i] = q1 - q0;
            inclusion[1][i] = h1 - h0;
            consistency[0][i] = q2 - q1;
            consistency[1][i] = h2 - h1;
            roots[0][i] = store.statements() - q3;
            roots[1][i] = store.hashes() - h3;
            if (!Arrays.equals(MerkleTree.root(perHash, rootSizes[i]), AuditTree.root(store, rootSizes[i]))
                    || !Arrays.equals(MerkleTree.inclusionProof(perHash, indexes[i], size).toArray(),
                            inclusionProofs.get(i).toArray(), (a, b) -> Arrays.equals((byte[]) a, (byte[]) b) ? 0 : 1)) {
                throw new IllegalStateException("batched and per-hash reads disagree");
            }
        }
        key = LogKey.loadOrGenerate(ORIGIN, null);
        note = key.sign(size, root);
        verifierKey = key.verifierKey();
        System.out.printf(Locale.ROOT, "%n# log size %,d; over %d random cases: %s; %s; %s%n", size, POOL,
                spread("inclusion proof", inclusion, i -> inclusionProofs.get((int) i).size()),
                spread("consistency proof", consistency, i -> consistencyProofs.get((int) i).size()),
                spread("root of a size in (n/2, n]", roots, i -> 1));
        queriesAtStart = store.statements();
        hashesAtStart = store.hashes();
    }

    private static String spread(String what, long[][] counts, LongUnaryOperator hashes) {
        double proofHashes = java.util.stream.IntStream.range(0, counts[0].length)
                .mapToLong(i -> hashes.applyAsLong(i)).average().orElse(0);
        return String.format(Locale.ROOT, "%s: queries %s, stored hashes read %s (%.1f hashes in the result)", what,
                minMeanMax(counts[0]), minMeanMax(counts[1]), proofHashes);
    }

    private static String minMeanMax(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "min %d / mean %.1f / max %d", sorted[0],
                Arrays.stream(values).average().orElse(0), sorted[sorted.length - 1]);
    }

    /** Prints the queries and hashes per measured operation and closes the connection. */
    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        if (operations > 0 && store.statements() > queriesAtStart) {
            System.out.printf(Locale.ROOT, "%n# %,d operations, %.2f audit_node queries and %.2f stored hashes per"
                    + " operation%n", operations, (store.statements() - queriesAtStart) / (double) operations,
                    (store.hashes() - hashesAtStart) / (double) operations);
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
        return AuditTree.inclusionProof(store, indexes[next()], size);
    }

    /** @return the audit path of a random entry, one query per hash (the hub before e572793) */
    @Benchmark
    public List<byte[]> inclusionProofPerHash() {
        return MerkleTree.inclusionProof(perHash, indexes[next()], size);
    }

    /** @return the audit path, as {@code AuditLogBean.inclusion} answers it (head, leaf hash, path, commit) */
    @Benchmark
    public List<byte[]> inclusionEndpoint() throws SQLException {
        int i = next();
        connection.setAutoCommit(false);
        try {
            long current = headSize();
            List<byte[]> proof = AuditTree.leafHashAndInclusionProof(store, indexes[i], current);
            connection.commit();
            return proof;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** @return the consistency proof from a random earlier size to the whole log */
    @Benchmark
    public List<byte[]> consistencyProof() {
        return AuditTree.consistencyProof(store, firsts[next()], size);
    }

    /** @return the consistency proof, one query per hash (the hub before e572793) */
    @Benchmark
    public List<byte[]> consistencyProofPerHash() {
        return MerkleTree.consistencyProof(perHash, firsts[next()], size);
    }

    /** @return the consistency proof, as {@code AuditLogBean.consistency} answers it (head, proof, commit) */
    @Benchmark
    public List<byte[]> consistencyEndpoint() throws SQLException {
        int i = next();
        connection.setAutoCommit(false);
        try {
            long current = headSize();
            List<byte[]> proof = AuditTree.consistencyProof(store, firsts[i], current);
            connection.commit();
            return proof;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** @return the root of a random size in (n/2, n], as each append computes it before signing */
    @Benchmark
    public byte[] root() {
        return AuditTree.root(store, rootSizes[next()]);
    }

    /** @return the same root, one query per hash (the hub before e572793) */
    @Benchmark
    public byte[] rootPerHash() {
        return MerkleTree.root(perHash, rootSizes[next()]);
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

    private long headSize() {
        return store.size(); // the store's size(): a native query in the hub, prepared on every call
    }
}
