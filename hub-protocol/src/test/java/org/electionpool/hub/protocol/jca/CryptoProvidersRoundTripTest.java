package org.electionpool.hub.protocol.jca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * ADR 0010's promise: whichever provider does an operation, the other one accepts its output and
 * refuses what it refuses. Round trips across every pair of choices, the RFC 8032 vectors, and
 * attack regressions (CVE-2022-21449's zero signature, a non-canonical Ed25519 {@code S}).
 */
class CryptoProvidersRoundTripTest {

    private static final HexFormat HEX = HexFormat.of();
    /** The group order L of Ed25519 (RFC 8032 §5.1), little-endian on the wire. */
    private static final BigInteger L = BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));

    @ParameterizedTest
    @EnumSource(CryptoProviders.class)
    void es256SignedByOneChoiceVerifiesWithEveryChoice(CryptoProviders signer) throws Exception {
        for (Curve curve : new Curve[] {Curve.P_256, Curve.P_384}) {
            ECKey key = new ECKeyGenerator(curve).keyID("k").generate();
            JWSAlgorithm alg = curve == Curve.P_256 ? JWSAlgorithm.ES256 : JWSAlgorithm.ES384;
            JWSObject jws = new JWSObject(new JWSHeader(alg), new Payload("{\"a\":1}"));
            jws.sign(signer.signer(key));
            for (CryptoProviders verifier : CryptoProviders.values()) {
                assertTrue(JWSObject.parse(jws.serialize()).verify(verifier.verifier(key.toPublicJWK())),
                        signer + " → " + verifier + " on " + curve);
                String tampered = jws.serialize().replace(".eyJ", ".eyK");
                assertFalse(JWSObject.parse(tampered).verify(verifier.verifier(key.toPublicJWK())), verifier + " tampered");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(CryptoProviders.class)
    void ecdhEsEncryptedByOneChoiceDecryptsWithEveryChoice(CryptoProviders encrypter) throws Exception {
        ECKey recipient = new ECKeyGenerator(Curve.P_256).keyID("r").generate();
        JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.ECDH_ES_A256KW, EncryptionMethod.A256GCM)
                .keyID("r").build(), new Payload("secret"));
        jwe.encrypt(encrypter.encrypter(recipient.toPublicJWK()));
        for (CryptoProviders decrypter : CryptoProviders.values()) {
            JWEObject parsed = JWEObject.parse(jwe.serialize());
            parsed.decrypt(decrypter.decrypter(recipient));
            assertEquals("secret", parsed.getPayload().toString(), encrypter + " → " + decrypter);
        }
    }

    @ParameterizedTest
    @EnumSource(CryptoProviders.class)
    void zeroEcdsaSignatureIsRefused(CryptoProviders verifier) throws Exception {
        // CVE-2022-21449 ("psychic signatures"): r = s = 0 verified on some JDKs.
        ECKey key = new ECKeyGenerator(Curve.P_256).generate();
        JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.ES256), new Payload("{\"a\":1}"));
        jws.sign(CryptoProviders.JDK.signer(key));
        String[] parts = jws.serialize().split("\\.");
        String zero = parts[0] + "." + parts[1] + "." + Base64URL.encode(new byte[64]);
        assertFalse(JWSObject.parse(zero).verify(verifier.verifier(key.toPublicJWK())));
    }

    @ParameterizedTest
    @EnumSource(CryptoProviders.class)
    void ed25519MatchesRfc8032Test1And2(CryptoProviders choice) throws Exception {
        // RFC 8032 §7.1, TEST 1 (empty message) and TEST 2 (one byte 0x72).
        assertVector(choice, "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
                "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
                "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        assertVector(choice, "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
                "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
                "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");
    }

    private static void assertVector(CryptoProviders choice, String seed, String publicKey, String message, String signature)
            throws Exception {
        PrivateKey privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(
                HEX.parseHex("302e020100300506032b657004220420" + seed)));
        PublicKey jdkPublic = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                HEX.parseHex("302a300506032b6570032100" + publicKey)));
        byte[] m = HEX.parseHex(message);
        assertArrayEquals(HEX.parseHex(signature), choice.signEd25519(privateKey, m));
        assertTrue(choice.verifyEd25519(HEX.parseHex(publicKey), jdkPublic, m, HEX.parseHex(signature)));
    }

    @Test
    void ed25519SignaturesAreIdenticalAcrossChoicesAndCrossVerify() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] raw = Arrays.copyOfRange(pair.getPublic().getEncoded(), 12, 44);
        byte[] message = "origin\n7\nroot\n".getBytes(StandardCharsets.UTF_8);
        byte[] jdk = CryptoProviders.JDK.signEd25519(pair.getPrivate(), message);
        for (CryptoProviders choice : CryptoProviders.values()) {
            assertArrayEquals(jdk, choice.signEd25519(pair.getPrivate(), message), choice + " (RFC 8032 is deterministic)");
            assertArrayEquals(jdk, choice.signEd25519(pair.getPrivate(), message), choice + " again, from its key cache");
            assertTrue(choice.verifyEd25519(raw, pair.getPublic(), message, jdk));
            byte[] other = message.clone();
            other[0] ^= 1;
            assertFalse(choice.verifyEd25519(raw, pair.getPublic(), other, jdk));
            assertFalse(choice.verifyEd25519(raw, pair.getPublic(), message, Arrays.copyOf(jdk, 63)));
        }
    }

    @ParameterizedTest
    @EnumSource(CryptoProviders.class)
    void ed25519SignatureWithSPlusLIsRefused(CryptoProviders choice) throws Exception {
        // Malleability (RFC 8032 §5.1.7 step 1): S and S + L verify the same equation; only S < L is valid.
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] raw = Arrays.copyOfRange(pair.getPublic().getEncoded(), 12, 44);
        byte[] message = "m".getBytes(StandardCharsets.UTF_8);
        byte[] signature = CryptoProviders.JDK.signEd25519(pair.getPrivate(), message);
        byte[] sLe = Arrays.copyOfRange(signature, 32, 64);
        byte[] sBe = reverse(sLe);
        BigInteger bigger = new BigInteger(1, sBe).add(L); // < 2L < 2^254: always fits the 32 bytes
        byte[] encoded = reverse(toFixed(bigger, 32));
        byte[] malleated = Arrays.copyOf(signature, 64);
        System.arraycopy(encoded, 0, malleated, 32, 32);
        assertFalse(choice.verifyEd25519(raw, pair.getPublic(), message, malleated));
    }

    @Test
    void ed25519PublicKeyOffTheCurveIsRefusedNotThrown() throws Exception {
        byte[] notAPoint = HEX.parseHex("0200000000000000000000000000000000000000000000000000000000000000");
        assertFalse(CryptoProviders.HUB.verifyEd25519(notAPoint, null, new byte[1], new byte[64]));
    }

    @Test
    void configuredChoiceComesFromThePropertyAndAnythingElseIsRefused() {
        assertSame(CryptoProviders.HUB, CryptoProviders.fromProperty(null));
        assertSame(CryptoProviders.HUB, CryptoProviders.fromProperty(" Hub "));
        for (CryptoProviders choice : CryptoProviders.values()) {
            assertSame(choice, CryptoProviders.fromProperty(choice.propertyValue()));
        }
        assertThrows(IllegalArgumentException.class, () -> CryptoProviders.fromProperty("bouncy_castle"));
        assertThrows(IllegalArgumentException.class, () -> CryptoProviders.fromProperty("BC"));
    }

    private static byte[] reverse(byte[] bytes) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[bytes.length - 1 - i];
        }
        return out;
    }

    private static byte[] toFixed(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        byte[] out = new byte[length];
        int copy = Math.min(bytes.length, length);
        System.arraycopy(bytes, bytes.length - copy, out, length - copy, copy);
        return out;
    }
}
