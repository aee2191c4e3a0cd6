package org.electionpool.hub.audit.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.protocol.log.Checkpoint;
import org.electionpool.hub.protocol.log.MerkleTree;
import org.electionpool.hub.protocol.log.SignedNote;
import org.electionpool.hub.api.organizations.OrganizationId;
import org.electionpool.hub.api.security.Caller;
import org.junit.jupiter.api.Test;

/**
 * The fsck core over an in-memory log built with the real leaf builder, tree and Ed25519 notes
 * (key generated for the run): a clean log checks; each single tampering is named at its index.
 */
class LogScanTest {

    private static final String ORIGIN = "hub.example.test/audit-log";
    private static final int SIZE = 37;

    private final KeyPair key = generate();
    private final SignedNote.VerifierKey verifierKey =
            SignedNote.VerifierKey.parse(SignedNote.verifierKey(ORIGIN, SignedNote.rawKey(key.getPublic())));

    private final List<AuditLeaf> leaves = new ArrayList<>();
    private final Map<String, byte[]> nodes = new HashMap<>();
    private final List<String> notes = new ArrayList<>(); // notes.get(i): the checkpoint of size i + 1

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    LogScanTest() {
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 0; i < SIZE; i++) {
            AuditContext context = new AuditContext(Caller.Channel.API, new OrganizationId("platform-alpha"), "sig-1",
                    "jti-" + i, "eyJ.e30.sig-" + i, null, Instant.EPOCH);
            byte[] nonce = new byte[AuditLeaf.NONCE_BYTES];
            nonce[0] = (byte) i;
            AuditLeaf leaf = AuditLeaf.build(i, Instant.EPOCH.plusSeconds(i), context, "case.read", "case", "c-" + i,
                    null, nonce);
            leaves.add(leaf);
            hashes.add(leaf.leafHash());
        }
        MerkleTree.InMemory tree = new MerkleTree.InMemory(hashes);
        for (int level = 0; (1L << level) <= SIZE; level++) {
            for (long n = 0; (n + 1) << level <= SIZE; n++) {
                nodes.put(level + "/" + n, tree.node(level, n));
            }
        }
        for (int size = 1; size <= SIZE; size++) {
            String body = new Checkpoint(ORIGIN, size, MerkleTree.root(tree, size), List.of()).body();
            notes.add(SignedNote.sign(body, ORIGIN, key.getPrivate(), key.getPublic()));
        }
    }

    /** @return the index of the first problem and the problem, or null if the whole log checks */
    private String scan() {
        LogScan scan = new LogScan(verifierKey);
        for (int i = 0; i < SIZE; i++) {
            AuditLeaf l = leaves.get(i);
            String problem = scan.accept(l.leaf(), Base64.getEncoder().encodeToString(l.leafHash()), l.evidence(),
                    (level, n) -> nodes.get(level + "/" + n), notes.get(i));
            if (problem != null) {
                return i + ": " + problem;
            }
        }
        assertEquals(SIZE, scan.next());
        assertEquals(SIZE, scan.checkpointsChecked());
        return null;
    }

    @Test
    void aCleanLogChecksEntryByEntry() {
        assertNull(scan());
    }

    @Test
    void aChangedLeafIsNamedAtItsIndex() {
        AuditLeaf l = leaves.get(20);
        byte[] changed = new String(l.leaf(), java.nio.charset.StandardCharsets.UTF_8).replace("case.read", "case.reed")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        leaves.set(20, new AuditLeaf(20, l.recordedAt(), l.action(), changed, l.leafHash(), l.actorOrg(), l.jti(),
                l.targetType(), l.targetId(), l.evidence()));
        assertEquals("20: stored leaf hash differs from the hash of the leaf", scan());
    }

    @Test
    void changedEvidenceIsNamedAtItsIndex() {
        AuditLeaf l = leaves.get(5);
        leaves.set(5, new AuditLeaf(5, l.recordedAt(), l.action(), l.leaf(), l.leafHash(), l.actorOrg(), l.jti(),
                l.targetType(), l.targetId(), l.evidence() + "x"));
        assertEquals("5: stored evidence differs from the leaf's evidence_sha256", scan());
    }

    @Test
    void aChangedSubtreeHashIsNamedWhereItIsCompleted() {
        nodes.put("3/2", new byte[32]); // leaves 16..23, completed by entry 23
        assertEquals("23: stored subtree hash (3, 2) differs from the recomputed one", scan());
        nodes.remove("3/2");
        assertTrue(scan().startsWith("23: stored subtree hash (3, 2)"), "a missing one too");
    }

    @Test
    void aCheckpointWithAnotherRootOrABadSignatureIsNamedAtItsEntry() {
        String good = notes.get(30);
        notes.set(30, notes.get(29)); // the note of size 30 where size 31 belongs
        assertEquals("30: checkpoint of size 31 states another size or origin", scan());
        String tampered = good.substring(0, good.length() - 10) + (good.charAt(good.length() - 10) == 'A' ? 'B' : 'A')
                + good.substring(good.length() - 9);
        notes.set(30, tampered);
        assertTrue(scan().startsWith("30: checkpoint of size 31 does not verify"));
    }

    @Test
    void nodesCompletedInARangeAreTheOnesWhoseLastLeafLiesInIt() {
        assertArrayEquals(new long[] {1000, 1999}, LogScan.nodesCompletedIn(0, 1000, 2000));
        assertArrayEquals(new long[] {500, 999}, LogScan.nodesCompletedIn(1, 1000, 2000)); // leaves 1000-1001 … 1998-1999
        assertArrayEquals(new long[] {0, 1}, LogScan.nodesCompletedIn(10, 1000, 2048)); // ending at 1023 and 2047
        assertArrayEquals(new long[] {0, 0}, LogScan.nodesCompletedIn(10, 1000, 2000)); // leaves 0-1023
        assertNull(LogScan.nodesCompletedIn(10, 1024, 2000), "leaves 1024-2047 end beyond the range");
        assertNull(LogScan.nodesCompletedIn(3, 9, 15), "leaves 8-15 end at 15, outside [9, 15)");
        assertArrayEquals(new long[] {1, 1}, LogScan.nodesCompletedIn(3, 9, 16));
    }

    @Test
    void whatLiesBeyondTheHeadIsNamed() {
        assertNull(LogScan.tailProblem(10, 0, 0, 0));
        assertTrue(LogScan.tailProblem(10, 1, 0, 0).contains("head was moved back"));
        assertTrue(LogScan.tailProblem(10, 0, 1, 0).contains("head was moved back"));
        assertTrue(LogScan.tailProblem(10, 0, 0, 1).contains("removed from the end"));
    }

    @Test
    void nodeKeysRoundTripAndRefuseWhatDoesNotFit() {
        for (int level : new int[] {0, 1, 20, 63}) {
            for (long index : new long[] {0, 1, 123_456_789, NodeKey.MAX_INDEX}) {
                long key = NodeKey.of(level, index);
                assertEquals(level, NodeKey.level(key));
                assertEquals(index, NodeKey.index(key));
            }
        }
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> NodeKey.of(64, 0));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> NodeKey.of(-1, 0));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> NodeKey.of(0, NodeKey.MAX_INDEX + 1));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> NodeKey.of(0, -1));
    }
}
