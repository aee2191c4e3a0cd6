package org.electionpool.hub.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import java.util.HashMap;
import java.util.Map;
import org.electionpool.hub.api.keys.KeyUse;
import org.junit.jupiter.api.Test;

/**
 * Known-answer tests from the RFCs for the primitives HXP/1 relies on. The values are the RFCs'
 * published examples: RFC 7515 Appendix A.3 (ES256), RFC 7638 §3.1 (thumbprints), and RFC 7518
 * Appendix C (ECDH-ES key agreement and Concat KDF, whose example private keys are published in
 * the RFC as test values and are used for nothing else).
 */
class JoseVectorsTest {

    /** RFC 7515 Appendix A.3: "Example JWS Using ECDSA P-256 SHA-256". */
    private static final String A3_JWS = "eyJhbGciOiJFUzI1NiJ9"
            + ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
            + ".DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q";
    private static final String A3_PUBLIC_JWK = "{\"kty\":\"EC\",\"crv\":\"P-256\","
            + "\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\",\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\"}";

    /** RFC 7638 §3.1: the example RSA key and its SHA-256 thumbprint. */
    private static final String RFC7638_N = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhD"
            + "R1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY"
            + "368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPk"
            + "sINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";
    private static final String RFC7638_THUMBPRINT = "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs";

    @Test
    void rfc7515A3SignatureVerifies() throws Exception {
        assertTrue(JWSObject.parse(A3_JWS).verify(new ECDSAVerifier(ECKey.parse(A3_PUBLIC_JWK))));
    }

    @Test
    void rfc7515A3WithAlteredPayloadDoesNotVerify() throws Exception {
        String[] parts = A3_JWS.split("\\.");
        String altered = parts[0] + "." + parts[1].replace("joe", "eve").replaceFirst("J", "K") + "." + parts[2];
        assertFalse(JWSObject.parse(altered).verify(new ECDSAVerifier(ECKey.parse(A3_PUBLIC_JWK))));
    }

    @Test
    void rfc7638ThumbprintIsTheKidTheRegistryAssigns() throws Exception {
        Map<String, Object> jwk = new HashMap<>();
        jwk.put("kty", "RSA");
        jwk.put("n", RFC7638_N);
        jwk.put("e", "AQAB");
        ParsedPublicKey parsed = PublicKeys.parse(jwk, null, KeyUse.SIG, null);
        assertEquals(RFC7638_THUMBPRINT, parsed.thumbprint());
        assertEquals(RFC7638_THUMBPRINT, parsed.kid());
        assertEquals("PS256", parsed.algorithm());
    }

    @Test
    void rfc7515A3KeyIsAcceptedAsAnEs256SigningKey() throws Exception {
        ParsedPublicKey parsed = PublicKeys.parse(new HashMap<>(ECKey.parse(A3_PUBLIC_JWK).toJSONObject()), null,
                KeyUse.SIG, "rfc7515-a3");
        assertEquals("ES256", parsed.algorithm());
    }

    /** RFC 7518 Appendix C: Alice's ephemeral key and Bob's key, and the published results. */
    private static final String C_ALICE_X = "gI0GAILBdu7T53akrFmMyGcsF3n5dO7MmwNBHKW5SV0";
    private static final String C_ALICE_Y = "SLW_xSffzlPWrHEVI30DHM_4egVwt3NQqeUD7nMFpps";
    private static final String C_ALICE_PRIVATE = "0_NxaRPUMQoAJt50Gz8YiTr8gRTwyEaCumd-MToTmIo";
    private static final String C_BOB_X = "weNJy2HscCSM6AEDTDg04biOvhFhyyWvOHQfeF_PxMQ";
    private static final String C_BOB_Y = "e8lnCO-AlStT-NJVX-crhB7QRYhiix03illJOVAOyck";
    private static final String C_BOB_PRIVATE = "VEmDZpDXXK8p8N0Cndsxs924q6nS1RXFASRl6BfUqdw";
    private static final int[] C_Z = {158, 86, 217, 29, 129, 113, 53, 211, 114, 131, 66, 131, 191, 132, 38, 156, 251,
        49, 110, 163, 218, 128, 106, 72, 246, 218, 167, 121, 140, 254, 144, 196};
    private static final String C_DERIVED = "VqqN6vgjbSBcIijNcacQGg";

    private static ECKey rfc7518Key(String x, String y, String privateValue) {
        return new ECKey.Builder(com.nimbusds.jose.jwk.Curve.P_256, new com.nimbusds.jose.util.Base64URL(x),
                new com.nimbusds.jose.util.Base64URL(y)).d(new com.nimbusds.jose.util.Base64URL(privateValue)).build();
    }

    @Test
    void rfc7518AppendixCKeyAgreementAndConcatKdf() throws Exception {
        ECKey alice = rfc7518Key(C_ALICE_X, C_ALICE_Y, C_ALICE_PRIVATE);
        ECKey bob = rfc7518Key(C_BOB_X, C_BOB_Y, C_BOB_PRIVATE);
        javax.crypto.SecretKey zAlice = com.nimbusds.jose.crypto.impl.ECDH.deriveSharedSecret(bob.toECPublicKey(),
                alice.toECPrivateKey(), null);
        javax.crypto.SecretKey zBob = com.nimbusds.jose.crypto.impl.ECDH.deriveSharedSecret(alice.toECPublicKey(),
                bob.toECPrivateKey(), null);
        byte[] expectedZ = new byte[C_Z.length];
        for (int i = 0; i < C_Z.length; i++) {
            expectedZ[i] = (byte) C_Z[i];
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(expectedZ, zAlice.getEncoded(), "Z computed by Alice");
        org.junit.jupiter.api.Assertions.assertArrayEquals(expectedZ, zBob.getEncoded(), "Z computed by Bob");

        com.nimbusds.jose.JWEHeader header = new com.nimbusds.jose.JWEHeader.Builder(com.nimbusds.jose.JWEAlgorithm.ECDH_ES,
                com.nimbusds.jose.EncryptionMethod.A128GCM)
                .agreementPartyUInfo(com.nimbusds.jose.util.Base64URL.encode("Alice"))
                .agreementPartyVInfo(com.nimbusds.jose.util.Base64URL.encode("Bob")).build();
        javax.crypto.SecretKey derived = com.nimbusds.jose.crypto.impl.ECDH.deriveSharedKey(header, zAlice,
                new com.nimbusds.jose.crypto.impl.ConcatKDF("SHA-256"));
        assertEquals(C_DERIVED, com.nimbusds.jose.util.Base64URL.encode(derived.getEncoded()).toString());
    }
}
