package org.electionpool.hub.protocol.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Known answers for RFC 9162 §2.1: the reference tree of Certificate Transparency's test suites
 * (RFC 6962 leaves d0..d7; the same vectors appear in google/certificate-transparency, Trillian and
 * transparency-dev/merkle): its roots for every size, published inclusion paths and consistency
 * proofs — plus exhaustive round trips and negative cases.
 */
class MerkleTreeVectorsTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final String[] LEAVES = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
        "606162636465666768696a6b6c6d6e6f"};
    private static final String[] ROOTS = {
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};
    private static final List<String> INCLUSION_0_OF_8 = List.of(
        "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
    private static final List<String> INCLUSION_5_OF_8 = List.of(
        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
    private static final List<String> CONSISTENCY_6_TO_8 = List.of(
        "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
    private static final List<String> CONSISTENCY_2_TO_5 = List.of(
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");

    private static MerkleTree.InMemory tree(int size) {
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            hashes.add(MerkleTree.hashLeaf(HEX.parseHex(LEAVES[i])));
        }
        return new MerkleTree.InMemory(hashes);
    }

    private static List<String> hex(List<byte[]> proof) {
        return proof.stream().map(HEX::formatHex).toList();
    }

    private static List<byte[]> bytes(List<String> proof) {
        return proof.stream().map(HEX::parseHex).toList();
    }

    private static byte[] root(int size) {
        return HEX.parseHex(ROOTS[size - 1]);
    }

    @Test
    void emptyTreeIsTheHashOfNothing() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                HEX.formatHex(MerkleTree.root(tree(0), 0)));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void rootsMatchTheReferenceTree(int size) {
        assertEquals(ROOTS[size - 1], HEX.formatHex(MerkleTree.root(tree(8), size)), "prefix of the 8-leaf tree");
        assertEquals(ROOTS[size - 1], HEX.formatHex(MerkleTree.root(tree(size), size)));
    }

    @Test
    void inclusionPathsMatchThePublishedOnes() throws Exception {
        assertEquals(INCLUSION_0_OF_8, hex(MerkleTree.inclusionProof(tree(8), 0, 8)));
        assertEquals(INCLUSION_5_OF_8, hex(MerkleTree.inclusionProof(tree(8), 5, 8)));
        MerkleTree.verifyInclusion(5, 8, MerkleTree.hashLeaf(HEX.parseHex(LEAVES[5])), bytes(INCLUSION_5_OF_8), root(8));
    }

    @Test
    void consistencyProofsMatchThePublishedOnes() throws Exception {
        assertEquals(CONSISTENCY_6_TO_8, hex(MerkleTree.consistencyProof(tree(8), 6, 8)));
        assertEquals(CONSISTENCY_2_TO_5, hex(MerkleTree.consistencyProof(tree(8), 2, 5)));
        assertEquals(INCLUSION_0_OF_8, hex(MerkleTree.consistencyProof(tree(8), 1, 8)));
        MerkleTree.verifyConsistency(6, 8, bytes(CONSISTENCY_6_TO_8), root(6), root(8));
        MerkleTree.verifyConsistency(2, 5, bytes(CONSISTENCY_2_TO_5), root(2), root(5));
    }

    @Test
    void everyInclusionAndConsistencyProofUpTo40LeavesVerifies() {
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            hashes.add(MerkleTree.hashLeaf(new byte[] {(byte) i, 42}));
        }
        MerkleTree.InMemory big = new MerkleTree.InMemory(hashes);
        for (int size = 1; size <= 40; size++) {
            byte[] root = MerkleTree.root(big, size);
            for (int index = 0; index < size; index++) {
                int i = index;
                int n = size;
                assertDoesNotThrow(() -> MerkleTree.verifyInclusion(i, n, hashes.get(i),
                        MerkleTree.inclusionProof(big, i, n), root), "inclusion " + index + " in " + size);
            }
            for (int first = 0; first <= size; first++) {
                int m = first;
                int n = size;
                assertDoesNotThrow(() -> MerkleTree.verifyConsistency(m, n, MerkleTree.consistencyProof(big, m, n),
                        MerkleTree.root(big, m), root), "consistency " + first + " to " + size);
            }
        }
    }

    @Test
    void wrongRootIsReportedWithBothValues() {
        byte[] leaf = MerkleTree.hashLeaf(HEX.parseHex(LEAVES[5]));
        ProofException e = assertThrows(ProofException.class,
                () -> MerkleTree.verifyInclusion(5, 8, leaf, bytes(INCLUSION_5_OF_8), root(7)));
        assertArrayEquals(root(7), e.expected());
        assertArrayEquals(root(8), e.computed());
    }

    @Test
    void tamperedProofsFail() {
        byte[] leaf5 = MerkleTree.hashLeaf(HEX.parseHex(LEAVES[5]));
        List<byte[]> proof = new ArrayList<>(bytes(INCLUSION_5_OF_8));
        assertThrows(ProofException.class, () -> MerkleTree.verifyInclusion(4, 8, leaf5, proof, root(8)), "other index");
        assertThrows(ProofException.class, () -> MerkleTree.verifyInclusion(5, 8,
                MerkleTree.hashLeaf(HEX.parseHex(LEAVES[4])), proof, root(8)), "other leaf");
        assertThrows(ProofException.class, () -> MerkleTree.verifyInclusion(5, 8, leaf5, proof.subList(0, 2), root(8)),
                "short");
        List<byte[]> longer = new ArrayList<>(proof);
        longer.add(new byte[32]);
        assertThrows(ProofException.class, () -> MerkleTree.verifyInclusion(5, 8, leaf5, longer, root(8)), "long");
        assertThrows(ProofException.class, () -> MerkleTree.verifyInclusion(8, 8, leaf5, proof, root(8)), "out of range");
        assertThrows(ProofException.class, () -> MerkleTree.verifyConsistency(6, 8, bytes(CONSISTENCY_6_TO_8), root(5),
                root(8)), "wrong first root");
        assertThrows(ProofException.class, () -> MerkleTree.verifyConsistency(6, 8, bytes(CONSISTENCY_6_TO_8), root(6),
                root(7)), "wrong second root");
        assertThrows(ProofException.class, () -> MerkleTree.verifyConsistency(6, 8, List.of(), root(6), root(8)), "empty");
        assertThrows(ProofException.class, () -> MerkleTree.verifyConsistency(8, 6, List.of(), root(8), root(6)),
                "shrinking");
        assertThrows(ProofException.class, () -> MerkleTree.verifyInclusion(5, 8, leaf5,
                List.of(new byte[31], new byte[32], new byte[32]), root(8)), "wrong element length");
    }

    @Test
    void proofsReadFewNodes() {
        int[] reads = {0};
        MerkleTree.Nodes counting = (level, index) -> {
            reads[0]++;
            return new byte[32];
        };
        long size = 1_000_003;
        MerkleTree.inclusionProof(counting, 777_777, size);
        int inclusionReads = reads[0];
        reads[0] = 0;
        MerkleTree.consistencyProof(counting, 654_321, size);
        assertTrue(inclusionReads <= 2 * 64, "inclusion read " + inclusionReads + " nodes");
        assertTrue(reads[0] <= 3 * 64, "consistency read " + reads[0] + " nodes");
    }
}
