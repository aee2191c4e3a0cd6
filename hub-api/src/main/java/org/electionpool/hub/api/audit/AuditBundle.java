package org.electionpool.hub.api.audit;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * An evidence bundle or a full export in the {@code hxp-audit-bundle/1} format (docs/audit-log.md
 * §7), which the offline verifier checks without the hub: the signed checkpoint, the entries with
 * their exact leaf bytes (a bundle adds each one's inclusion proof; an export holds every entry
 * from 0, so the root can be recomputed), the senders' signed messages, and the historic public
 * keys of every organisation that acted in them.
 *
 * @param format      always {@value #FORMAT}
 * @param kind        {@code bundle} or {@code export}
 * @param origin      the log's origin (C2SP checkpoint origin line)
 * @param verifierKey the log's C2SP verifier key
 * @param checkpoint  the signed checkpoint every proof leads to
 * @param size        the checkpoint's tree size
 * @param target      what a bundle is about; {@code null} for an export
 * @param entries     the entries, in index order
 * @param keys        per acting organisation, every key it ever registered, with its history
 */
@JsonbPropertyOrder({"format", "kind", "origin", "verifierKey", "checkpoint", "size", "target", "entries", "keys"})
public record AuditBundle(String format, String kind, String origin,
                          @JsonbProperty("verifier_key") String verifierKey, String checkpoint, long size,
                          Target target, List<Entry> entries, Map<String, List<Key>> keys) {

    /** The format name. */
    public static final String FORMAT = "hxp-audit-bundle/1";

    /**
     * @param type the target type, e.g. {@code organization} or {@code case}
     * @param id   the target's id
     */
    public record Target(String type, String id) {
    }

    /**
     * @param index    the entry's index
     * @param leaf     the exact leaf bytes, standard base64
     * @param leafHash SHA-256(0x00 ‖ leaf), standard base64
     * @param proof    in a bundle, the inclusion proof in the checkpoint's tree; {@code null} in an export
     * @param evidence the sender's compact JWS, or {@code null} when the entry has none
     */
    @JsonbPropertyOrder({"index", "leaf", "leafHash", "proof", "evidence"})
    public record Entry(long index, String leaf, @JsonbProperty("leaf_hash") String leafHash, List<String> proof,
                        String evidence) {
    }

    /**
     * @param kid       the key id
     * @param use       {@code sig} or {@code enc}
     * @param status    {@code ACTIVE}, {@code RETIRED} or {@code REVOKED}
     * @param jwk       the public JWK
     * @param createdAt when it was registered (ISO-8601)
     * @param retiredAt when it was retired, or {@code null}
     * @param revokedAt when it was revoked, or {@code null}
     */
    @JsonbPropertyOrder({"kid", "use", "status", "jwk", "createdAt", "retiredAt", "revokedAt"})
    public record Key(String kid, String use, String status, Map<String, Object> jwk,
                      @JsonbProperty("created_at") String createdAt, @JsonbProperty("retired_at") String retiredAt,
                      @JsonbProperty("revoked_at") String revokedAt) {
    }
}
