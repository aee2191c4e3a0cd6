package org.electionpool.hub.cases.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.electionpool.hub.api.cases.AttachmentView;
import org.electionpool.hub.api.cases.CaseId;

/**
 * Stored attachments (table {@code case_attachment}) and the checks on their content: the media
 * type must match the content's magic bytes where the format has them, so a declared image is an
 * image and a declared PDF a PDF.
 */
@ApplicationScoped
public class Attachments {

    /**
     * An attachment as stored.
     *
     * @param view       its description
     * @param keyAlias   the keystore alias of the key it is encrypted under
     * @param ciphertext {@code nonce ‖ ciphertext ‖ tag}, standard base64
     */
    public record Stored(AttachmentView view, String keyAlias, String ciphertext) {
    }

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    /** @return the associated data binding a ciphertext to its case and digest */
    static byte[] aad(CaseId id, String sha256) {
        return (id.value() + "/" + sha256).getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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

    public Optional<AttachmentView> find(CaseId id, String sha256) {
        return load(id, sha256).map(Stored::view);
    }

    public Optional<Stored> load(CaseId id, String sha256) {
        List<?> rows = em.createNativeQuery("select sha256, filename, media_type, size_bytes, item_no, uploaded_by,"
                        + " uploaded_at, key_alias, ciphertext from case_attachment where case_id = ?1 and sha256 = ?2")
                .setParameter(1, id.value()).setParameter(2, sha256).getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new Stored(view(r), (String) r[7], (String) r[8])).findFirst();
    }

    public List<AttachmentView> list(CaseId id) {
        List<AttachmentView> views = new ArrayList<>();
        for (Object row : em.createNativeQuery("select sha256, filename, media_type, size_bytes, item_no, uploaded_by,"
                        + " uploaded_at from case_attachment where case_id = ?1 order by uploaded_at, sha256")
                .setParameter(1, id.value()).getResultList()) {
            views.add(view((Object[]) row));
        }
        return views;
    }

    public void add(CaseId id, AttachmentView view, String keyAlias, String ciphertext) {
        em.createNativeQuery("insert into case_attachment (case_id, sha256, item_no, filename, media_type, size_bytes,"
                        + " key_alias, ciphertext, uploaded_by, uploaded_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
                .setParameter(1, id.value()).setParameter(2, view.sha256()).setParameter(3, view.item())
                .setParameter(4, view.filename()).setParameter(5, view.mediaType()).setParameter(6, view.size())
                .setParameter(7, keyAlias).setParameter(8, ciphertext).setParameter(9, view.uploadedBy())
                .setParameter(10, view.uploadedAt()).executeUpdate();
    }

    private static AttachmentView view(Object[] r) {
        return new AttachmentView((String) r[0], (String) r[1], (String) r[2], ((Number) r[3]).intValue(),
                r[4] == null ? null : ((Number) r[4]).intValue(), (String) r[5], CaseServiceBean.instantOf(r[6]));
    }
}
