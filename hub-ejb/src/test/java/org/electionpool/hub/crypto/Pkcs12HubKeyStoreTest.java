package org.electionpool.hub.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Pkcs12HubKeyStoreTest {

    private static final char[] PASSWORD = "test-password".toCharArray();
    private static final Clock T1 = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    private static final Clock T2 = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void createdKeystoreHoldsOneKeyOfEachUseReadableOnlyByItsOwner() throws Exception {
        Path file = dir.resolve("keys.p12");
        Pkcs12HubKeyStore.addKeys(file, PASSWORD, List.of("sig", "enc", "log"), T1);
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(file));

        Pkcs12HubKeyStore keys = Pkcs12HubKeyStore.load(file, PASSWORD);
        List<JWK> published = keys.publicJwkSet().getKeys();
        assertEquals(2, published.size());
        assertEquals(KeyUse.SIGNATURE, published.get(0).getKeyUse());
        assertEquals(KeyUse.ENCRYPTION, published.get(1).getKeyUse());
        for (JWK jwk : published) {
            assertFalse(jwk.isPrivate(), "published keys are public");
            assertEquals(jwk.computeThumbprint().toString(), jwk.getKeyID(), "kid is the RFC 7638 thumbprint");
        }
        assertFalse(keys.publicJwkSet().toString(true).contains("\"d\""));
        assertTrue(keys.signingKey().isPrivate());
        assertTrue(keys.encryptionKey(published.get(1).getKeyID()).orElseThrow().isPrivate());
        assertTrue(keys.encryptionKey("no-such-kid").isEmpty());
        assertTrue(keys.encryptionKey(null).isEmpty());
        assertTrue(Set.of("Ed25519", "EdDSA").contains(keys.auditLogKey().getPublic().getAlgorithm()));
    }

    @Test
    void signingKeySignsWhatItsPublishedKeyVerifies() throws Exception {
        Path file = dir.resolve("keys.p12");
        Pkcs12HubKeyStore.addKeys(file, PASSWORD, List.of("sig", "enc", "log"), T1);
        Pkcs12HubKeyStore keys = Pkcs12HubKeyStore.load(file, PASSWORD);
        JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.ES256), new Payload("hello"));
        jws.sign(new ECDSASigner(keys.signingKey()));
        ECKey published = (ECKey) keys.publicJwkSet().getKeyByKeyId(keys.signingKey().getKeyID());
        assertTrue(JWSObject.parse(jws.serialize()).verify(new ECDSAVerifier(published)));

        Signature ed = Signature.getInstance("Ed25519");
        ed.initSign(keys.auditLogKey().getPrivate());
        ed.update("checkpoint".getBytes(StandardCharsets.UTF_8));
        byte[] signature = ed.sign();
        ed.initVerify(keys.auditLogKey().getPublic());
        ed.update("checkpoint".getBytes(StandardCharsets.UTF_8));
        assertTrue(ed.verify(signature));
    }

    @Test
    void rotationPublishesTheNewKeyBesideTheOldAndSignsWithTheNewest() {
        Path file = dir.resolve("keys.p12");
        Pkcs12HubKeyStore.addKeys(file, PASSWORD, List.of("sig", "enc", "log"), T1);
        Pkcs12HubKeyStore before = Pkcs12HubKeyStore.load(file, PASSWORD);
        Pkcs12HubKeyStore.addKeys(file, PASSWORD, List.of("sig", "enc"), T2);
        Pkcs12HubKeyStore after = Pkcs12HubKeyStore.load(file, PASSWORD);

        assertEquals(4, after.publicJwkSet().getKeys().size());
        assertNotEquals(before.signingKey().getKeyID(), after.signingKey().getKeyID(), "the newest key signs");
        assertTrue(after.publicJwkSet().getKeyByKeyId(before.signingKey().getKeyID()) != null, "old key still published");
        String oldEncryptionKid = before.publicJwkSet().getKeys().get(1).getKeyID();
        assertTrue(after.encryptionKey(oldEncryptionKid).isPresent(), "requests to the old key still decrypt");
    }

    @Test
    void attachmentKeysAreAes256AndTheNewestEncryptsWhileOlderOnesStillDecrypt() {
        Path file = dir.resolve("att.p12");
        Pkcs12HubKeyStore.addKeys(file, PASSWORD, List.of("sig", "enc", "log"), T1);
        assertTrue(Pkcs12HubKeyStore.load(file, PASSWORD).attachmentKey().isEmpty(), "optional, like the CA");
        Pkcs12HubKeyStore.addKeys(file, PASSWORD, List.of("att"), T1);
        Pkcs12HubKeyStore.addKeys(file, PASSWORD, List.of("att"), T2);
        Pkcs12HubKeyStore keys = Pkcs12HubKeyStore.load(file, PASSWORD);
        var current = keys.attachmentKey().orElseThrow();
        assertEquals("att-20261124100000", current.alias());
        assertEquals(32, current.key().getEncoded().length);
        assertTrue(keys.attachmentKey("att-20261123100000").isPresent(), "the older key stays to decrypt");
        assertTrue(keys.attachmentKey("att-19990101000000").isEmpty());
    }

    @Test
    void missingFileIsAClearError() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Pkcs12HubKeyStore.load(dir.resolve("none.p12"), PASSWORD));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void wrongPasswordIsAClearErrorWithoutThePassword() {
        Path file = dir.resolve("keys.p12");
        Pkcs12HubKeyStore.addKeys(file, PASSWORD, List.of("sig", "enc", "log"), T1);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Pkcs12HubKeyStore.load(file, "wrong-password".toCharArray()));
        assertTrue(e.getMessage().contains("cannot be read"), e.getMessage());
        assertFalse(e.getMessage().contains("wrong-password"));
    }

    @Test
    void keystoreWithoutEveryUseIsRefused() {
        Path file = dir.resolve("keys.p12");
        Pkcs12HubKeyStore.addKeys(file, PASSWORD, List.of("sig", "enc"), T1);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Pkcs12HubKeyStore.load(file, PASSWORD));
        assertTrue(e.getMessage().contains("log-*"), e.getMessage());
    }
}
