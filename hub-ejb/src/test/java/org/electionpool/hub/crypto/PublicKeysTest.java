package org.electionpool.hub.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.electionpool.hub.api.keys.KeyUse;
import org.junit.jupiter.api.Test;

/** Keys are generated at run time; none is committed. */
class PublicKeysTest {

    private static Map<String, Object> jwk(com.nimbusds.jose.jwk.JWK key) {
        return new HashMap<>(key.toJSONObject());
    }

    @Test
    void ecP256SigningKeyBecomesEs256WithItsThumbprintAsKid() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyUse(com.nimbusds.jose.jwk.KeyUse.SIGNATURE).generate();
        ParsedPublicKey parsed = PublicKeys.parse(jwk(key.toPublicJWK()), null, null, null);
        assertEquals(KeyUse.SIG, parsed.use());
        assertEquals("ES256", parsed.algorithm());
        assertEquals("EC", parsed.keyType());
        assertEquals(key.computeThumbprint().toString(), parsed.kid());
        assertEquals(parsed.kid(), parsed.thumbprint());
        assertFalse(parsed.jwkJson().contains("\"d\""));
    }

    @Test
    void ecP384AndRsaGetTheirAlgorithms() throws Exception {
        ECKey p384 = new ECKeyGenerator(Curve.P_384).generate();
        assertEquals("ES384", PublicKeys.parse(jwk(p384.toPublicJWK()), null, KeyUse.SIG, "k1").algorithm());
        assertEquals("ECDH-ES+A256KW", PublicKeys.parse(jwk(p384.toPublicJWK()), null, KeyUse.ENC, "k2").algorithm());
        RSAKey rsa = new RSAKeyGenerator(2048).generate();
        assertEquals("PS256", PublicKeys.parse(jwk(rsa.toPublicJWK()), null, KeyUse.SIG, "r1").algorithm());
        assertEquals("RSA-OAEP-256", PublicKeys.parse(jwk(rsa.toPublicJWK()), null, KeyUse.ENC, "r2").algorithm());
    }

    @Test
    void pemPublicKeyIsAcceptedWithItsUse() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(g.generateKeyPair().getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        ParsedPublicKey parsed = PublicKeys.parse(null, pem, KeyUse.ENC, "enc-1");
        assertEquals("enc-1", parsed.kid());
        assertEquals("ECDH-ES+A256KW", parsed.algorithm());
        UnacceptableKeyException noUse = assertThrows(UnacceptableKeyException.class,
                () -> PublicKeys.parse(null, pem, null, null));
        assertTrue(noUse.getMessage().contains("use"));
    }

    @Test
    void privateKeysAreRefused() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyUse(com.nimbusds.jose.jwk.KeyUse.SIGNATURE).generate();
        UnacceptableKeyException e = assertThrows(UnacceptableKeyException.class,
                () -> PublicKeys.parse(jwk(key), null, null, null));
        assertTrue(e.getMessage().contains("private"));
        assertFalse(e.getMessage().contains(key.getD().toString()), "never quotes key material");
    }

    @Test
    void symmetricKeysAreRefused() throws Exception {
        OctetSequenceKey oct = new OctetSequenceKeyGenerator(256).generate();
        assertThrows(UnacceptableKeyException.class, () -> PublicKeys.parse(jwk(oct), null, KeyUse.SIG, null));
    }

    @Test
    void weakRsaAndOtherCurvesAreRefused() throws Exception {
        RSAKey small = new RSAKeyGenerator(1024, true).generate();
        assertThrows(UnacceptableKeyException.class, () -> PublicKeys.parse(jwk(small.toPublicJWK()), null, KeyUse.SIG, null));
        ECKey p521 = new ECKeyGenerator(Curve.P_521).generate();
        assertThrows(UnacceptableKeyException.class, () -> PublicKeys.parse(jwk(p521.toPublicJWK()), null, KeyUse.SIG, null));
    }

    @Test
    void keyReferencesAndInconsistentDeclarationsAreRefused() throws Exception {
        Map<String, Object> base = jwk(new ECKeyGenerator(Curve.P_256).generate().toPublicJWK());
        Map<String, Object> withX5u = new HashMap<>(base);
        withX5u.put("x5u", "https://attacker.example/cert");
        assertThrows(UnacceptableKeyException.class, () -> PublicKeys.parse(withX5u, null, KeyUse.SIG, null));
        Map<String, Object> encUse = new HashMap<>(base);
        encUse.put("use", "enc");
        assertThrows(UnacceptableKeyException.class, () -> PublicKeys.parse(encUse, null, KeyUse.SIG, null));
        Map<String, Object> wrongAlg = new HashMap<>(base);
        wrongAlg.put("alg", "HS256");
        assertThrows(UnacceptableKeyException.class, () -> PublicKeys.parse(wrongAlg, null, KeyUse.SIG, null));
        Map<String, Object> kid = new HashMap<>(base);
        kid.put("kid", "one");
        assertThrows(UnacceptableKeyException.class, () -> PublicKeys.parse(kid, null, KeyUse.SIG, "two"));
        assertThrows(UnacceptableKeyException.class, () -> PublicKeys.parse(base, null, null, null), "use is required");
        assertThrows(UnacceptableKeyException.class, () -> PublicKeys.parse(base, "pem", KeyUse.SIG, null), "not both");
        assertThrows(UnacceptableKeyException.class, () -> PublicKeys.parse(null, null, KeyUse.SIG, null), "not neither");
    }

    @Test
    void pointOffTheCurveIsRefused() throws Exception {
        Map<String, Object> base = jwk(new ECKeyGenerator(Curve.P_256).generate().toPublicJWK());
        Map<String, Object> other = jwk(new ECKeyGenerator(Curve.P_256).generate().toPublicJWK());
        base.put("y", other.get("y"));
        assertThrows(UnacceptableKeyException.class, () -> PublicKeys.parse(base, null, KeyUse.SIG, null));
    }

    @Test
    void privatePemIsRefused() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        String label = "PRIVATE" + " KEY"; // a key generated now, PEM-encoded (PKCS#8)
        String pem = "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(g.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END " + label + "-----\n";
        UnacceptableKeyException e = assertThrows(UnacceptableKeyException.class,
                () -> PublicKeys.parse(null, pem, KeyUse.SIG, null));
        assertTrue(e.getMessage().contains("never accepted"), e.getMessage());
    }
}
