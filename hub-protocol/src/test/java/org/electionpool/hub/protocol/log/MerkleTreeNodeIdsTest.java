package org.electionpool.hub.protocol.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The node-id functions ({@link MerkleTree#rootNodes}, {@link MerkleTree#inclusionNodes},
 * {@link MerkleTree#consistencyNodes}) name exactly the stored subtrees, in the order, that the
 * recursive RFC 9162 §2.1 computations ask for; and the results computed from a map of those
 * hashes are byte-identical to the recursive ones — for every index &lt; size ≤ 300 and for random
 * sizes up to 2^62.
 */
class MerkleTreeNodeIdsTest {

    /** Hashes that depend on (level, index) only, so a tree of any size needs no leaves. */
    private static byte[] synthetic(int level, long index) {
        return MerkleTree.hashLeaf(ByteBuffer.allocate(12).putInt(level).putLong(index).array());
    }

    /** Records the subtrees a computation asks for, in order of first request. */
    private static final class Recording implements MerkleTree.Nodes {
        final Set<MerkleTree.NodeId> asked = new LinkedHashSet<>();
        final MerkleTree.Nodes source;

        Recording(MerkleTree.Nodes source) {
            this.source = source;
        }

        @Override
        public byte[] node(int level, long index) {
            asked.add(new MerkleTree.NodeId(level, index));
            return source.node(level, index);
        }
    }

    private static Map<MerkleTree.NodeId, byte[]> read(List<MerkleTree.NodeId> ids, MerkleTree.Nodes source) {
        Map<MerkleTree.NodeId, byte[]> stored = new HashMap<>();
        for (MerkleTree.NodeId id : ids) {
            stored.put(id, source.node(id.level(), id.index()));
        }
        return stored;
    }

    private static void assertSameHashes(List<byte[]> expected, List<byte[]> actual, String what) {
        assertEquals(expected.size(), actual.size(), what);
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), what + " element " + i);
        }
    }

    private static void checkRoot(MerkleTree.Nodes source, long size) {
        Recording r = new Recording(source);
        byte[] expected = MerkleTree.root(r, size);
        List<MerkleTree.NodeId> ids = MerkleTree.rootNodes(size);
        assertEquals(new ArrayList<>(r.asked), ids, "root nodes of " + size);
        assertArrayEquals(expected, MerkleTree.rootFrom(read(ids, source), size), "root of " + size);
    }

    private static void checkInclusion(MerkleTree.Nodes source, long index, long size) {
        Recording r = new Recording(source);
        List<byte[]> expected = MerkleTree.inclusionProof(r, index, size);
        List<MerkleTree.NodeId> ids = MerkleTree.inclusionNodes(index, size);
        assertEquals(new ArrayList<>(r.asked), ids, "inclusion nodes " + index + " in " + size);
        assertSameHashes(expected, MerkleTree.inclusionProofFrom(read(ids, source), index, size),
                "inclusion " + index + " in " + size);
    }

    private static void checkConsistency(MerkleTree.Nodes source, long first, long second) {
        Recording r = new Recording(source);
        List<byte[]> expected = MerkleTree.consistencyProof(r, first, second);
        List<MerkleTree.NodeId> ids = MerkleTree.consistencyNodes(first, second);
        assertEquals(new ArrayList<>(r.asked), ids, "consistency nodes " + first + " to " + second);
        assertSameHashes(expected, MerkleTree.consistencyProofFrom(read(ids, source), first, second),
                "consistency " + first + " to " + second);
    }

    @Test
    void everySizeUpTo300AgainstTheRecursion() {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            leaves.add(MerkleTree.hashLeaf(("leaf " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        MerkleTree.InMemory tree = new MerkleTree.InMemory(leaves);
        checkRoot(tree, 0);
        for (long size = 1; size <= 300; size++) {
            checkRoot(tree, size);
            for (long index = 0; index < size; index++) {
                checkInclusion(tree, index, size);
            }
            for (long first = 0; first <= size; first++) {
                checkConsistency(tree, first, size);
            }
        }
    }

    @Test
    void randomLargeSizes() {
        Random random = new Random(9162);
        MerkleTree.Nodes source = MerkleTreeNodeIdsTest::synthetic;
        for (int i = 0; i < 2000; i++) {
            long size = 1 + (random.nextLong() >>> (2 + random.nextInt(62)));
            long index = Math.floorMod(random.nextLong(), size);
            long first = Math.floorMod(random.nextLong(), size + 1);
            checkRoot(source, size);
            checkInclusion(source, index, size);
            checkInclusion(source, size - 1, size);
            checkConsistency(source, first, size);
            checkConsistency(source, size - 1, size);
        }
    }

    @Test
    void theAppendsFrontierIsTheLastLeafsProofAndTheRootsLeftPart() {
        // An append at index i reads rootNodes(i) (the frontier) and computes the new subtrees; the
        // receipt's proof (last leaf in size i + 1) needs the frontier only.
        for (long index = 0; index < 5000; index++) {
            assertEquals(new LinkedHashSet<>(MerkleTree.rootNodes(index)),
                    new LinkedHashSet<>(MerkleTree.inclusionNodes(index, index + 1)), "frontier of " + index);
        }
    }

    @Test
    void aMissingHashIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> MerkleTree.rootFrom(Map.of(), 3));
        assertThrows(IllegalArgumentException.class, () -> new MerkleTree.NodeId(64, 0));
        assertThrows(IllegalArgumentException.class, () -> MerkleTree.inclusionNodes(3, 3));
        assertThrows(IllegalArgumentException.class, () -> MerkleTree.consistencyNodes(4, 3));
    }
}
