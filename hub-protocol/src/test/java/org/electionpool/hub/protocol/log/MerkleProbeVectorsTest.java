package org.electionpool.hub.protocol.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.electionpool.hub.protocol.json.StrictJson;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Public known-answer probes for RFC 9162 inclusion and consistency proof verification, run
 * against {@link MerkleTree#verifyInclusion} and {@link MerkleTree#verifyConsistency}.
 *
 * <p><b>Source.</b> The probe files of <a href="https://github.com/transparency-dev/merkle">
 * transparency-dev/merkle</a>, folder {@code testdata/} ({@code inclusion/0,1,2,single-entry,
 * additional} and {@code consistency/0,1,2,additional}: 162 files), copied unmodified into
 * {@code src/test/resources/vectors/transparency-dev-merkle/{inclusion,consistency}-probes.json}
 * as a JSON array of {@code {"file", "commit", "probe"}}, where {@code probe} is the upstream
 * file's text byte for byte and {@code commit} the upstream commit it was read at.
 *
 * <p><b>Licence.</b> Copyright Google LLC, under the Apache License 2.0; the licence text and a
 * NOTICE naming the repository, the commits and the copyright sit beside the data in that folder.
 * No upstream code is used: the probe format is read from the data.
 *
 * <p><b>Format.</b> Hashes are base64 (Go's JSON encoding of {@code []byte}; {@code null} is an
 * empty value). Inclusion: {@code leafIdx} (older files: {@code leafIndex}), {@code treeSize},
 * {@code root}, {@code leafHash}, {@code proof}. Consistency: {@code size1}, {@code size2},
 * {@code root1}, {@code root2}, {@code proof}. Each has {@code desc} and {@code wantErr}.
 *
 * <p><b>Negatives included.</b> Besides the happy paths (and the few other probes with
 * {@code wantErr: false}: a one-entry tree, equal sizes with equal roots) every corruption the
 * generator makes is here: wrong index or size (±1, XOR 2, ×2, ÷2 — including 0 − 1 wrapped to
 * 2<sup>64</sup> − 1), wrong/empty/random/swapped roots, wrong or empty leaf, a flipped bit in every
 * proof element, removed, inserted, truncated components, empty proofs, preceding and trailing
 * garbage or roots, size1 &gt; size2, and size-0 edge cases. A probe with {@code wantErr: true} must
 * be refused — {@link ProofException} or {@link IllegalArgumentException}; {@code wantErr: false}
 * must verify. Any other exception fails the probe.
 *
 * <p><b>Known deviations.</b> Two probes with {@code wantErr: true} are accepted by our code, by
 * design or as a gap not yet decided; they are listed in {@link #KNOWN_DEVIATIONS} with the reason
 * and pinned: the test asserts that we still accept them, so a change to {@link MerkleTree} shows
 * up here and the entry must then be removed (an empty map makes the test strict for all probes).
 *
 * <p>Sizes and indexes are uint64 upstream; {@link StrictJson} reads numbers as doubles. Values up
 * to 2<sup>53</sup> are exact. A value ≥ 2<sup>63</sup> has its top bit set, so as a Java
 * {@code long} (the same 64 bits) it is negative; the only one in these files is 2<sup>64</sup> − 1
 * (0 − 1 wrapped), whose {@code long} is −1, and that is what the probe passes. Anything in between
 * fails the test rather than be rounded.
 */
class MerkleProbeVectorsTest {

    private static final String DIR = "/vectors/transparency-dev-merkle/";
    private static final double TWO_53 = 0x1p53;
    private static final double TWO_63 = 0x1p63;

    /**
     * Probes where upstream wants an error and our implementation verifies, with why. Upstream
     * ({@code proof/verify.go}) refuses a consistency proof from size 0 to a larger size
     * ("meaningless"); {@link MerkleTree} accepts the empty proof from the empty tree to any size —
     * the empty tree is a prefix of every tree, and the hub serves {@code from=0} proofs (empty) to
     * clients that start from nothing, as docs/audit-log.md says.
     */
    private static final Map<String, String> KNOWN_DEVIATIONS = Map.of(
            "testdata/consistency/additional/size1-is-zero-and-does-not-equal-size2.json",
            "size1 0, size2 1, empty proof: our verifyConsistency treats the empty tree as consistent"
                    + " with every tree and accepts",
            "testdata/consistency/additional/size1-is-zero-and-size2-is-not-zero.json",
            "size1 0, size2 1, empty proof: as above");

    /** A probe: its upstream path, the upstream commit, and the parsed file. */
    private record Probe(String file, String commit, Map<String, Object> json) {

        boolean wantErr() {
            return (Boolean) json.get("wantErr");
        }
    }

    @TestFactory
    Stream<DynamicContainer> probes() {
        return Stream.of(
                DynamicContainer.dynamicContainer("inclusion", load("inclusion").stream()
                        .map(p -> DynamicTest.dynamicTest(p.file(), () -> check(p, inclusion(p))))),
                DynamicContainer.dynamicContainer("consistency", load("consistency").stream()
                        .map(p -> DynamicTest.dynamicTest(p.file(), () -> check(p, consistency(p))))));
    }

    /** Guards against a vacuous pass: every probe file was read, with the expected split. */
    @Test
    void allProbesAreRead() {
        List<Probe> inclusion = load("inclusion");
        List<Probe> consistency = load("consistency");
        assertEquals(83, inclusion.size());
        assertEquals(4, inclusion.stream().filter(p -> !p.wantErr()).count());
        assertEquals(79, inclusion.stream().filter(Probe::wantErr).count());
        assertEquals(79, consistency.size());
        assertEquals(9, consistency.stream().filter(p -> !p.wantErr()).count());
        assertEquals(70, consistency.stream().filter(Probe::wantErr).count());
        for (Probe p : inclusion) {
            assertTrue(p.file().startsWith("testdata/inclusion/"), p.file());
        }
        for (Probe p : consistency) {
            assertTrue(p.file().startsWith("testdata/consistency/"), p.file());
        }
        List<Probe> all = concat(inclusion, consistency);
        for (String file : KNOWN_DEVIATIONS.keySet()) {
            assertTrue(all.stream().anyMatch(p -> p.file().equals(file) && p.wantErr()), "stale deviation " + file);
        }
        for (Probe p : all) {
            assertTrue(p.commit().matches("[0-9a-f]{40}"), p.file());
            if ("happy path".equals(p.json().get("desc"))) {
                assertFalse(p.wantErr(), p.file());
            }
        }
    }

    /** What our verifier did with a probe. */
    private record Outcome(boolean verified, String detail) {
    }

    @FunctionalInterface
    private interface Verification {
        void run() throws ProofException;
    }

    private static void check(Probe p, Verification verification) {
        Outcome outcome = outcome(verification);
        String deviation = KNOWN_DEVIATIONS.get(p.file());
        if (deviation != null) {
            assertTrue(outcome.verified(), p.file() + " is listed as a known deviation (" + deviation
                    + ") but our implementation now " + outcome.detail() + ": remove it from KNOWN_DEVIATIONS");
            return;
        }
        boolean want = !p.wantErr();
        if (outcome.verified() != want) {
            fail(p.file() + " (" + p.json().get("desc") + ", commit " + p.commit() + "): upstream wantErr="
                    + p.wantErr() + " but our implementation " + outcome.detail());
        }
    }

    private static Outcome outcome(Verification verification) {
        try {
            verification.run();
            return new Outcome(true, "verified it");
        } catch (ProofException e) {
            return new Outcome(false, "refused it: ProofException: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            return new Outcome(false, "refused it: IllegalArgumentException: " + e.getMessage());
        }
    }

    private static Verification inclusion(Probe p) {
        Map<String, Object> j = p.json();
        String indexKey = j.containsKey("leafIdx") ? "leafIdx" : "leafIndex";
        assertTrue(j.containsKey(indexKey) && !(j.containsKey("leafIdx") && j.containsKey("leafIndex")),
                p.file() + ": exactly one of leafIdx, leafIndex");
        long index = uint64(j, indexKey, p);
        long size = uint64(j, "treeSize", p);
        byte[] leafHash = bytes(j, "leafHash", p);
        List<byte[]> proof = proof(j, p);
        byte[] root = bytes(j, "root", p);
        return () -> MerkleTree.verifyInclusion(index, size, leafHash, proof, root);
    }

    private static Verification consistency(Probe p) {
        Map<String, Object> j = p.json();
        long size1 = uint64(j, "size1", p);
        long size2 = uint64(j, "size2", p);
        List<byte[]> proof = proof(j, p);
        byte[] root1 = bytes(j, "root1", p);
        byte[] root2 = bytes(j, "root2", p);
        return () -> MerkleTree.verifyConsistency(size1, size2, proof, root1, root2);
    }

    /** A uint64 field as the Java long with the same 64 bits (see the class comment). */
    private static long uint64(Map<String, Object> j, String key, Probe p) {
        Object v = j.get(key);
        assertTrue(v instanceof Double, p.file() + ": " + key + " must be a number");
        double d = (Double) v;
        assertTrue(d >= 0 && d == Math.rint(d), p.file() + ": " + key + " must be a non-negative integer");
        if (d <= TWO_53) {
            return (long) d;
        }
        if (d >= TWO_63) {
            // 2^64 - 1 (0 - 1 wrapped) reads as the double 2^64; its 64 bits as a long are -1.
            assertEquals(0x1p64, d, p.file() + ": " + key + " must be 2^64 - 1");
            return -1L;
        }
        return fail(p.file() + ": " + key + " = " + d + " is not exact as a double");
    }

    private static byte[] bytes(Map<String, Object> j, String key, Probe p) {
        assertTrue(j.containsKey(key), p.file() + ": no " + key);
        return base64(j.get(key), p);
    }

    private static List<byte[]> proof(Map<String, Object> j, Probe p) {
        assertTrue(j.containsKey("proof"), p.file() + ": no proof");
        Object v = j.get("proof");
        List<byte[]> proof = new ArrayList<>();
        if (v == null) {
            return proof; // Go's nil slice
        }
        assertTrue(v instanceof List, p.file() + ": proof must be an array");
        for (Object e : (List<?>) v) {
            proof.add(base64(e, p));
        }
        return proof;
    }

    private static byte[] base64(Object v, Probe p) {
        if (v == null) {
            return new byte[0]; // Go's nil []byte
        }
        assertTrue(v instanceof String, p.file() + ": hashes are base64 strings");
        return Base64.getDecoder().decode((String) v);
    }

    @SuppressWarnings("unchecked")
    private static List<Probe> load(String kind) {
        String text;
        try (InputStream in = MerkleProbeVectorsTest.class.getResourceAsStream(DIR + kind + "-probes.json")) {
            assertNotNull(in, "missing resource " + DIR + kind + "-probes.json");
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<Probe> probes = new ArrayList<>();
        for (Object o : (List<Object>) StrictJson.parse(text, 64)) {
            Map<String, Object> entry = (Map<String, Object>) o;
            probes.add(new Probe((String) entry.get("file"), (String) entry.get("commit"),
                    (Map<String, Object>) entry.get("probe")));
        }
        return probes;
    }

    private static List<Probe> concat(List<Probe> a, List<Probe> b) {
        List<Probe> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
