package org.electionpool.hub.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWK;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.electionpool.hub.api.keys.KeyUse;
import org.electionpool.hub.crypto.Pkcs12HubKeyStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PKCS#10 requests certified by the hub's CA. Keys are generated at run time. */
class CertificateRequestTest {

    @TempDir
    Path dir;

    private CertificateAuthority ca;

    @BeforeEach
    void setUp() {
        Path file = dir.resolve("hub.p12");
        Pkcs12HubKeyStore.addKeys(file, "pw".toCharArray(), List.of("sig", "enc", "log", "ca"), Clock.systemUTC());
        ca = Pkcs12HubKeyStore.load(file, "pw".toCharArray()).certificateAuthority().orElseThrow();
    }

    static KeyPair ecKeyPair() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    static String csr(KeyPair subject, KeyPair signer, String dn) throws Exception {
        PKCS10CertificationRequest request = new JcaPKCS10CertificationRequestBuilder(new X500Name(dn), subject.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate()));
        StringWriter out = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(request);
        }
        return out.toString();
    }

    @Test
    void certifiedKeyCarriesTheChainAndTheHubChosenSubject() throws Exception {
        KeyPair pair = ecKeyPair();
        ParsedPublicKey parsed = PublicKeys.fromCsr(csr(pair, pair, "CN=admin, O=hub-operator"), KeyUse.SIG, "sig-2027",
                "platform-alpha", ca, Instant.now());
        JWK jwk = JWK.parse(parsed.jwkJson());
        assertEquals(2, jwk.getX509CertChain().size());
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        X509Certificate leaf = (X509Certificate) factory.generateCertificate(
                new ByteArrayInputStream(jwk.getX509CertChain().get(0).decode()));
        leaf.verify(ca.certificate().getPublicKey());
        assertEquals(pair.getPublic(), leaf.getPublicKey());
        assertEquals(new X500Principal("CN=sig-2027, O=platform-alpha"), leaf.getSubjectX500Principal(),
                "the subject is the hub's choice, not the request's");
        assertEquals(ca.certificate().getSubjectX500Principal(), leaf.getIssuerX500Principal());
        assertTrue(leaf.getKeyUsage()[0], "digitalSignature for a signing key");
        assertEquals(-1, leaf.getBasicConstraints(), "not a CA");
        assertEquals("ES256", parsed.algorithm());
    }

    @Test
    void requestWithoutProofOfPossessionIsRefused() throws Exception {
        String forged = csr(ecKeyPair(), ecKeyPair(), "CN=x");
        UnacceptableKeyException e = assertThrows(UnacceptableKeyException.class,
                () -> PublicKeys.fromCsr(forged, KeyUse.SIG, null, "platform-alpha", ca, Instant.now()));
        assertTrue(e.getMessage().contains("proof of possession"), e.getMessage());
    }

    @Test
    void requestWithoutUseOrInAnotherFormatIsRefused() throws Exception {
        KeyPair pair = ecKeyPair();
        assertThrows(UnacceptableKeyException.class,
                () -> PublicKeys.fromCsr(csr(pair, pair, "CN=x"), null, null, "platform-alpha", ca, Instant.now()));
        assertThrows(UnacceptableKeyException.class,
                () -> PublicKeys.fromCsr("not a pem", KeyUse.SIG, null, "platform-alpha", ca, Instant.now()));
    }

    @Test
    void caIsACaAndSignsWithP256() {
        assertTrue(ca.certificate().getBasicConstraints() >= 0);
        assertEquals("SHA256withECDSA", ca.certificate().getSigAlgName());
    }
}
