package org.electionpool.hub.verifier;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.electionpool.hub.protocol.json.CanonicalJson;
import org.electionpool.hub.protocol.log.Checkpoint;
import org.electionpool.hub.protocol.log.MerkleTree;
import org.electionpool.hub.protocol.log.SignedNote;
import org.electionpool.hub.protocol.hxp.Hxp;

/**
 * Builds real {@code hxp-audit-bundle/1} documents at test time, the way the hub would: a fresh
 * Ed25519 log key signs a C2SP checkpoint over an RFC 9162 tree of RFC 8785 canonical leaves; a
 * fresh P-256 organisation key signs the ES256 requests kept as evidence. No key is stored
 * anywhere; every fixture has its own.
 *
 * <p>Leaves and evidence are added first (each test may add odd ones); {@link #export()} and
 * {@link #bundle(long...)} then build the tree, sign the checkpoint and return the document as
 * mutable maps, ready to be tampered with and written with {@link #json(Map)}.
 */
final class AuditFixture {

    static final String ORIGIN = "localhost:8080/audit-log";
    static final String ORG = "platform-alpha";
    static final String OPERATOR = "hub-operator";
    static final String ORG_KID = "alpha-sig-1";
    /** The first entry's timestamp; entry i is {@code T0 + i seconds}. */
    static final Instant T0 = Instant.parse("2026-11-23T18:40:00.123456Z");

    final KeyPair logKey;
    final ECKey orgKey;
    final String verifierKey;
    /** Per organisation, its key records as they go into the bundle (mutable). */
    final Map<String, List<Map<String, Object>>> keys = new LinkedHashMap<>();

    private final List<byte[]> leaves = new ArrayList<>();
    private final List<String> evidence = new ArrayList<>();

    AuditFixture() {
        try {
            logKey = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            orgKey = new ECKeyGenerator(Curve.P_256).keyID(ORG_KID).keyUse(KeyUse.SIGNATURE).generate();
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException(e);
        }
        verifierKey = SignedNote.verifierKey(ORIGIN, SignedNote.rawKey(logKey.getPublic()));
        registerOrgKey("ACTIVE", null, null);
    }

    /**
     * Seven entries: 0 unsigned (the operator registers the organisation's key: key.added with its
     * RFC 7638 thumbprint, which backs the key record in an export), 1 signed with a body,
     * 2 a refused request (no actor), 3 signed with a body, 4 signed without a body, 5 unsigned,
     * 6 signed with a body (key retired by its organisation).
     */
    static AuditFixture standard() {
        AuditFixture f = new AuditFixture();
        f.addKeyAdded();
        f.addSigned("key.added", Map.of("kid", "alpha-sig-2", "use", "sig"));
        f.addRefused();
        f.addSigned("report.submitted", Map.of("title", "Coordinated inauthentic accounts", "count", 42,
                "urls", List.of("https://example.org/a", "https://example.org/b")));
        f.addSigned("attachment.fetched", null);
        f.addUnsigned("organization.suspended");
        f.addSigned("key.retired", Map.of("kid", "alpha-sig-0", "reason", "rotation \u00e9t\u00e9"));
        return f;
    }

    /** Replaces the organisation key's record with one of the given status and instants. */
    void registerOrgKey(String status, Instant retiredAt, Instant revokedAt) {
        Map<String, Object> record = keyRecord(orgKey, "sig", status, T0.minusSeconds(86_400), retiredAt, revokedAt);
        keys.put(ORG, new ArrayList<>(List.of(record)));
    }

    static Map<String, Object> keyRecord(ECKey key, String use, String status, Instant createdAt, Instant retiredAt,
                                         Instant revokedAt) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("kid", key.getKeyID());
        record.put("use", use);
        record.put("status", status);
        record.put("jwk", key.toPublicJWK().toJSONObject());
        record.put("created_at", createdAt.toString());
        if (retiredAt != null) {
            record.put("retired_at", retiredAt.toString());
        }
        if (revokedAt != null) {
            record.put("revoked_at", revokedAt.toString());
        }
        return record;
    }

    long size() {
        return leaves.size();
    }

    static Instant timestamp(long index) {
        return T0.plusSeconds(index);
    }

    /** @return the members every entry has, for the next index */
    Map<String, Object> baseFields(String action) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("index", size());
        fields.put("timestamp", timestamp(size()).toString());
        fields.put("action", action);
        fields.put("channel", "API");
        return fields;
    }

    void addUnsigned(String action) {
        Map<String, Object> fields = baseFields(action);
        fields.put("actor_org", OPERATOR);
        fields.put("target_type", "organization");
        fields.put("target_id", ORG);
        addLeaf(CanonicalJson.write(fields), null);
    }

    /** Adds the operator's key.added entry for the organisation key, with its RFC 7638 thumbprint. */
    void addKeyAdded() {
        Map<String, Object> fields = baseFields("key.added");
        fields.put("actor_org", OPERATOR);
        fields.put("target_type", "organization");
        fields.put("target_id", ORG);
        try {
            fields.put("details", Map.of("kid", ORG_KID, "use", "SIG", "thumbprint",
                    orgKey.computeThumbprint().toString(), "certified", false));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        addLeaf(CanonicalJson.write(fields), null);
    }

    void addRefused() {
        Map<String, Object> fields = baseFields("request.refused");
        fields.put("reason", "hxp-replayed");
        fields.put("method", "POST");
        fields.put("path", "/api/v1/reports");
        fields.put("remote_address", "192.0.2.7");
        addLeaf(CanonicalJson.write(fields), null);
    }

    /** Adds an entry for a request signed with the organisation key, evidence included. */
    void addSigned(String action, Map<String, Object> body) {
        String jti = "jti-" + size();
        String jws = request(JWSAlgorithm.ES256, signer(orgKey), ORG_KID, ORG, jti, body, timestamp(size()));
        addLeaf(CanonicalJson.write(signedFields(action, ORG, jti, jws, body)), jws);
    }

    /** @return the leaf members of an entry recording the signed request {@code jws} */
    Map<String, Object> signedFields(String action, String org, String jti, String jws, Map<String, Object> body) {
        Map<String, Object> fields = baseFields(action);
        fields.put("actor_org", org);
        fields.put("actor_principal", ORG_KID);
        fields.put("target_type", "organization");
        fields.put("target_id", ORG);
        fields.put("jti", jti);
        fields.put("evidence_sha256", sha256(jws.getBytes(StandardCharsets.US_ASCII)));
        if (body != null) {
            fields.put("body_sha256", sha256(CanonicalJson.write(body)));
        }
        fields.put("details", Map.of("via", "HXP/1"));
        return fields;
    }

    /** Appends a leaf exactly as given, with its evidence (or {@code null}). */
    void addLeaf(byte[] leaf, String jws) {
        leaves.add(leaf.clone());
        evidence.add(jws);
    }

    static JWSSigner signer(ECKey key) {
        try {
            return new ECDSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return an HXP/1 request JWS: header alg, kid, typ; claims iss aud iat exp jti htm htu [body] */
    static String request(JWSAlgorithm alg, JWSSigner signer, String kid, String iss, String jti,
                          Map<String, Object> body, Instant at) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(iss).audience("localhost:8080")
                .issueTime(Date.from(at.minusSeconds(1))).expirationTime(Date.from(at.plusSeconds(299)))
                .jwtID(jti).claim(Hxp.CLAIM_HTM, body == null ? "GET" : "POST").claim(Hxp.CLAIM_HTU, "/api/v1/things");
        if (body != null) {
            claims.claim(Hxp.CLAIM_BODY, body);
        }
        JWSObject jws = new JWSObject(new JWSHeader.Builder(alg).keyID(kid).type(new JOSEObjectType(Hxp.REQUEST_TYP)).build(),
                new Payload(claims.build().toJSONObject()));
        try {
            jws.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jws.serialize();
    }

    /** @return every entry 0..size-1, no proofs */
    Map<String, Object> export() {
        Map<String, Object> doc = header("export");
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < leaves.size(); i++) {
            entries.add(entry(i, null));
        }
        doc.put("entries", entries);
        doc.put("keys", copyKeys());
        return doc;
    }

    /** @return the given entries with RFC 9162 inclusion proofs */
    Map<String, Object> bundle(long... indexes) {
        Map<String, Object> doc = header("bundle");
        doc.put("target", new LinkedHashMap<>(Map.of("type", "organization", "id", ORG)));
        MerkleTree.InMemory tree = tree();
        List<Map<String, Object>> entries = new ArrayList<>();
        for (long i : indexes) {
            entries.add(entry((int) i, MerkleTree.inclusionProof(tree, i, size())));
        }
        doc.put("entries", entries);
        doc.put("keys", copyKeys());
        return doc;
    }

    private MerkleTree.InMemory tree() {
        return new MerkleTree.InMemory(leaves.stream().map(MerkleTree::hashLeaf).toList());
    }

    byte[] root() {
        return MerkleTree.root(tree(), size());
    }

    private Map<String, Object> header(String kind) {
        Checkpoint checkpoint = new Checkpoint(ORIGIN, size(), root(), List.of());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", "hxp-audit-bundle/1");
        doc.put("kind", kind);
        doc.put("origin", ORIGIN);
        doc.put("verifier_key", verifierKey);
        doc.put("checkpoint", SignedNote.sign(checkpoint.body(), ORIGIN, logKey.getPrivate(), logKey.getPublic()));
        doc.put("size", size());
        return doc;
    }

    private Map<String, Object> entry(int index, List<byte[]> proof) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("index", index);
        entry.put("leaf", Base64.getEncoder().encodeToString(leaves.get(index)));
        entry.put("leaf_hash", Base64.getEncoder().encodeToString(MerkleTree.hashLeaf(leaves.get(index))));
        if (proof != null) {
            entry.put("proof", new ArrayList<>(proof.stream().map(Base64.getEncoder()::encodeToString).toList()));
        }
        if (evidence.get(index) != null) {
            entry.put("evidence", evidence.get(index));
        }
        return entry;
    }

    private Map<String, Object> copyKeys() {
        Map<String, Object> copy = new LinkedHashMap<>();
        keys.forEach((org, list) -> copy.put(org, new ArrayList<>(list.stream().map(LinkedHashMap::new).toList())));
        return copy;
    }

    /** @return the document as JSON text (RFC 8785 form, which is also plain JSON) */
    static String json(Map<String, Object> doc) {
        return new String(CanonicalJson.write(doc), StandardCharsets.UTF_8);
    }

    static String sha256(byte[] data) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
