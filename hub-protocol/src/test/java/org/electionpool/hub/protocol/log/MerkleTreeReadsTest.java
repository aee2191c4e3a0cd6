package org.electionpool.hub.protocol.log;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The bound the audit log's performance rests on (docs/audit-log.md, "The tree"): a root, an
 * inclusion proof or a consistency proof asks for O(log n) stored subtree hashes, never a walk over
 * the leaves — checked up to 2^40 leaves, where a walk would never finish.
 */
class MerkleTreeReadsTest {

    /** Counts the distinct subtrees a computation asks for; every hash is a placeholder. */
    private static final class Counting implements MerkleTree.Nodes {
        final Set<String> asked = new HashSet<>();
        final long size;

        Counting(long size) {
            this.size = size;
        }

        @Override
        public byte[] node(int level, long index) {
            assertTrue((index + 1) << level <= size, "only complete subtrees inside the tree are asked for");
            asked.add(level + "/" + index);
            return new byte[MerkleTree.HASH_SIZE];
        }
    }

    private static int log2Ceil(long n) {
        return 64 - Long.numberOfLeadingZeros(n - 1);
    }

    @Test
    void rootsAndProofsAskForLogarithmicallyManySubtrees() {
        long[] sizes = {1, 2, 3, 7, 8, 1000, 1_000_000, (1L << 32) + 12345, (1L << 40) - 1};
        for (long size : sizes) {
            int bound = Math.max(1, 2 * log2Ceil(size) + 2);
            Counting root = new Counting(size);
            MerkleTree.root(root, size);
            assertTrue(root.asked.size() <= log2Ceil(size) + 1, "root of " + size + ": " + root.asked.size());
            for (long index : new long[] {0, size / 3, size - 1}) {
                Counting inclusion = new Counting(size);
                MerkleTree.inclusionProof(inclusion, index, size);
                assertTrue(inclusion.asked.size() <= bound, "inclusion " + index + "/" + size + ": " + inclusion.asked.size());
            }
            for (long first : new long[] {1, size / 2, size - 1}) {
                if (first < 1 || first > size) {
                    continue;
                }
                Counting consistency = new Counting(size);
                MerkleTree.consistencyProof(consistency, first, size);
                assertTrue(consistency.asked.size() <= bound, "consistency " + first + "→" + size + ": "
                        + consistency.asked.size());
            }
        }
    }
}
