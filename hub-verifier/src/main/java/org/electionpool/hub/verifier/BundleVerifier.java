package org.electionpool.hub.verifier;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.electionpool.hub.protocol.json.CanonicalJson;
import org.electionpool.hub.protocol.log.Checkpoint;
import org.electionpool.hub.protocol.log.MerkleTree;
import org.electionpool.hub.protocol.log.ProofException;
import org.electionpool.hub.protocol.log.SignedNote;
import org.electionpool.hub.protocol.hxp.Hxp;
import org.electionpool.hub.protocol.json.StrictJson;

/**
 * Verifies a well-formed {@link AuditBundle}, in this order, stopping at the first failure:
 * the C2SP signed checkpoint (c2sp.org/signed-note, c2sp.org/tlog-checkpoint) with the log's
 * Ed25519 verifier key; every entry (RFC 8785 canonical leaf stating its own index, RFC 9162 leaf
 * hash, inclusion proof or gapless order); for an export, the RFC 9162 tree head over all leaves;
 * then every included piece of evidence (the sender's RFC 7515 JWS: its SHA-256 is the leaf's
 * {@code evidence_sha256}, it is signed by a key of the acting organisation valid at the entry's
 * time, and its {@code iss}, {@code jti} and {@code body} agree with the leaf). Stateless.
 */
final class BundleVerifier {

    /**
     * What a successful verification established.
     *
     * @param entries             entries checked
     * @param size                the tree size of the verified checkpoint
     * @param root                the verified tree head
     * @param signaturesVerified  evidence signatures verified
     * @param evidenceWithheld    entries whose leaf records evidence the bundle does not include
     * @param attestationsVerified of the verified evidence, attestations by the hub of a person's
     *                            request in the web UI (channel {@code UI}) — never counted as, nor
     *                            accepted in place of, a sender's signature
     */
    record Result(int entries, long size, byte[] root, int signaturesVerified, int evidenceWithheld,
                  int attestationsVerified) {
    }

    /** The JWS {@code typ} of the hub's attestation of a person's UI request. */
    static final String ATTESTATION_TYP = "hxp-ui-attestation+jwt";

    /** The {@code keys} member under which a bundle carries the hub's own signing keys. */
    static final String HUB_KEYS = "hub";

    /** The members of a leaf that the evidence check needs, read while the leaf is checked. */
    private record LeafFacts(long index, Object timestamp, Object actorOrg, Object jti, Object bodySha256,
                             Object evidenceSha256, Object action, Object targetType, Object targetId, Object details,
                             Object channel, Object actorPrincipal) {
    }

    /**
     * In an export, the log's own record of every key: when it was added (with its RFC 7638
     * thumbprint) and when it was retired or revoked — by entry index. The {@code keys} section is
     * only the hub's statement; the log is what the checkpoint signs.
     */
    private static final class LogKeys {
        private final Map<String, Long> added = new java.util.HashMap<>();
        private final Map<String, String> thumbprints = new java.util.HashMap<>();
        private final Map<String, Long> ended = new java.util.HashMap<>();

        void record(LeafFacts leaf) {
            if ("hub.key.published".equals(leaf.action()) && leaf.details() instanceof Map<?, ?> published
                    && published.get("kid") instanceof String hubKid && published.get("thumbprint") instanceof String print) {
                added.putIfAbsent(HUB_KEYS + "/" + hubKid, leaf.index());
                thumbprints.putIfAbsent(HUB_KEYS + "/" + hubKid, print);
                return;
            }
            if (!"organization".equals(leaf.targetType()) || !(leaf.targetId() instanceof String org)
                    || !(leaf.details() instanceof Map<?, ?> details) || !(details.get("kid") instanceof String kid)) {
                return;
            }
            String key = org + "/" + kid;
            if ("key.added".equals(leaf.action()) && details.get("thumbprint") instanceof String thumbprint) {
                added.putIfAbsent(key, leaf.index());
                thumbprints.putIfAbsent(key, thumbprint);
            } else if ("key.retired".equals(leaf.action()) || "key.revoked".equals(leaf.action())) {
                ended.putIfAbsent(key, leaf.index());
            }
        }

        /** @return why the log does not back key {@code org/kid} for the entry at {@code index}, or null */
        String problem(String org, String kid, JWK jwk, long index) {
            String key = org + "/" + kid;
            Long addedAt = added.get(key);
            if (addedAt == null || addedAt >= index) {
                return "has no key.added entry before this one in the log";
            }
            try {
                if (!jwk.computeThumbprint().toString().equals(thumbprints.get(key))) {
                    return "is not the key the log's key.added entry " + addedAt + " records (thumbprint differs)";
                }
            } catch (JOSEException e) {
                return "has no computable thumbprint";
            }
            Long endedAt = ended.get(key);
            if (endedAt != null && endedAt < index) {
                return "was retired or revoked by entry " + endedAt + ", before this one";
            }
            return null;
        }
    }

    private BundleVerifier() {
    }

    /**
     * @param bundle    the bundle
     * @param pinnedKey the verifier key given with {@code --key}, or {@code null} to take the bundle's
     * @param notes     receives informational lines (e.g. that the key was taken from the bundle)
     * @return what was verified
     * @throws VerificationFailure at the first thing that does not hold
     */
    static Result verify(AuditBundle bundle, String pinnedKey, Consumer<String> notes) throws VerificationFailure {
        Checkpoint checkpoint = verifyCheckpoint(bundle, pinnedKey, notes);
        byte[] root = checkpoint.rootHash();
        long size = bundle.size();
        boolean export = bundle.kind() == AuditBundle.Kind.EXPORT;

        List<LeafFacts> facts = new ArrayList<>(bundle.entries().size());
        List<byte[]> leafHashes = export ? new ArrayList<>(bundle.entries().size()) : null;
        long next = 0;
        long previous = -1;
        for (AuditBundle.Entry entry : bundle.entries()) {
            long i = entry.index();
            if (export && i != next) {
                throw i > next
                        ? VerificationFailure.index(next, "missing from the export (the next entry is index " + i + ")")
                        : VerificationFailure.index(i, "repeated or out of order (expected index " + next + ")");
            }
            if (!export && i <= previous) {
                throw VerificationFailure.index(i, "indexes must be strictly increasing (it follows index " + previous + ")");
            }
            if (i >= size) {
                throw VerificationFailure.index(i, "outside the tree of size " + size);
            }
            byte[] leafHash = MerkleTree.hashLeaf(entry.leaf());
            facts.add(checkLeaf(entry));
            if (!MessageDigest.isEqual(leafHash, entry.leafHash())) {
                throw VerificationFailure.index(i, "leaf_hash does not match SHA-256(0x00 || leaf)");
            }
            if (export) {
                leafHashes.add(leafHash);
            } else {
                try {
                    MerkleTree.verifyInclusion(i, size, leafHash, entry.proof(), root);
                } catch (ProofException e) {
                    throw VerificationFailure.index(i, e.computed() == null
                            ? "inclusion proof is malformed: " + e.getMessage()
                            : "inclusion proof leads to root " + b64(e.computed()) + ", not the checkpoint's "
                            + b64(e.expected()));
                }
            }
            previous = i;
            next = i + 1;
        }

        if (export) {
            if (next != size) {
                throw VerificationFailure.index(next, "missing from the export (it ends at index " + (next - 1)
                        + ", the tree has size " + size + ")");
            }
            byte[] recomputed = MerkleTree.root(new MerkleTree.InMemory(leafHashes), size);
            if (!MessageDigest.isEqual(recomputed, root)) {
                // Every leaf hash was recomputed from its leaf above, so any leaf may be the changed
                // one: one signed root cannot say which.
                throw VerificationFailure.checkpoint(size, "root differs: the checkpoint states "
                        + b64(root) + ", the leaves give " + b64(recomputed));
            }
        }

        LogKeys logKeys = null;
        if (export) {
            logKeys = new LogKeys();
            for (LeafFacts leaf : facts) {
                logKeys.record(leaf);
            }
        }
        int verified = 0;
        int withheld = 0;
        int attested = 0;
        for (int n = 0; n < bundle.entries().size(); n++) {
            AuditBundle.Entry entry = bundle.entries().get(n);
            LeafFacts leaf = facts.get(n);
            if (entry.evidence() == null) {
                if (leaf.evidenceSha256() != null) {
                    withheld++;
                }
                continue;
            }
            if (checkEvidence(entry.evidence(), leaf, bundle.keys(), logKeys)) {
                attested++;
            }
            verified++;
        }
        return new Result(bundle.entries().size(), size, root, verified, withheld, attested);
    }

    private static Checkpoint verifyCheckpoint(AuditBundle bundle, String pinnedKey, Consumer<String> notes)
            throws VerificationFailure {
        long size = bundle.size();
        String vkey;
        if (pinnedKey != null) {
            if (!pinnedKey.equals(bundle.verifierKey())) {
                throw VerificationFailure.checkpoint(size, "the bundle's verifier_key " + bundle.verifierKey()
                        + " is not the key given with --key");
            }
            vkey = pinnedKey;
        } else {
            vkey = bundle.verifierKey();
            notes.accept("NOTE verifier key taken from the bundle: " + vkey
                    + " (only --key <the log's published verifier key> pins the log)");
        }
        SignedNote.VerifierKey key;
        try {
            key = SignedNote.VerifierKey.parse(vkey);
        } catch (IllegalArgumentException e) {
            throw VerificationFailure.checkpoint(size, "verifier key: " + e.getMessage());
        }
        if (!key.name().equals(bundle.origin())) {
            throw VerificationFailure.checkpoint(size, "the verifier key is for \"" + key.name()
                    + "\", not for the origin \"" + bundle.origin() + "\"");
        }
        String body;
        try {
            body = SignedNote.open(bundle.checkpoint(), key);
        } catch (RuntimeException e) { // malformed input of any kind: fail closed
            throw VerificationFailure.checkpoint(size, "signed note: " + e.getMessage());
        }
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.parse(body);
        } catch (IllegalArgumentException e) {
            throw VerificationFailure.checkpoint(size, e.getMessage());
        }
        if (!checkpoint.origin().equals(bundle.origin())) {
            throw VerificationFailure.checkpoint(size, "the checkpoint's origin is \"" + checkpoint.origin()
                    + "\", not \"" + bundle.origin() + "\"");
        }
        if (checkpoint.size() != size) {
            throw VerificationFailure.checkpoint(size, "the checkpoint states size " + checkpoint.size());
        }
        return checkpoint;
    }

    private static LeafFacts checkLeaf(AuditBundle.Entry entry) throws VerificationFailure {
        long i = entry.index();
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(entry.leaf())).toString();
        } catch (CharacterCodingException e) {
            throw VerificationFailure.index(i, "leaf is not UTF-8");
        }
        Object value;
        try {
            value = StrictJson.parse(text, CanonicalJson.MAX_DEPTH);
        } catch (IllegalArgumentException e) {
            throw VerificationFailure.index(i, "leaf is not JSON: " + e.getMessage());
        }
        if (!(value instanceof Map<?, ?> leaf)) {
            throw VerificationFailure.index(i, "leaf is not a JSON object");
        }
        byte[] canonical;
        try {
            canonical = CanonicalJson.write(value);
        } catch (IllegalArgumentException e) {
            throw VerificationFailure.index(i, "leaf is not I-JSON: " + e.getMessage());
        }
        if (!Arrays.equals(canonical, entry.leaf())) {
            throw VerificationFailure.index(i, "leaf is not RFC 8785 canonical JSON");
        }
        Object stated = leaf.get("index");
        if (!(stated instanceof Double d) || d != (double) i) {
            throw VerificationFailure.index(i, stated == null ? "leaf states no index"
                    : "leaf states index " + (stated instanceof Double n ? CanonicalJson.number(n) : stated));
        }
        // The sender's key had to be valid when the hub verified the message (received_at); older
        // leaves without it are dated by their timestamp.
        return new LeafFacts(i, leaf.get("received_at") != null ? leaf.get("received_at") : leaf.get("timestamp"),
                leaf.get("actor_org"), leaf.get("jti"),
                leaf.get("body_sha256"), leaf.get("evidence_sha256"), leaf.get("action"), leaf.get("target_type"),
                leaf.get("target_id"), leaf.get("details"), leaf.get("channel"), leaf.get("actor_principal"));
    }

    /** @return whether the evidence is the hub's attestation of a person's request (channel UI) */
    private static boolean checkEvidence(String jws, LeafFacts leaf, Map<String, List<AuditBundle.RegisteredKey>> keys,
                                         LogKeys logKeys) throws VerificationFailure {
        long i = leaf.index();
        if (!(leaf.evidenceSha256() instanceof String evidenceSha256)) {
            throw VerificationFailure.index(i, "evidence is included but the leaf records no evidence_sha256");
        }
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(jws)) {
            throw VerificationFailure.index(i, "evidence is not ASCII, so not a compact JWS");
        }
        if (!b64(sha256(jws.getBytes(StandardCharsets.US_ASCII))).equals(evidenceSha256)) {
            throw VerificationFailure.index(i, "evidence does not match the leaf's evidence_sha256");
        }
        JWSObject object;
        try {
            object = JWSObject.parse(jws);
        } catch (ParseException e) {
            throw VerificationFailure.index(i, "evidence is not a compact JWS: " + e.getMessage());
        }
        String alg = object.getHeader().getAlgorithm().getName();
        if (!Hxp.JWS_ALGORITHMS.contains(alg)) {
            throw VerificationFailure.index(i, "evidence alg " + alg + " is not one of " + String.join(", ", Hxp.JWS_ALGORITHMS));
        }
        String kid = object.getHeader().getKeyID();
        if (kid == null) {
            throw VerificationFailure.index(i, "evidence header has no kid");
        }
        boolean attestation = object.getHeader().getType() != null
                && ATTESTATION_TYP.equals(object.getHeader().getType().getType());
        boolean person = "UI".equals(leaf.channel());
        if (attestation != person) {
            throw VerificationFailure.index(i, person
                    ? "evidence of a person's request (channel UI) must be the hub's attestation (typ " + ATTESTATION_TYP + ")"
                    : "evidence is the hub's attestation, but the entry's channel is " + leaf.channel()
                    + ": an attestation never stands for a sender's signature");
        }
        if (attestation) {
            checkAttestation(object, kid, leaf, keys, logKeys);
            return true;
        }
        if (!(leaf.actorOrg() instanceof String org)) {
            throw VerificationFailure.index(i, "evidence is included but the leaf names no actor_org");
        }
        AuditBundle.RegisteredKey key = keys.getOrDefault(org, List.of()).stream()
                .filter(k -> k.kid().equals(kid)).findFirst().orElse(null);
        if (key == null) {
            throw VerificationFailure.index(i, "evidence key " + org + "/" + kid + " is not among the bundle's keys");
        }
        if (!key.use().equals("sig")) {
            throw VerificationFailure.index(i, "evidence key " + org + "/" + kid + " is not a signing key (use "
                    + key.use() + ")");
        }
        Instant t;
        try {
            t = Instant.parse(String.valueOf(leaf.timestamp()));
        } catch (DateTimeParseException e) {
            throw VerificationFailure.index(i, "evidence cannot be dated: the leaf's timestamp is not an instant");
        }
        String invalid = key.invalidAt(t);
        if (invalid != null) {
            throw VerificationFailure.index(i, "evidence key " + org + "/" + kid + " " + invalid);
        }
        JWK jwk = key.jwk();
        if (jwk.getAlgorithm() != null && !jwk.getAlgorithm().getName().equals(alg)) {
            throw VerificationFailure.index(i, "evidence alg " + alg + " is not the alg " + jwk.getAlgorithm().getName()
                    + " of key " + org + "/" + kid);
        }
        boolean verified;
        try {
            JWSVerifier verifier;
            if (alg.startsWith("ES") && jwk instanceof ECKey ec) {
                verifier = new ECDSAVerifier(ec);
            } else if (alg.startsWith("PS") && jwk instanceof RSAKey rsa) {
                verifier = new RSASSAVerifier(rsa);
            } else {
                throw VerificationFailure.index(i, "evidence alg " + alg + " does not fit key " + org + "/" + kid
                        + " (kty " + jwk.getKeyType() + ")");
            }
            verified = object.verify(verifier);
        } catch (JOSEException | RuntimeException e) {
            throw VerificationFailure.index(i, "evidence signature cannot be verified with key " + org + "/" + kid
                    + ": " + e.getMessage());
        }
        if (!verified) {
            throw VerificationFailure.index(i, "evidence signature does not verify with key " + org + "/" + kid);
        }
        Object payloadValue;
        try {
            String payload = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(object.getPayload().toBytes())).toString();
            payloadValue = StrictJson.parse(payload, CanonicalJson.MAX_DEPTH);
        } catch (CharacterCodingException | IllegalArgumentException e) {
            throw VerificationFailure.index(i, "evidence payload is not JSON");
        }
        if (!(payloadValue instanceof Map<?, ?> claims)) {
            throw VerificationFailure.index(i, "evidence payload is not a JSON object");
        }
        if (!org.equals(claims.get("iss"))) {
            throw VerificationFailure.index(i, "evidence iss " + claims.get("iss") + " is not the leaf's actor_org " + org);
        }
        if (!(leaf.jti() instanceof String jti)) {
            throw VerificationFailure.index(i, "evidence is included but the leaf records no jti");
        }
        if (!jti.equals(claims.get("jti"))) {
            throw VerificationFailure.index(i, "evidence jti " + claims.get("jti") + " is not the leaf's jti " + jti);
        }
        if (leaf.bodySha256() != null) {
            if (!claims.containsKey(Hxp.CLAIM_BODY)) {
                throw VerificationFailure.index(i, "evidence has no body, but the leaf records body_sha256");
            }
            String bodySha256 = b64(sha256(CanonicalJson.write(claims.get(Hxp.CLAIM_BODY))));
            if (!bodySha256.equals(leaf.bodySha256())) {
                throw VerificationFailure.index(i, "evidence body does not match the leaf's body_sha256");
            }
        }
        // Last: the key record is the hub's statement; in an export the log itself must back it.
        String unbacked = logKeys == null ? null : logKeys.problem(org, kid, jwk, i);
        if (unbacked != null) {
            throw VerificationFailure.index(i, "evidence key " + org + "/" + kid + " " + unbacked);
        }
        return false;
    }

    /**
     * The hub's attestation of a person's request: ES256 by one of the hub's own signing keys (the
     * bundle's {@code keys["hub"]}; in an export also published in the log by a
     * {@code hub.key.published} entry before this one), its {@code org}, {@code sub} and
     * {@code jti} the leaf's actor and request id, its {@code form_sha256} the leaf's
     * {@code body_sha256}.
     */
    private static void checkAttestation(JWSObject object, String kid, LeafFacts leaf,
                                         Map<String, List<AuditBundle.RegisteredKey>> keys, LogKeys logKeys)
            throws VerificationFailure {
        long i = leaf.index();
        if (!"ES256".equals(object.getHeader().getAlgorithm().getName())) {
            throw VerificationFailure.index(i, "the hub's attestation must be ES256");
        }
        AuditBundle.RegisteredKey key = keys.getOrDefault(HUB_KEYS, List.of()).stream()
                .filter(k -> k.kid().equals(kid)).findFirst().orElse(null);
        if (key == null) {
            throw VerificationFailure.index(i, "attestation key hub/" + kid + " is not among the bundle's hub keys");
        }
        if (!key.use().equals("sig") || !(key.jwk() instanceof ECKey ec)) {
            throw VerificationFailure.index(i, "attestation key hub/" + kid + " is not an EC signing key");
        }
        boolean verified;
        try {
            verified = object.verify(new ECDSAVerifier(ec));
        } catch (JOSEException | RuntimeException e) {
            throw VerificationFailure.index(i, "attestation cannot be verified with hub/" + kid + ": " + e.getMessage());
        }
        if (!verified) {
            throw VerificationFailure.index(i, "attestation signature does not verify with the hub's key " + kid);
        }
        Object payloadValue;
        try {
            String payload = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(object.getPayload().toBytes())).toString();
            payloadValue = StrictJson.parse(payload, CanonicalJson.MAX_DEPTH);
        } catch (CharacterCodingException | IllegalArgumentException e) {
            throw VerificationFailure.index(i, "attestation payload is not JSON");
        }
        if (!(payloadValue instanceof Map<?, ?> claims)) {
            throw VerificationFailure.index(i, "attestation payload is not a JSON object");
        }
        if (leaf.actorOrg() == null || !leaf.actorOrg().equals(claims.get("org"))) {
            throw VerificationFailure.index(i, "attestation org " + claims.get("org") + " is not the leaf's actor_org "
                    + leaf.actorOrg());
        }
        if (leaf.actorPrincipal() == null || !leaf.actorPrincipal().equals(claims.get("sub"))) {
            throw VerificationFailure.index(i, "attestation sub " + claims.get("sub") + " is not the leaf's actor_principal "
                    + leaf.actorPrincipal());
        }
        if (leaf.jti() == null || !leaf.jti().equals(claims.get("jti"))) {
            throw VerificationFailure.index(i, "attestation jti " + claims.get("jti") + " is not the leaf's jti " + leaf.jti());
        }
        if (!java.util.Objects.equals(leaf.bodySha256(), claims.get("form_sha256"))) {
            throw VerificationFailure.index(i, "attestation form_sha256 does not match the leaf's body_sha256");
        }
        String unbacked = logKeys == null ? null : logKeys.problem(HUB_KEYS, kid, key.jwk(), i);
        if (unbacked != null) {
            throw VerificationFailure.index(i, "attestation key hub/" + kid + " " + unbacked.replace("key.added",
                    "hub.key.published"));
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
