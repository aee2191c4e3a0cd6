package org.electionpool.hub.bench.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import org.electionpool.hub.protocol.log.Checkpoint;
import org.electionpool.hub.protocol.log.SignedNote;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * The audit log's Ed25519 checkpoint key for a benchmark run, and checkpoint signing as
 * {@code AuditLogBean.sign} does it (C2SP checkpoint body, C2SP signed note, key name = origin).
 *
 * <p>Generated at run time like the hub's dev keystore generates its {@code log} key
 * ({@code KeyPairGenerator.getInstance("Ed25519")}); optionally kept in a file (PKCS#8 and X.509,
 * two lines of hex) so that {@link AuditLoad} can extend a seeded log under the same key.
 *
 * @param origin the log's origin, the key's name
 * @param pair   the Ed25519 key pair
 */
public record LogKey(String origin, KeyPair pair) {

    /**
     * @param origin the log's origin
     * @param file   where the key is kept, or {@code null}: read when it exists, else generated (and
     *               written there when a file is given)
     * @return the key
     */
    public static LogKey loadOrGenerate(String origin, Path file) throws IOException, GeneralSecurityException {
        KeyFactory factory = KeyFactory.getInstance("Ed25519");
        if (file != null && Files.exists(file)) {
            List<String> lines = Files.readAllLines(file);
            java.util.HexFormat hex = java.util.HexFormat.of();
            PrivateKey priv = factory.generatePrivate(new PKCS8EncodedKeySpec(hex.parseHex(lines.get(0).strip())));
            PublicKey pub = factory.generatePublic(new X509EncodedKeySpec(hex.parseHex(lines.get(1).strip())));
            return new LogKey(origin, new KeyPair(pub, priv));
        }
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        if (file != null) {
            java.util.HexFormat hex = java.util.HexFormat.of();
            Files.writeString(file, hex.formatHex(pair.getPrivate().getEncoded()) + "\n"
                    + hex.formatHex(pair.getPublic().getEncoded()) + "\n");
        }
        return new LogKey(origin, pair);
    }

    /**
     * @param size the tree size
     * @param root its RFC 9162 root
     * @return the signed checkpoint note, as stored in {@code audit_checkpoint.note}
     */
    public String sign(long size, byte[] root) {
        Checkpoint checkpoint = new Checkpoint(origin, size, root, List.of());
        return SignedNote.sign(checkpoint.body(), origin, pair.getPrivate(), pair.getPublic());
    }

    /**
     * The same signed note as {@link #sign}, byte for byte (Ed25519 signatures are deterministic,
     * RFC 8032 §5.1.6), computed with Bouncy Castle's RFC 8032 code instead of the JDK's provider,
     * which is an order of magnitude slower. For the seeder only: {@code AuditSeederTest} checks
     * its rows against those of the hub's own sequencer ({@code AuditBatcher}), which signs with {@link #sign} as the hub does.
     *
     * @param size the tree size
     * @param root its RFC 9162 root
     * @return the signed checkpoint note
     */
    public String signFast(long size, byte[] root) {
        byte[] text = new Checkpoint(origin, size, root, List.of()).body().getBytes(StandardCharsets.UTF_8);
        byte[] blob = new byte[4 + Ed25519.SIGNATURE_SIZE];
        System.arraycopy(fast().keyHash, 0, blob, 0, 4);
        Ed25519.sign(fast().seed, 0, fast().publicKey, 0, text, 0, text.length, blob, 4);
        return new String(text, StandardCharsets.UTF_8) + "\n\u2014 " + origin + " " + Base64.getEncoder().encodeToString(blob)
                + "\n";
    }

    private record Raw(byte[] seed, byte[] publicKey, byte[] keyHash) {
    }

    private static final java.util.Map<KeyPair, Raw> RAW = new java.util.concurrent.ConcurrentHashMap<>();

    private Raw fast() {
        return RAW.computeIfAbsent(pair, p -> {
            Ed25519.precompute();
            byte[] seed = ((EdECPrivateKey) p.getPrivate()).getBytes().orElseThrow();
            return new Raw(seed, SignedNote.rawKey(p.getPublic()), verifierKey().keyHash());
        });
    }

    /** @return the C2SP verifier key of this log key */
    public SignedNote.VerifierKey verifierKey() {
        return SignedNote.VerifierKey.parse(SignedNote.verifierKey(origin, SignedNote.rawKey(pair.getPublic())));
    }
}
