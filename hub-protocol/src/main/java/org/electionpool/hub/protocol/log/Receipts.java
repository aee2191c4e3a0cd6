package org.electionpool.hub.protocol.log;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.electionpool.hub.protocol.json.CanonicalJson;
import org.electionpool.hub.protocol.json.StrictJson;

/**
 * Checks an audit receipt on the spot (docs/audit-log.md §5), with nothing but the log's C2SP
 * verifier key: the checkpoint's Ed25519 signature and origin (C2SP signed-note and
 * tlog-checkpoint), the size, the leaf hash (RFC 9162 §2.1.1), the inclusion proof from that leaf
 * to the checkpoint's root (RFC 9162 §2.1.3.2), and that the leaf records <em>this</em> request:
 * its {@code jti} and the SHA-256 of the signed message the sender actually sent.
 *
 * <p>Stateless and thread-safe.
 */
public final class Receipts {

    private Receipts() {
    }

    /**
     * A receipt that verified.
     *
     * @param index      the entry's index
     * @param size       the tree size of the checkpoint
     * @param root       the checkpoint's root hash
     * @param checkpoint the signed checkpoint note, for later consistency checks
     * @param entry      the leaf, parsed
     */
    public record Verified(long index, long size, byte[] root, String checkpoint, Map<?, ?> entry) {
    }

    /**
     * @param receiptJson the {@code receipt} claim as JSON text
     * @param logKey      the log's verifier key (from {@code audit_log.verifier_key} of the hub's
     *                    discovery document)
     * @param jti         the request's {@code jti}
     * @param evidence    the compact JWS the sender sent, or {@code null} to skip that check
     * @return the verified receipt
     * @throws ProofException naming the first check that failed
     */
    public static Verified verify(String receiptJson, SignedNote.VerifierKey logKey, String jti, String evidence)
            throws ProofException {
        Map<?, ?> receipt;
        long index;
        long size;
        byte[] leaf;
        byte[] leafHash;
        List<byte[]> proof = new ArrayList<>();
        String note;
        try {
            if (!(StrictJson.parse(receiptJson, 8) instanceof Map<?, ?> m)) {
                throw new ProofException("receipt is not a JSON object");
            }
            receipt = m;
            index = integer(receipt.get("index"), "index");
            size = integer(receipt.get("size"), "size");
            leaf = Base64.getDecoder().decode(string(receipt.get("leaf"), "leaf"));
            leafHash = Base64.getDecoder().decode(string(receipt.get("leaf_hash"), "leaf_hash"));
            if (!(receipt.get("proof") instanceof List<?> hashes)) {
                throw new ProofException("receipt has no proof");
            }
            for (Object hash : hashes) {
                proof.add(Base64.getDecoder().decode(string(hash, "proof")));
            }
            note = string(receipt.get("checkpoint"), "checkpoint");
        } catch (IllegalArgumentException e) {
            throw new ProofException("malformed receipt: " + e.getMessage());
        }
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.parse(SignedNote.open(note, logKey));
        } catch (IllegalArgumentException e) {
            throw new ProofException("receipt checkpoint does not verify: " + e.getMessage());
        }
        if (!checkpoint.origin().equals(logKey.name()) || checkpoint.size() != size) {
            throw new ProofException("receipt checkpoint states another origin or size");
        }
        if (!MessageDigest.isEqual(MerkleTree.hashLeaf(leaf), leafHash)) {
            throw new ProofException("receipt leaf_hash is not the hash of its leaf");
        }
        MerkleTree.verifyInclusion(index, size, leafHash, proof, checkpoint.rootHash());
        Map<?, ?> entry;
        try {
            if (!(StrictJson.parse(new String(leaf, StandardCharsets.UTF_8), CanonicalJson.MAX_DEPTH) instanceof Map<?, ?> e)) {
                throw new ProofException("receipt leaf is not a JSON object");
            }
            entry = e;
        } catch (IllegalArgumentException e) {
            throw new ProofException("receipt leaf is not JSON: " + e.getMessage());
        }
        if (!(entry.get("index") instanceof Number n) || n.longValue() != index) {
            throw new ProofException("receipt leaf states another index");
        }
        if (!jti.equals(entry.get("jti"))) {
            throw new ProofException("receipt leaf records another request (jti)");
        }
        if (evidence != null && !sha256(evidence).equals(entry.get("evidence_sha256"))) {
            throw new ProofException("receipt leaf records another signed message (evidence_sha256)");
        }
        return new Verified(index, size, checkpoint.rootHash(), note, entry);
    }

    private static long integer(Object value, String name) throws ProofException {
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && n.doubleValue() >= 0) {
            return n.longValue();
        }
        throw new ProofException("receipt " + name + " is not a non-negative integer");
    }

    private static String string(Object value, String name) throws ProofException {
        if (value instanceof String s) {
            return s;
        }
        throw new ProofException("receipt " + name + " is not a string");
    }

    /** @return standard base64 of SHA-256 over the UTF-8 bytes of the text (the leaf's digest form) */
    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
