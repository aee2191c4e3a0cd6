package org.electionpool.hub.cases.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A declared media type must match the content's magic bytes. */
class AttachmentsTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13};
    private static final byte[] PDF = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void contentOfTheDeclaredTypePasses() {
        assertTrue(Attachments.looksLike("image/png", PNG));
        assertTrue(Attachments.looksLike("application/pdf", PDF));
        assertTrue(Attachments.looksLike("image/jpeg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0}));
        assertTrue(Attachments.looksLike("text/plain", "vaalit ä".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void contentOfAnotherTypeOrAnUnlistedTypeIsRefused() {
        assertFalse(Attachments.looksLike("image/png", PDF));
        assertFalse(Attachments.looksLike("application/pdf", PNG));
        assertFalse(Attachments.looksLike("image/png", new byte[] {(byte) 0x89}));
        assertFalse(Attachments.looksLike("text/plain", new byte[] {(byte) 0xc3, (byte) 0x28}), "not UTF-8");
        assertFalse(Attachments.looksLike("application/x-msdownload", "MZ".getBytes(StandardCharsets.US_ASCII)));
    }
}
