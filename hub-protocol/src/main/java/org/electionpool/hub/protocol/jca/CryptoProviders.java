package org.electionpool.hub.protocol.jca;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEDecrypter;
import com.nimbusds.jose.JWEEncrypter;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDHDecrypter;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyType;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * The provider choice for every elliptic-curve operation of HXP/1 and of the audit log's signed
 * notes (ADR 0010). JDK 17's SunEC does ≈ 800 P-256 or Ed25519 operations per second and core;
 * Bouncy Castle 1.87 does 4–35× as many with identical outputs, but its P-256 scalar multiplication
 * is not documented as constant-time. So:
 *
 * <table>
 *   <caption>{@link #HUB}, the default</caption>
 *   <tr><th>operation</th><th>key</th><th>provider</th></tr>
 *   <tr><td>ECDSA verification (ES256, ES384)</td><td>public</td><td>Bouncy Castle</td></tr>
 *   <tr><td>ECDH-ES encryption (ephemeral key pair, agreement, AES key wrap)</td><td>one-time</td><td>Bouncy Castle</td></tr>
 *   <tr><td>ECDSA signing</td><td>long-lived private</td><td>JDK (constant-time)</td></tr>
 *   <tr><td>ECDH-ES decryption</td><td>long-lived private, peer point chosen by anyone</td><td>JDK (constant-time)</td></tr>
 *   <tr><td>Ed25519 signing and verification (signed notes)</td><td>any</td><td>Bouncy Castle's RFC 8032 code (constant-time by design)</td></tr>
 *   <tr><td>RSA, AES-GCM content encryption</td><td>any</td><td>JDK</td></tr>
 * </table>
 *
 * <p>{@link #JDK} uses the JDK's providers for everything (the hub before ADR 0010);
 * {@link #BOUNCY_CASTLE} uses Bouncy Castle for every EC operation and exists to measure what the
 * constant-time choice costs (the JMH benchmarks select it); it is not for a hub that holds real keys.
 *
 * <p>Invariant: whichever choice, the bytes on the wire and the accept/refuse decision for every
 * well-formed input are the same (tests: {@code CryptoProvidersRoundTripTest}). The Bouncy Castle
 * provider is one private instance, never registered with {@code java.security.Security} (WildFly
 * registers its own copy under the name "BC"). Thread-safe.
 */
public enum CryptoProviders {

    /** The JDK's providers for every operation. */
    JDK,

    /** The hub's choice (the table above). */
    HUB,

    /** Bouncy Castle for every elliptic-curve operation — for measurements only, never with real keys. */
    BOUNCY_CASTLE;

    /**
     * The system property that selects {@link #configured()}: {@code hub} (the default), {@code jdk},
     * or {@code bouncy-castle} (measurements only).
     */
    public static final String PROPERTY = "hub.crypto.providers";

    private static final Provider BC = new BouncyCastleProvider();

    private static final CryptoProviders CONFIGURED = fromProperty(System.getProperty(PROPERTY));

    private static final Map<PrivateKey, Ed25519PrivateKeyParameters> ED25519_KEYS = new ConcurrentHashMap<>();

    /** @return the property value that selects this choice */
    public String propertyValue() {
        return switch (this) {
            case JDK -> "jdk";
            case HUB -> "hub";
            case BOUNCY_CASTLE -> "bouncy-castle";
        };
    }

    /** @return the Bouncy Castle provider instance (never registered JVM-wide) */
    public static Provider bouncyCastle() {
        return BC;
    }

    /** @return the choice this JVM was started with (system property {@value #PROPERTY}; {@link #HUB} without it) */
    public static CryptoProviders configured() {
        return CONFIGURED;
    }

    /**
     * @param value the property's value, or {@code null}
     * @return the choice it names
     * @throws IllegalArgumentException for anything but {@code hub}, {@code jdk}, {@code bouncy-castle} or nothing
     */
    static CryptoProviders fromProperty(String value) {
        if (value == null || value.isBlank()) {
            return HUB;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "hub" -> HUB;
            case "jdk" -> JDK;
            case "bouncy-castle" -> BOUNCY_CASTLE;
            default -> throw new IllegalArgumentException(PROPERTY + " must be hub, jdk or bouncy-castle, not " + value);
        };
    }

    /** @return the provider for operations on public inputs and one-time keys, {@code null} for the JDK's */
    private Provider publicSide() {
        return this == JDK ? null : BC;
    }

    /** @return the provider for operations with a long-lived private key, {@code null} for the JDK's */
    private Provider privateSide() {
        return this == BOUNCY_CASTLE ? BC : null;
    }

    /**
     * @param publicKey an EC (P-256, P-384) or RSA public JWK
     * @return a verifier of its signatures
     */
    public JWSVerifier verifier(JWK publicKey) throws JOSEException {
        if (KeyType.EC.equals(publicKey.getKeyType())) {
            ECDSAVerifier verifier = new ECDSAVerifier(publicKey.toECKey());
            verifier.getJCAContext().setProvider(publicSide());
            return verifier;
        }
        return new RSASSAVerifier(publicKey.toRSAKey());
    }

    /**
     * @param privateKey an EC or RSA private JWK
     * @return a signer with it
     */
    public JWSSigner signer(JWK privateKey) throws JOSEException {
        if (KeyType.EC.equals(privateKey.getKeyType())) {
            ECDSASigner signer = new ECDSASigner(privateKey.toECKey());
            signer.getJCAContext().setProvider(privateSide());
            return signer;
        }
        return new RSASSASigner(privateKey.toRSAKey());
    }

    /**
     * @param publicKey the recipient's EC (ECDH-ES+A256KW) or RSA (RSA-OAEP-256) public JWK
     * @return an encrypter to it; content encryption (AES-GCM) stays with the JDK
     */
    public JWEEncrypter encrypter(JWK publicKey) throws JOSEException {
        if (KeyType.EC.equals(publicKey.getKeyType())) {
            ECDHEncrypter encrypter = new ECDHEncrypter(publicKey.toECKey());
            encrypter.getJCAContext().setKeyEncryptionProvider(publicSide());
            return encrypter;
        }
        return new RSAEncrypter(publicKey.toRSAKey());
    }

    /**
     * @param privateKey the recipient's own EC or RSA private JWK
     * @return a decrypter with it
     */
    public JWEDecrypter decrypter(JWK privateKey) throws JOSEException {
        if (KeyType.EC.equals(privateKey.getKeyType())) {
            ECDHDecrypter decrypter = new ECDHDecrypter(privateKey.toECKey());
            decrypter.getJCAContext().setKeyEncryptionProvider(privateSide());
            return decrypter;
        }
        return new RSADecrypter(privateKey.toRSAKey());
    }

    /**
     * Signs with Ed25519 (RFC 8032 §5.1.6, pure Ed25519, no context).
     *
     * @param privateKey a JDK Ed25519 private key
     * @param message    the bytes to sign
     * @return the 64-byte signature
     */
    public byte[] signEd25519(PrivateKey privateKey, byte[] message) {
        if (this == JDK) {
            try {
                Signature ed = Signature.getInstance("Ed25519");
                ed.initSign(privateKey);
                ed.update(message);
                return ed.sign();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot sign with Ed25519", e);
            }
        }
        Ed25519PrivateKeyParameters key = ED25519_KEYS.get(privateKey);
        if (key == null) {
            if (ED25519_KEYS.size() > 16) {
                ED25519_KEYS.clear(); // keys rotate rarely; a bound, not an eviction policy
            }
            key = new Ed25519PrivateKeyParameters(seed(privateKey)); // derives and keeps the public key once
            ED25519_KEYS.put(privateKey, key);
        }
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        key.sign(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0);
        return signature;
    }

    /**
     * Verifies an Ed25519 signature (RFC 8032 §5.1.7; non-canonical {@code S} is refused).
     *
     * @param rawPublicKey the 32-byte public key
     * @param publicKey    the same key as a JDK key (used by {@link #JDK})
     * @param message      the signed bytes
     * @param signature    the signature
     * @return whether it verifies
     */
    public boolean verifyEd25519(byte[] rawPublicKey, PublicKey publicKey, byte[] message, byte[] signature) {
        if (signature.length != Ed25519.SIGNATURE_SIZE) {
            return false;
        }
        if (this == JDK) {
            try {
                Signature ed = Signature.getInstance("Ed25519");
                ed.initVerify(publicKey);
                ed.update(message);
                return ed.verify(signature);
            } catch (GeneralSecurityException e) {
                return false;
            }
        }
        try {
            return new Ed25519PublicKeyParameters(rawPublicKey).verify(Ed25519.Algorithm.Ed25519, null, message, 0,
                    message.length, signature, 0);
        } catch (IllegalArgumentException e) {
            return false; // not a point on the curve
        }
    }

    /** @return the 32-byte RFC 8032 seed of a JDK Ed25519 private key */
    private static byte[] seed(PrivateKey privateKey) {
        if (privateKey instanceof EdECPrivateKey edec && edec.getBytes().isPresent()) {
            return edec.getBytes().get();
        }
        byte[] pkcs8 = privateKey.getEncoded(); // RFC 8410: … 04 22 04 20 ‖ seed
        if (pkcs8 != null && pkcs8.length == 48 && pkcs8[14] == 0x04 && pkcs8[15] == 0x20) {
            return Arrays.copyOfRange(pkcs8, 16, 48);
        }
        throw new IllegalArgumentException("not an Ed25519 private key");
    }
}
