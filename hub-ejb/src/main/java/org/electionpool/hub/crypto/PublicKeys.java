package org.electionpool.hub.crypto;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.io.StringReader;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.electionpool.hub.api.keys.KeyId;
import org.electionpool.hub.api.keys.KeyUse;

/**
 * Validates public keys offered for registration (JWK, RFC 7517; or PEM SubjectPublicKeyInfo,
 * RFC 7468 §13) against HXP/1's allow-list: EC P-256 or P-384, RSA of at least 2048 bits; the
 * algorithm follows from key type, curve and use. Private keys, symmetric keys, other curves,
 * key references ({@code x5u}, {@code jku}) and inconsistent {@code use}/{@code alg}/{@code kid}
 * are refused. Stateless and thread-safe.
 */
public final class PublicKeys {

    /** Smallest RSA modulus accepted, in bits (RFC 7518 §3.3 and §4.3). */
    public static final int MIN_RSA_BITS = 2048;

    private static final Set<String> PRIVATE_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");
    private static final Set<String> FORBIDDEN_MEMBERS = Set.of("x5u", "jku", "x5c", "x5t", "x5t#S256");

    private PublicKeys() {
    }

    /**
     * @param jwk  the JWK members as received, or {@code null}
     * @param pem  a PEM public key, or {@code null}; exactly one of {@code jwk} and {@code pem}
     * @param use  the declared use (required with PEM)
     * @param kid  the declared key id, or {@code null}
     * @return the normalised public key
     * @throws UnacceptableKeyException saying why the key is refused
     */
    public static ParsedPublicKey parse(Map<String, Object> jwk, String pem, KeyUse use, String kid)
            throws UnacceptableKeyException {
        if ((jwk == null) == (pem == null)) {
            throw new UnacceptableKeyException("give exactly one of jwk and pem");
        }
        return jwk != null ? fromJwk(jwk, use, kid) : fromPem(pem, use, kid);
    }

    private static ParsedPublicKey fromJwk(Map<String, Object> members, KeyUse use, String kid)
            throws UnacceptableKeyException {
        for (String member : members.keySet()) {
            if (PRIVATE_MEMBERS.contains(member)) {
                throw new UnacceptableKeyException("the JWK holds private or symmetric key material; register public keys only");
            }
            if (FORBIDDEN_MEMBERS.contains(member)) {
                throw new UnacceptableKeyException("the JWK member " + member + " is not accepted; keys reach the hub only by registration");
            }
        }
        JWK parsed;
        try {
            parsed = JWK.parse(JSONObjectUtils.toJSONString(members));
        } catch (ParseException e) {
            throw new UnacceptableKeyException("not a valid JWK");
        }
        KeyUse jwkUse = parsed.getKeyUse() == null ? null
                : parsed.getKeyUse().equals(com.nimbusds.jose.jwk.KeyUse.SIGNATURE) ? KeyUse.SIG
                : parsed.getKeyUse().equals(com.nimbusds.jose.jwk.KeyUse.ENCRYPTION) ? KeyUse.ENC : null;
        if (parsed.getKeyUse() != null && jwkUse == null) {
            throw new UnacceptableKeyException("the JWK use must be sig or enc");
        }
        if (jwkUse != null && use != null && jwkUse != use) {
            throw new UnacceptableKeyException("the JWK use and the declared use differ");
        }
        KeyUse effectiveUse = jwkUse != null ? jwkUse : use;
        if (effectiveUse == null) {
            throw new UnacceptableKeyException("the key's use (sig or enc) is required");
        }
        if (parsed.getKeyID() != null && kid != null && !parsed.getKeyID().equals(kid)) {
            throw new UnacceptableKeyException("the JWK kid and the declared kid differ");
        }
        if (parsed.getKeyOperations() != null) {
            throw new UnacceptableKeyException("key_ops is not accepted; use says what the key is for");
        }
        PublicKey publicKey = toPublicKey(parsed);
        return normalise(publicKey, effectiveUse, parsed.getKeyID() != null ? parsed.getKeyID() : kid,
                parsed.getAlgorithm());
    }

    private static ParsedPublicKey fromPem(String pem, KeyUse use, String kid) throws UnacceptableKeyException {
        if (use == null) {
            throw new UnacceptableKeyException("a PEM key needs its use (SIG or ENC)");
        }
        Object object;
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            object = parser.readObject();
        } catch (IOException | RuntimeException e) {
            throw new UnacceptableKeyException("not a valid PEM public key");
        }
        if (!(object instanceof SubjectPublicKeyInfo info)) {
            throw new UnacceptableKeyException("the PEM must be a PUBLIC KEY (SubjectPublicKeyInfo); private keys are never accepted");
        }
        PublicKey publicKey;
        try {
            publicKey = new JcaPEMKeyConverter().getPublicKey(info);
        } catch (IOException | RuntimeException e) {
            throw new UnacceptableKeyException("the PEM public key cannot be decoded");
        }
        return normalise(publicKey, use, kid, null);
    }

    private static PublicKey toPublicKey(JWK jwk) throws UnacceptableKeyException {
        try {
            if (KeyType.EC.equals(jwk.getKeyType())) {
                return jwk.toECKey().toECPublicKey();
            }
            if (KeyType.RSA.equals(jwk.getKeyType())) {
                return jwk.toRSAKey().toRSAPublicKey();
            }
        } catch (JOSEException e) {
            throw new UnacceptableKeyException("the JWK's key material is invalid");
        }
        throw new UnacceptableKeyException("key type " + jwk.getKeyType() + " is not accepted; use EC (P-256, P-384) or RSA");
    }

    /**
     * Certifies the key of a PKCS#10 request (RFC 2986): the request's own signature must verify
     * (proof of possession), the key must pass the same allow-list as any other, and the hub's CA
     * issues a certificate with subject {@code CN=<kid>, O=<organization>} (the request's subject
     * is ignored). The returned JWK carries the chain in {@code x5c} (leaf, then CA).
     *
     * @throws UnacceptableKeyException saying why the request is refused
     */
    public static ParsedPublicKey fromCsr(String csrPem, KeyUse use, String kid, String organization,
                                          CertificateAuthority ca, java.time.Instant now) throws UnacceptableKeyException {
        if (use == null) {
            throw new UnacceptableKeyException("a CSR needs the key's use (SIG or ENC)");
        }
        Object object;
        try (PEMParser parser = new PEMParser(new StringReader(csrPem))) {
            object = parser.readObject();
        } catch (IOException | RuntimeException e) {
            throw new UnacceptableKeyException("not a valid PEM certificate request");
        }
        if (!(object instanceof PKCS10CertificationRequest csr)) {
            throw new UnacceptableKeyException("the PEM must be a CERTIFICATE REQUEST (PKCS#10)");
        }
        PublicKey publicKey;
        try {
            publicKey = new JcaPEMKeyConverter().getPublicKey(csr.getSubjectPublicKeyInfo());
            if (!csr.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(CA_PROVIDER)
                    .build(csr.getSubjectPublicKeyInfo()))) {
                throw new UnacceptableKeyException("the CSR's signature does not verify (no proof of possession)");
            }
        } catch (IOException | OperatorCreationException | PKCSException | RuntimeException e) {
            throw new UnacceptableKeyException("the CSR cannot be verified");
        }
        ParsedPublicKey parsed = normalise(publicKey, use, kid, null, null);
        try {
            java.security.cert.X509Certificate leaf = ca.issue(publicKey, organization, parsed.kid(), use, now);
            return normalise(publicKey, use, parsed.kid(), null, List.of(Base64.encode(leaf.getEncoded()),
                    Base64.encode(ca.certificate().getEncoded())));
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final java.security.Provider CA_PROVIDER = org.electionpool.hub.crypto.internal.BouncyCastle.PROVIDER;

    private static ParsedPublicKey normalise(PublicKey publicKey, KeyUse use, String kid, Algorithm declaredAlg)
            throws UnacceptableKeyException {
        return normalise(publicKey, use, kid, declaredAlg, null);
    }

    private static ParsedPublicKey normalise(PublicKey publicKey, KeyUse use, String kid, Algorithm declaredAlg,
                                             List<Base64> chain) throws UnacceptableKeyException {
        if (kid != null && KeyId.parse(kid).isEmpty()) {
            throw new UnacceptableKeyException("kid must match " + KeyId.PATTERN);
        }
        com.nimbusds.jose.jwk.KeyUse jwkUse = use == KeyUse.SIG
                ? com.nimbusds.jose.jwk.KeyUse.SIGNATURE : com.nimbusds.jose.jwk.KeyUse.ENCRYPTION;
        Algorithm algorithm;
        JWK normalised;
        try {
            if (publicKey instanceof ECPublicKey ec) {
                Curve curve = Curve.forECParameterSpec(ec.getParams());
                if (!Curve.P_256.equals(curve) && !Curve.P_384.equals(curve)) {
                    throw new UnacceptableKeyException("EC keys must be on P-256 or P-384");
                }
                algorithm = use == KeyUse.SIG ? (Curve.P_256.equals(curve) ? JWSAlgorithm.ES256 : JWSAlgorithm.ES384)
                        : JWEAlgorithm.ECDH_ES_A256KW;
                ECKey.Builder builder = new ECKey.Builder(curve, ec).keyUse(jwkUse).algorithm(algorithm).x509CertChain(chain);
                normalised = kid != null ? builder.keyID(kid).build() : builder.keyIDFromThumbprint().build();
            } else if (publicKey instanceof RSAPublicKey rsa) {
                if (rsa.getModulus().bitLength() < MIN_RSA_BITS) {
                    throw new UnacceptableKeyException("RSA keys must have at least " + MIN_RSA_BITS + " bits");
                }
                algorithm = use == KeyUse.SIG ? JWSAlgorithm.PS256 : JWEAlgorithm.RSA_OAEP_256;
                RSAKey.Builder builder = new RSAKey.Builder(rsa).keyUse(jwkUse).algorithm(algorithm).x509CertChain(chain);
                normalised = kid != null ? builder.keyID(kid).build() : builder.keyIDFromThumbprint().build();
            } else {
                throw new UnacceptableKeyException("key type " + publicKey.getAlgorithm() + " is not accepted");
            }
            if (declaredAlg != null && !declaredAlg.getName().equals(algorithm.getName())) {
                throw new UnacceptableKeyException("alg " + declaredAlg.getName() + " is not the one HXP/1 uses for this key ("
                        + algorithm.getName() + ")");
            }
            return new ParsedPublicKey(normalised.getKeyID(), use, normalised.getKeyType().getValue(),
                    algorithm.getName(), normalised.toJSONString(), normalised.computeThumbprint().toString());
        } catch (JOSEException e) {
            throw new UnacceptableKeyException("the key cannot be used: " + e.getMessage());
        }
    }

    /**
     * @param jwkJson a JWK this class produced
     * @return its members, for views
     */
    public static Map<String, Object> toMap(String jwkJson) {
        try {
            return JSONObjectUtils.parse(jwkJson);
        } catch (ParseException e) {
            throw new IllegalStateException("stored JWK is not JSON", e);
        }
    }
}
