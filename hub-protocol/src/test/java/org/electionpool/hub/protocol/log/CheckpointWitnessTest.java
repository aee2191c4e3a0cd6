package org.electionpool.hub.protocol.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Round trips and attack regressions for {@link CheckpointWitness}: real RFC 9162 trees, real
 * Ed25519 signed notes with a key generated for the run. The "hub" is an in-memory tree serving
 * consistency proofs: honest, forked (a split view: one history for this client, another for
 * everyone else), or lying outright.
 */
class CheckpointWitnessTest {

    private static final String ORIGIN = "hub.example.test/log";

    private final KeyPair key = ed25519();
    private final SignedNote.VerifierKey verifierKey =
            SignedNote.VerifierKey.parse(SignedNote.verifierKey(ORIGIN, SignedNote.rawKey(key.getPublic())));

    private static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A log: leaf hashes of "prefix-i", its subtree hashes, signed checkpoints and proofs. */
    private final class Log {
        final MerkleTree.InMemory tree;

        Log(String... leaves) {
            List<byte[]> hashes = new ArrayList<>();
            for (String leaf : leaves) {
                hashes.add(MerkleTree.hashLeaf(leaf.getBytes(StandardCharsets.UTF_8)));
            }
            tree = new MerkleTree.InMemory(hashes);
        }

        String checkpoint(long size) {
            return checkpoint(size, key);
        }

        String checkpoint(long size, KeyPair signer) {
            String body = new Checkpoint(ORIGIN, size, MerkleTree.root(tree, size), List.of()).body();
            return SignedNote.sign(body, ORIGIN, signer.getPrivate(), signer.getPublic());
        }

        List<byte[]> consistency(long from, long to) {
            return MerkleTree.consistencyProof(tree, from, to);
        }
    }

    private static String[] leaves(String prefix, int from, int to) {
        String[] leaves = new String[to - from];
        for (int i = from; i < to; i++) {
            leaves[i - from] = prefix + "-" + i;
        }
        return leaves;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private final Log honest = new Log(leaves("entry", 0, 40));

    @Test
    void aGrowingHonestLogIsFollowedCheckpointByCheckpoint() throws Exception {
        AtomicInteger fetched = new AtomicInteger();
        CheckpointWitness witness = new CheckpointWitness(verifierKey, (from, to) -> {
            fetched.incrementAndGet();
            return honest.consistency(from, to);
        }, null);
        assertNull(witness.trustedNote());
        assertEquals(-1, witness.trustedSize());
        for (long size : new long[] {1, 2, 3, 7, 8, 9, 16, 17, 31, 40}) {
            witness.witness(honest.checkpoint(size));
            assertEquals(size, witness.trustedSize());
        }
        assertEquals(honest.checkpoint(40), witness.trustedNote());
        assertEquals(9, fetched.get(), "one proof per new size; the first checkpoint is trusted on first use");
        witness.witness(honest.checkpoint(40));
        assertEquals(9, fetched.get(), "the same checkpoint again needs no proof");
    }

    @Test
    void aProofThatCameWithTheCheckpointIsUsedInsteadOfAskingTheHub() throws Exception {
        AtomicInteger fetched = new AtomicInteger();
        CheckpointWitness witness = new CheckpointWitness(verifierKey, (from, to) -> {
            fetched.incrementAndGet();
            return honest.consistency(from, to);
        }, honest.checkpoint(3));
        for (long size : new long[] {7, 8, 16, 17, 40}) {
            long trusted = witness.trustedSize();
            witness.witness(honest.checkpoint(size), trusted, honest.consistency(trusted, size));
            assertEquals(size, witness.trustedSize());
        }
        assertEquals(0, fetched.get(), "every step came with its proof");
        witness.witness(honest.checkpoint(12), 5, honest.consistency(5, 12));
        assertEquals(1, fetched.get(), "a proof of another step is not the one needed: the prefix proof 12 -> 40 is fetched");
        assertEquals(40, witness.trustedSize());
    }

    @Test
    void aWrongProofThatCameWithTheCheckpointIsRefusedLikeAFetchedOne() throws Exception {
        CheckpointWitness witness = new CheckpointWitness(verifierKey, honest::consistency, honest.checkpoint(5));
        List<byte[]> lying = new ArrayList<>(honest.consistency(5, 9));
        lying.set(0, new byte[32]);
        assertThrows(ProofException.class, () -> witness.witness(honest.checkpoint(9), 5, lying));
        assertThrows(ProofException.class, () -> witness.witness(honest.checkpoint(9), 5, List.of()));
        assertEquals(5, witness.trustedSize(), "a refused checkpoint is never trusted");

        Log forked = new Log(concat(leaves("entry", 0, 3), leaves("fork", 3, 40)));
        assertThrows(ProofException.class, () -> witness.witness(forked.checkpoint(20), 5, forked.consistency(5, 20)),
                "a fork's own proof does not lead from the trusted root");
        witness.witness(honest.checkpoint(9), 5, honest.consistency(5, 9));
        assertEquals(9, witness.trustedSize());
    }

    @Test
    void theEmptyLogIsExtendedByEveryLogWithoutAProof() throws Exception {
        Log empty = new Log();
        CheckpointWitness witness = new CheckpointWitness(verifierKey, (from, to) -> {
            throw new AssertionError("nothing to prove against the empty tree");
        }, empty.checkpoint(0));
        witness.witness(honest.checkpoint(12));
        assertEquals(12, witness.trustedSize());
        String forgedEmpty = SignedNote.sign(new Checkpoint(ORIGIN, 0, MerkleTree.hashLeaf(new byte[0]), List.of()).body(),
                ORIGIN, key.getPrivate(), key.getPublic());
        assertThrows(ProofException.class, () -> witness.witness(forgedEmpty), "size 0 has exactly one root");
    }

    @Test
    void anOlderCheckpointIsAcceptedWhenItIsAPrefixAndDoesNotMoveTheTrustedOne() throws Exception {
        CheckpointWitness witness = new CheckpointWitness(verifierKey, honest::consistency, honest.checkpoint(30));
        witness.witness(honest.checkpoint(12)); // e.g. a receipt from a slower node, signed earlier
        assertEquals(30, witness.trustedSize());
    }

    @Test
    void aPersistedCheckpointCarriesTheGuaranteeAcrossRestarts() throws Exception {
        CheckpointWitness first = new CheckpointWitness(verifierKey, honest::consistency, null);
        first.witness(honest.checkpoint(10));
        String persisted = first.trustedNote();

        Log forked = new Log(concat(leaves("entry", 0, 5), leaves("rewritten", 5, 40)));
        CheckpointWitness restarted = new CheckpointWitness(verifierKey, forked::consistency, persisted);
        ProofException refused = assertThrows(ProofException.class, () -> restarted.witness(forked.checkpoint(20)));
        assertTrue(refused.getMessage().contains("not consistent with the trusted one of size 10"), refused.getMessage());
        assertEquals(10, restarted.trustedSize(), "a refused checkpoint is never trusted");

        CheckpointWitness honestRestart = new CheckpointWitness(verifierKey, honest::consistency, persisted);
        honestRestart.witness(honest.checkpoint(20));
        assertEquals(20, honestRestart.trustedSize());
    }

    @Test
    void aSplitViewOfTheSameSizeIsRefusedWithoutAsking() throws Exception {
        Log forked = new Log(concat(leaves("entry", 0, 39), new String[] {"the other history"}));
        CheckpointWitness witness = new CheckpointWitness(verifierKey, (from, to) -> {
            throw new AssertionError("equal sizes need no proof");
        }, honest.checkpoint(40));
        ProofException refused = assertThrows(ProofException.class, () -> witness.witness(forked.checkpoint(40)));
        assertTrue(refused.getMessage().startsWith("split view"), refused.getMessage());
    }

    @Test
    void aForkedLogIsRefusedWhicheverProofsTheHubServes() throws Exception {
        Log forked = new Log(concat(leaves("entry", 0, 20), leaves("fork", 20, 40)));
        for (CheckpointWitness.ProofSource source : List.<CheckpointWitness.ProofSource>of(
                honest::consistency, forked::consistency)) {
            CheckpointWitness witness = new CheckpointWitness(verifierKey, source, honest.checkpoint(25));
            assertThrows(ProofException.class, () -> witness.witness(forked.checkpoint(33)), "a longer fork");
            assertThrows(ProofException.class, () -> witness.witness(forked.checkpoint(22)), "a shorter fork");
            assertEquals(25, witness.trustedSize());
        }
        CheckpointWitness witness = new CheckpointWitness(verifierKey, honest::consistency, honest.checkpoint(25));
        witness.witness(forked.checkpoint(20)); // the common prefix is the honest log's too
        assertEquals(25, witness.trustedSize());
    }

    @Test
    void aLyingProofSourceCannotMakeAGoodCheckpointPassOrABadOneFail() throws Exception {
        CheckpointWitness witness = new CheckpointWitness(verifierKey, (from, to) -> {
            List<byte[]> proof = new ArrayList<>(honest.consistency(from, to));
            proof.set(0, new byte[32]);
            return proof;
        }, honest.checkpoint(5));
        assertThrows(ProofException.class, () -> witness.witness(honest.checkpoint(9)));
        CheckpointWitness empty = new CheckpointWitness(verifierKey, (from, to) -> List.of(), honest.checkpoint(5));
        assertThrows(ProofException.class, () -> empty.witness(honest.checkpoint(9)));
    }

    @Test
    void checkpointsNotSignedByTheLogKeyOrForAnotherLogAreRefused() throws Exception {
        CheckpointWitness witness = new CheckpointWitness(verifierKey, honest::consistency, null);
        assertThrows(ProofException.class, () -> witness.witness(honest.checkpoint(5, ed25519())));
        String body = new Checkpoint("another.example/log", 5, MerkleTree.root(honest.tree, 5), List.of()).body();
        assertThrows(ProofException.class, () -> witness.witness(
                SignedNote.sign(body, ORIGIN, key.getPrivate(), key.getPublic())));
        String tampered = honest.checkpoint(5).replaceFirst("\n5\n", "\n6\n");
        assertThrows(ProofException.class, () -> witness.witness(tampered));
        assertNull(witness.trustedNote(), "nothing refused is trusted, not even first");
        assertThrows(ProofException.class, () -> new CheckpointWitness(verifierKey, honest::consistency,
                honest.checkpoint(5, ed25519())), "a persisted checkpoint must verify too");
    }

    @Test
    void concurrentWitnessesEndOnTheLargestCheckpoint() throws Exception {
        CheckpointWitness witness = new CheckpointWitness(verifierKey, honest::consistency, honest.checkpoint(1));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Checkpoint>> all = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                for (long size = 2; size <= 40; size++) {
                    String note = honest.checkpoint(size);
                    all.add(pool.submit(() -> witness.witness(note)));
                }
            }
            for (Future<Checkpoint> f : all) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(40, witness.trustedSize());
    }
}
