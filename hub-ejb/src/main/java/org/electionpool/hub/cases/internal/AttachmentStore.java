package org.electionpool.hub.cases.internal;

import org.electionpool.hub.system.SqlValues;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.electionpool.hub.api.cases.AttachmentView;
import org.electionpool.hub.api.cases.CaseId;
import org.electionpool.hub.api.cases.Sha256;

/** The stored attachments (table {@code case_attachment}): descriptions and ciphertexts, never plaintext. */
@ApplicationScoped
public class AttachmentStore {

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

    public Optional<AttachmentView> find(CaseId id, Sha256 sha256) {
        return load(id, sha256).map(Stored::view);
    }

    public Optional<Stored> load(CaseId id, Sha256 sha256) {
        List<?> rows = em.createNativeQuery("select sha256, filename, media_type, size_bytes, item_no, uploaded_by,"
                        + " uploaded_at, key_alias, ciphertext from case_attachment where case_id = ?1 and sha256 = ?2")
                .setParameter(1, id.value()).setParameter(2, sha256.hex()).getResultList();
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
                r[4] == null ? null : ((Number) r[4]).intValue(), (String) r[5], SqlValues.instant(r[6]));
    }
}
