package org.electionpool.hub.crypto;

import org.electionpool.hub.crypto.internal.BouncyCastle;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.electionpool.hub.crypto.CertificateAuthority;
import org.electionpool.hub.crypto.HubKeys;
import org.electionpool.hub.crypto.PrivateFiles;

/**
 * The hub's keys, read from a PKCS#12 keystore.
 *
 * <p>Entry aliases say what a key is for and when it was made: {@code sig-<yyyyMMddHHmmss>},
 * {@code enc-<…>}, {@code log-<…>}; the newest of each use is current. The {@code kid} of a
 * published key is its RFC 7638 thumbprint, so it is the same on every node that holds the file.
 * Thread-safe: immutable once loaded.
 */
public final class Pkcs12HubKeyStore implements HubKeys {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    private static final String SIG = "sig-";
    private static final String ENC = "enc-";
    private static final String LOG = "log-";
    private static final String CA = "ca-";
    private static final String ATT = "att-";

    private final JWKSet publicJwks;
    private final ECKey signingKey;
    private final Map<String, ECKey> encryptionKeys;
    private final KeyPair auditLogKey;
    private final CertificateAuthority certificateAuthority;
    private final java.util.NavigableMap<String, javax.crypto.SecretKey> attachmentKeys;

    private Pkcs12HubKeyStore(JWKSet publicJwks, ECKey signingKey, Map<String, ECKey> encryptionKeys,
                              KeyPair auditLogKey, CertificateAuthority certificateAuthority,
                              java.util.NavigableMap<String, javax.crypto.SecretKey> attachmentKeys) {
        this.attachmentKeys = attachmentKeys;
        this.publicJwks = publicJwks;
        this.signingKey = signingKey;
        this.encryptionKeys = encryptionKeys;
        this.auditLogKey = auditLogKey;
        this.certificateAuthority = certificateAuthority;
    }

    /**
     * Loads the keystore.
     *
     * @param path     the PKCS#12 file
     * @param password its password
     * @return the hub's keys
     * @throws IllegalStateException saying what is wrong (missing file, wrong password, no key of a use)
     */
    public static Pkcs12HubKeyStore load(Path path, char[] password) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("hub keystore " + path + " does not exist");
        }
        KeyStore store;
        try (InputStream in = Files.newInputStream(path)) {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("hub keystore " + path + " cannot be read (wrong password or not PKCS#12): "
                    + e.getClass().getSimpleName(), e);
        }
        try {
            return fromKeyStore(store, password, path);
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException("hub keystore " + path + " holds an unusable key: " + e.getMessage(), e);
        }
    }

    private static Pkcs12HubKeyStore fromKeyStore(KeyStore store, char[] password, Path path)
            throws GeneralSecurityException, JOSEException {
        TreeMap<String, ECKey> signing = new TreeMap<>();
        TreeMap<String, ECKey> encryption = new TreeMap<>();
        TreeMap<String, KeyPair> log = new TreeMap<>();
        TreeMap<String, CertificateAuthority> ca = new TreeMap<>();
        TreeMap<String, javax.crypto.SecretKey> att = new TreeMap<>();
        for (String alias : Collections.list(store.aliases())) {
            if (!store.isKeyEntry(alias)) {
                continue;
            }
            if (alias.startsWith(ATT)) {
                java.security.Key key = store.getKey(alias, password);
                if (!(key instanceof javax.crypto.SecretKey secret) || !"AES".equalsIgnoreCase(secret.getAlgorithm())
                        || secret.getEncoded() == null || secret.getEncoded().length != 32) {
                    throw new GeneralSecurityException("entry " + alias + " must be an AES-256 secret key");
                }
                att.put(alias, secret);
                continue;
            }
            PrivateKey privateKey = (PrivateKey) store.getKey(alias, password);
            Certificate certificate = store.getCertificate(alias);
            if (alias.startsWith(SIG)) {
                signing.put(alias, ecJwk(certificate, (ECPrivateKey) privateKey, KeyUse.SIGNATURE));
            } else if (alias.startsWith(ENC)) {
                encryption.put(alias, ecJwk(certificate, (ECPrivateKey) privateKey, KeyUse.ENCRYPTION));
            } else if (alias.startsWith(LOG)) {
                log.put(alias, new KeyPair(certificate.getPublicKey(), privateKey));
            } else if (alias.startsWith(CA)) {
                ca.put(alias, new CertificateAuthority(privateKey, (X509Certificate) certificate));
            }
        }
        if (signing.isEmpty() || encryption.isEmpty() || log.isEmpty()) {
            throw new IllegalStateException("hub keystore " + path + " needs at least one key entry each of "
                    + "sig-*, enc-* and log-*; found " + signing.keySet() + encryption.keySet() + log.keySet());
        }
        List<JWK> published = new ArrayList<>();
        signing.descendingMap().values().forEach(k -> published.add(k.toPublicJWK()));
        encryption.descendingMap().values().forEach(k -> published.add(k.toPublicJWK()));
        Map<String, ECKey> byKid = new TreeMap<>();
        encryption.values().forEach(k -> byKid.put(k.getKeyID(), k));
        return new Pkcs12HubKeyStore(new JWKSet(published), signing.lastEntry().getValue(),
                Collections.unmodifiableMap(byKid), log.lastEntry().getValue(),
                ca.isEmpty() ? null : ca.lastEntry().getValue(), Collections.unmodifiableNavigableMap(att));
    }

    private static ECKey ecJwk(Certificate certificate, ECPrivateKey privateKey, KeyUse use) throws JOSEException {
        ECPublicKey publicKey = (ECPublicKey) certificate.getPublicKey();
        Curve curve = Curve.forECParameterSpec(publicKey.getParams());
        if (!Curve.P_256.equals(curve)) {
            throw new JOSEException("hub EC keys must be on P-256, found " + curve);
        }
        return new ECKey.Builder(curve, publicKey)
                .privateKey(privateKey)
                .keyUse(use)
                .algorithm(use == KeyUse.SIGNATURE ? JWSAlgorithm.ES256 : JWEAlgorithm.ECDH_ES_A256KW)
                .keyIDFromThumbprint()
                .build();
    }

    /**
     * Creates a new keystore with one key of each use (development mode), or adds one more key of
     * the given uses to an existing one (rotation). Writes atomically, owner-only permissions.
     *
     * @param path     the file to create or extend
     * @param password its password
     * @param uses     any of {@code "sig"}, {@code "enc"}, {@code "log"}, {@code "ca"}, {@code "att"}
     * @param clock    the time that names the new entries
     */
    public static void addKeys(Path path, char[] password, List<String> uses, Clock clock) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            if (Files.isRegularFile(path)) {
                try (InputStream in = Files.newInputStream(path)) {
                    store.load(in, password);
                }
            } else {
                store.load(null, password);
            }
            Instant now = clock.instant();
            for (String use : uses) {
                String alias = use + "-" + STAMP.format(now);
                if (store.containsAlias(alias)) {
                    throw new IllegalStateException("a " + use + " key was already added at " + now);
                }
                if ("att".equals(use)) {
                    javax.crypto.KeyGenerator aes = javax.crypto.KeyGenerator.getInstance("AES");
                    aes.init(256, new SecureRandom());
                    store.setEntry(alias, new KeyStore.SecretKeyEntry(aes.generateKey()),
                            new KeyStore.PasswordProtection(password));
                    continue;
                }
                KeyPair pair = "log".equals(use) ? generate("Ed25519", null) : generate("EC", new ECGenParameterSpec("secp256r1"));
                X509Certificate certificate = selfSigned(pair, "log".equals(use) ? "Ed25519" : "SHA256withECDSA",
                        "ca".equals(use) ? "CN=Election Pool Hub CA" : "CN=Election Pool Hub " + use + " key", now,
                        "ca".equals(use));
                store.setKeyEntry(alias, pair.getPrivate(), password, new Certificate[] {certificate});
            }
            PrivateFiles.write(path, out -> store.store(out, password));
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot write hub keystore " + path + ": " + e.getMessage(), e);
        }
    }

    private static KeyPair generate(String algorithm, ECGenParameterSpec spec) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        if (spec != null) {
            generator.initialize(spec, new SecureRandom());
        }
        return generator.generateKeyPair();
    }

    private static X509Certificate selfSigned(KeyPair pair, String signatureAlgorithm, String subject, Instant now,
                                              boolean authority)
            throws OperatorCreationException, GeneralSecurityException, IOException {
        X500Name name = new X500Name(subject);
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                new BigInteger(127, new SecureRandom()), Date.from(now.minus(Duration.ofMinutes(5))),
                Date.from(now.plus(Duration.ofDays(3650))), name, pair.getPublic());
        if (authority) {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        }
        return new JcaX509CertificateConverter().setProvider(BouncyCastle.PROVIDER).getCertificate(
                builder.build(new JcaContentSignerBuilder(signatureAlgorithm).setProvider(BouncyCastle.PROVIDER)
                        .build(pair.getPrivate())));
    }

    @Override
    public JWKSet publicJwkSet() {
        return publicJwks;
    }

    @Override
    public ECKey signingKey() {
        return signingKey;
    }

    @Override
    public Optional<ECKey> encryptionKey(String kid) {
        return Optional.ofNullable(kid == null ? null : encryptionKeys.get(kid));
    }

    @Override
    public KeyPair auditLogKey() {
        return auditLogKey;
    }

    @Override
    public Optional<CertificateAuthority> certificateAuthority() {
        return Optional.ofNullable(certificateAuthority);
    }

    @Override
    public Optional<AttachmentKey> attachmentKey() {
        return attachmentKeys.isEmpty() ? Optional.empty()
                : Optional.of(new AttachmentKey(attachmentKeys.lastKey(), attachmentKeys.lastEntry().getValue()));
    }

    @Override
    public Optional<AttachmentKey> attachmentKey(String alias) {
        javax.crypto.SecretKey key = attachmentKeys.get(alias);
        return key == null ? Optional.empty() : Optional.of(new AttachmentKey(alias, key));
    }
}
