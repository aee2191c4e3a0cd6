package org.electionpool.hub.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.electionpool.hub.api.keys.KeyUse;

/**
 * The hub's certificate authority: issues X.509 certificates (RFC 5280) for organisation keys
 * registered by PKCS#10 request. The subject is always {@code CN=<kid>, O=<orgId>} — chosen by the
 * hub, never copied from the request. Thread-safe (immutable; signing is stateless).
 */
public final class CertificateAuthority {

    /** How long an issued certificate is valid. */
    public static final Duration VALIDITY = Duration.ofDays(730);

    private static final java.security.Provider PROVIDER = org.electionpool.hub.crypto.internal.BouncyCastle.PROVIDER;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PrivateKey privateKey;
    private final X509Certificate certificate;

    /**
     * @param privateKey  the CA's EC P-256 private key
     * @param certificate the CA's (self-signed) certificate
     */
    public CertificateAuthority(PrivateKey privateKey, X509Certificate certificate) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.certificate = Objects.requireNonNull(certificate, "certificate");
    }

    /** @return the CA certificate, the last element of every issued chain */
    public X509Certificate certificate() {
        return certificate;
    }

    /**
     * Issues an end-entity certificate.
     *
     * @param publicKey    the organisation's public key (already validated)
     * @param organization the organisation id (O)
     * @param kid          the key id (CN)
     * @param use          signing or encryption, which decides the key usage
     * @param now          start of validity (minus 5 minutes of clock tolerance)
     * @return the certificate
     */
    public X509Certificate issue(PublicKey publicKey, String organization, String kid, KeyUse use, Instant now) {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, organization)
                .addRDN(BCStyle.CN, kid).build();
        int usage = use == KeyUse.SIG ? KeyUsage.digitalSignature
                : "EC".equals(publicKey.getAlgorithm()) ? KeyUsage.keyAgreement : KeyUsage.keyEncipherment;
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate,
                    new BigInteger(127, RANDOM), Date.from(now.minus(Duration.ofMinutes(5))),
                    Date.from(now.plus(VALIDITY)), subject, publicKey)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(usage))
                    .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(publicKey))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            extensions.createAuthorityKeyIdentifier(certificate));
            return new JcaX509CertificateConverter().setProvider(PROVIDER).getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(PROVIDER).build(privateKey)));
        } catch (CertIOException | OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot issue a certificate: " + e.getMessage(), e);
        }
    }
}
