package org.electionpool.hub.cases.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.electionpool.hub.api.cases.AttachmentContent;
import org.electionpool.hub.api.cases.AttachmentRequest;
import org.electionpool.hub.api.cases.AttachmentView;
import org.electionpool.hub.api.cases.CaseId;
import org.electionpool.hub.api.cases.Sha256;
import org.electionpool.hub.api.organizations.OrganizationId;
import org.electionpool.hub.api.problem.HubException;
import org.electionpool.hub.api.problem.ProblemType;
import org.electionpool.hub.cases.domain.TakedownCase;
import org.electionpool.hub.crypto.AttachmentCipher;
import org.electionpool.hub.crypto.HubKeys;

/**
 * The attachment pipeline, in the caller's transaction: an upload is decoded (standard base64),
 * size-checked, sniffed (the media type must match the content's magic bytes where the format has
 * them, so a declared image is an image and a declared PDF a PDF; text types must be UTF-8),
 * addressed by its {@link Sha256}, encrypted at rest with AES-256-GCM under the keystore's newest
 * attachment key ({@link AttachmentCipher}, associated data {@code <case id>/<sha256>}) and stored
 * ({@link AttachmentStore}); a read decrypts and checks the digest again
 * (docs/adr/0005-attachment-encryption-at-rest.md).
 */
@ApplicationScoped
public class Attachments {

    /**
     * The outcome of an upload.
     *
     * @param sha256  the content's address
     * @param view    the attachment as stored (the earlier one when the case already had the content)
     * @param created {@code false} when the case already had this content
     */
    public record Added(Sha256 sha256, AttachmentView view, boolean created) {
    }

    @Inject
    AttachmentStore store;

    @Inject
    HubKeys hubKeys;

    /**
     * Checks, encrypts and stores an upload to {@code c}, unless the case already has its content.
     *
     * @throws HubException {@code VALIDATION_FAILED} naming {@code content} (not base64, empty or too
     *         large), {@code mediaType} (the content is not of it) or {@code item} (the case has no
     *         such item), in that order; {@code CONFLICT} when the hub has no attachment key
     */
    public Added add(TakedownCase c, AttachmentRequest request, OrganizationId uploader, Instant now) {
        byte[] content;
        try {
            content = Base64.getDecoder().decode(request.content());
        } catch (IllegalArgumentException e) {
            throw HubException.invalidField("content", "must be standard base64");
        }
        if (content.length == 0 || content.length > AttachmentRequest.MAX_BYTES) {
            throw HubException.invalidField("content", "must be 1 to " + AttachmentRequest.MAX_BYTES + " bytes");
        }
        if (!looksLike(request.mediaType(), content)) {
            throw HubException.invalidField("mediaType", "the content is not a " + request.mediaType());
        }
        try {
            c.checkItem(request.item());
        } catch (IndexOutOfBoundsException e) {
            throw HubException.invalidField("item", "the case has no such item");
        }
        Sha256 sha256 = Sha256.of(content);
        Optional<AttachmentView> existing = store.find(c.id(), sha256);
        if (existing.isPresent()) {
            return new Added(sha256, existing.get(), false);
        }
        HubKeys.AttachmentKey key = hubKeys.attachmentKey().orElseThrow(() -> new HubException(
                ProblemType.CONFLICT, "This hub has no attachment key; the operator must add one (docs/operations.md)."));
        byte[] sealed = AttachmentCipher.seal(key.key(), aad(c.id(), sha256), content);
        AttachmentView view = new AttachmentView(sha256.hex(), request.filename(), request.mediaType(), content.length,
                request.item(), uploader.value(), now);
        store.add(c.id(), view, key.alias(), Base64.getEncoder().encodeToString(sealed));
        return new Added(sha256, view, true);
    }

    /** @return the case's attachments, oldest first (descriptions only) */
    public List<AttachmentView> list(CaseId id) {
        return store.list(id);
    }

    /**
     * @return the attachment with its content, or empty when the case has none with this digest
     * @throws IllegalStateException when the stored ciphertext does not decrypt (tampered with,
     *         moved from another case, or its key is gone) or decrypts to other content: never served
     */
    public Optional<AttachmentContent> open(CaseId id, Sha256 sha256) {
        Optional<AttachmentStore.Stored> found = store.load(id, sha256);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        AttachmentStore.Stored stored = found.get();
        HubKeys.AttachmentKey key = hubKeys.attachmentKey(stored.keyAlias())
                .orElseThrow(() -> new IllegalStateException("attachment key " + stored.keyAlias() + " is not in the keystore"));
        byte[] content;
        try {
            content = AttachmentCipher.open(key.key(), aad(id, sha256), Base64.getDecoder().decode(stored.ciphertext()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("attachment " + sha256 + " of " + id + " does not decrypt: tampered with", e);
        }
        if (!sha256.matches(content)) {
            throw new IllegalStateException("attachment " + sha256 + " of " + id + " decrypts to other content");
        }
        return Optional.of(new AttachmentContent(stored.view(), Base64.getEncoder().encodeToString(content)));
    }

    /** @return the associated data binding a ciphertext to its case and digest */
    static byte[] aad(CaseId id, Sha256 sha256) {
        return (id.value() + "/" + sha256.hex()).getBytes(StandardCharsets.US_ASCII);
    }

    /** @return whether the content starts as its media type requires (types without magic bytes pass) */
    static boolean looksLike(String mediaType, byte[] c) {
        return switch (mediaType) {
            case "image/png" -> starts(c, 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a);
            case "image/jpeg" -> starts(c, 0xff, 0xd8, 0xff);
            case "image/gif" -> starts(c, 'G', 'I', 'F', '8');
            case "image/webp" -> starts(c, 'R', 'I', 'F', 'F') && c.length > 12 && c[8] == 'W' && c[9] == 'E'
                    && c[10] == 'B' && c[11] == 'P';
            case "application/pdf" -> starts(c, '%', 'P', 'D', 'F', '-');
            case "video/mp4" -> c.length > 8 && c[4] == 'f' && c[5] == 't' && c[6] == 'y' && c[7] == 'p';
            case "text/plain", "text/csv", "application/json" -> utf8(c);
            default -> false;
        };
    }

    private static boolean starts(byte[] c, int... magic) {
        if (c.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((c[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean utf8(byte[] c) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(c));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }
}
