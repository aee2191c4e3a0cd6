package org.electionpool.hub.verifier;

import com.nimbusds.jose.jwk.JWK;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.electionpool.hub.protocol.json.CanonicalJson;
import org.electionpool.hub.protocol.json.StrictJson;

/**
 * An {@code hxp-audit-bundle/1} document, checked for form only: the format string, the kind,
 * and the type of every member the format defines (base64 decodes, instants parse, integers are
 * integers, key records are consistent with their status). Nothing here is verified against
 * anything else; that is {@link BundleVerifier}'s job. Members the format does not define are
 * ignored. Immutable once parsed.
 *
 * @param kind        {@code bundle} (some entries with RFC 9162 inclusion proofs) or {@code export}
 *                    (every entry, the tree is recomputed)
 * @param origin      the log's origin
 * @param verifierKey the C2SP verifier key string the bundle names
 * @param checkpoint  the C2SP signed note carrying the checkpoint
 * @param size        the tree size the checkpoint is said to state
 * @param target      what a {@code bundle} is about; {@code null} for an export
 * @param entries     the entries, in file order
 * @param keys        per organisation id, its registered keys
 */
record AuditBundle(Kind kind, String origin, String verifierKey, String checkpoint, long size, Target target,
                   List<Entry> entries, Map<String, List<RegisteredKey>> keys) {

    /** The only format this verifier reads. */
    static final String FORMAT = "hxp-audit-bundle/1";

    /** Deepest nesting accepted in the bundle document (its own depth is 6; JWKs add a little). */
    static final int MAX_DEPTH = 256;

    /** Largest integer a JSON number read as an IEEE 754 double represents exactly. */
    private static final double MAX_SAFE_INTEGER = 9007199254740991d;

    /** What the file claims to be. */
    enum Kind {
        /** A subset of entries, each with an inclusion proof. */
        BUNDLE("bundle"),
        /** All entries 0..size-1, no proofs: the root is recomputed. */
        EXPORT("export");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        /** @return the value of the {@code kind} member */
        String wireName() {
            return wireName;
        }
    }

    /**
     * What a {@code bundle} is about, as the hub stated it (informational, not verified).
     *
     * @param type the target type, e.g. {@code organization}
     * @param id   the target id
     */
    record Target(String type, String id) {
    }

    /**
     * One entry as the bundle states it.
     *
     * @param index    the log index
     * @param leaf     the exact leaf bytes
     * @param leafHash the stated leaf hash (any length; compared later)
     * @param proof    the stated inclusion proof ({@code bundle}); {@code null} for an export
     * @param evidence the sender's compact JWS, or {@code null} when not included
     */
    record Entry(long index, byte[] leaf, byte[] leafHash, List<byte[]> proof, String evidence) {
    }

    /**
     * A registered organisation key and its history. The status and the instants agree: an
     * {@code ACTIVE} key has neither {@code retired_at} nor {@code revoked_at}, a {@code RETIRED}
     * key has {@code retired_at} and no {@code revoked_at}, a {@code REVOKED} key has
     * {@code revoked_at}.
     *
     * @param kid       the key id, unique within the organisation
     * @param use       {@code sig} or {@code enc}
     * @param status    {@code ACTIVE}, {@code RETIRED} or {@code REVOKED}
     * @param jwk       the public JWK (never private members)
     * @param createdAt when it was registered
     * @param retiredAt when it was retired, or {@code null}
     * @param revokedAt when it was revoked, or {@code null}
     */
    record RegisteredKey(String kid, String use, String status, JWK jwk, Instant createdAt, Instant retiredAt,
                         Instant revokedAt) {

        /**
         * @param t an instant
         * @return why the key was not valid at {@code t}, or {@code null} if it was:
         *         valid means created_at ≤ t, t &lt; retired_at (if set) and t &lt; revoked_at (if set)
         */
        String invalidAt(Instant t) {
            if (t.isBefore(createdAt)) {
                return "was created at " + createdAt + ", after the entry's timestamp " + t;
            }
            if (revokedAt != null && !t.isBefore(revokedAt)) {
                return "was revoked at " + revokedAt + ", not after the entry's timestamp " + t;
            }
            if (retiredAt != null && !t.isBefore(retiredAt)) {
                return "was retired at " + retiredAt + ", not after the entry's timestamp " + t;
            }
            return null;
        }
    }

    /**
     * @param json the bundle document
     * @return the bundle
     * @throws MalformedBundleException naming the first member that is not as the format requires
     */
    static AuditBundle parse(String json) throws MalformedBundleException {
        Object root;
        try {
            root = StrictJson.parse(json, MAX_DEPTH);
        } catch (IllegalArgumentException e) {
            throw new MalformedBundleException("not JSON: " + e.getMessage());
        }
        Map<String, Object> doc = object(root, "the document");
        String format = string(doc, "format", "");
        if (!FORMAT.equals(format)) {
            throw new MalformedBundleException("format is \"" + format + "\", expected \"" + FORMAT + "\"");
        }
        String kindName = string(doc, "kind", "");
        Kind kind = null;
        for (Kind k : Kind.values()) {
            if (k.wireName().equals(kindName)) {
                kind = k;
            }
        }
        if (kind == null) {
            throw new MalformedBundleException("kind is \"" + kindName + "\", expected \"bundle\" or \"export\"");
        }
        String origin = string(doc, "origin", "");
        if (origin.isEmpty()) {
            throw new MalformedBundleException("origin is empty");
        }
        String verifierKey = string(doc, "verifier_key", "");
        String checkpoint = string(doc, "checkpoint", "");
        long size = integer(require(doc, "size", ""), "size");

        Target target = null;
        if (kind == Kind.BUNDLE) {
            Map<String, Object> t = object(require(doc, "target", ""), "target");
            target = new Target(string(t, "type", "target."), string(t, "id", "target."));
        } else if (doc.containsKey("target")) {
            throw new MalformedBundleException("target is only for kind \"bundle\"");
        }

        List<Object> rawEntries = array(require(doc, "entries", ""), "entries");
        List<Entry> entries = new ArrayList<>(rawEntries.size());
        for (int i = 0; i < rawEntries.size(); i++) {
            entries.add(entry(rawEntries.get(i), "entries[" + i + "]", kind));
        }

        Map<String, List<RegisteredKey>> keys = new LinkedHashMap<>();
        if (doc.containsKey("keys")) {
            for (Map.Entry<String, Object> org : object(doc.get("keys"), "keys").entrySet()) {
                String where = "keys[\"" + org.getKey() + "\"]";
                List<Object> list = array(org.getValue(), where);
                List<RegisteredKey> parsed = new ArrayList<>(list.size());
                for (int i = 0; i < list.size(); i++) {
                    RegisteredKey key = key(list.get(i), where + "[" + i + "]");
                    if (parsed.stream().anyMatch(k -> k.kid().equals(key.kid()))) {
                        throw new MalformedBundleException(where + " lists kid \"" + key.kid() + "\" twice");
                    }
                    parsed.add(key);
                }
                keys.put(org.getKey(), List.copyOf(parsed));
            }
        }
        return new AuditBundle(kind, origin, verifierKey, checkpoint, size, target, List.copyOf(entries),
                Map.copyOf(keys));
    }

    private static Entry entry(Object raw, String where, Kind kind) throws MalformedBundleException {
        Map<String, Object> e = object(raw, where);
        long index = integer(require(e, "index", where + "."), where + ".index");
        byte[] leaf = base64(string(e, "leaf", where + "."), where + ".leaf");
        byte[] leafHash = base64(string(e, "leaf_hash", where + "."), where + ".leaf_hash");
        List<byte[]> proof = null;
        if (kind == Kind.BUNDLE) {
            List<Object> p = array(require(e, "proof", where + "."), where + ".proof");
            proof = new ArrayList<>(p.size());
            for (int j = 0; j < p.size(); j++) {
                String w = where + ".proof[" + j + "]";
                if (!(p.get(j) instanceof String s)) {
                    throw new MalformedBundleException(w + " is not a string");
                }
                proof.add(base64(s, w));
            }
        } else if (e.containsKey("proof")) {
            throw new MalformedBundleException(where + ".proof: an export carries no proofs");
        }
        String evidence = null;
        if (e.containsKey("evidence")) {
            evidence = string(e, "evidence", where + ".");
        }
        return new Entry(index, leaf, leafHash, proof == null ? null : List.copyOf(proof), evidence);
    }

    private static RegisteredKey key(Object raw, String where) throws MalformedBundleException {
        Map<String, Object> k = object(raw, where);
        String kid = string(k, "kid", where + ".");
        String use = string(k, "use", where + ".");
        if (!use.equals("sig") && !use.equals("enc")) {
            throw new MalformedBundleException(where + ".use is \"" + use + "\", expected \"sig\" or \"enc\"");
        }
        String status = string(k, "status", where + ".");
        Map<String, Object> jwkObject = object(require(k, "jwk", where + "."), where + ".jwk");
        JWK jwk;
        try {
            jwk = JWK.parse(new String(CanonicalJson.write(jwkObject), StandardCharsets.UTF_8));
        } catch (ParseException | IllegalArgumentException e) {
            throw new MalformedBundleException(where + ".jwk is not a JWK: " + e.getMessage());
        }
        if (jwk.isPrivate()) {
            throw new MalformedBundleException(where + ".jwk contains private key material");
        }
        if (jwk.getKeyID() != null && !jwk.getKeyID().equals(kid)) {
            throw new MalformedBundleException(where + ".jwk has kid \"" + jwk.getKeyID() + "\", not \"" + kid + "\"");
        }
        Instant createdAt = instant(string(k, "created_at", where + "."), where + ".created_at");
        Instant retiredAt = k.containsKey("retired_at")
                ? instant(string(k, "retired_at", where + "."), where + ".retired_at") : null;
        Instant revokedAt = k.containsKey("revoked_at")
                ? instant(string(k, "revoked_at", where + "."), where + ".revoked_at") : null;
        boolean consistent = switch (status) {
            case "ACTIVE" -> retiredAt == null && revokedAt == null;
            case "RETIRED" -> retiredAt != null && revokedAt == null;
            case "REVOKED" -> revokedAt != null;
            default -> throw new MalformedBundleException(where + ".status is \"" + status
                    + "\", expected ACTIVE, RETIRED or REVOKED");
        };
        if (!consistent) {
            throw new MalformedBundleException(where + ": status " + status + " does not agree with "
                    + (retiredAt == null ? "no" : "a") + " retired_at and " + (revokedAt == null ? "no" : "a") + " revoked_at");
        }
        return new RegisteredKey(kid, use, status, jwk, createdAt, retiredAt, revokedAt);
    }

    private static Object require(Map<String, Object> object, String name, String prefix) throws MalformedBundleException {
        if (!object.containsKey(name)) {
            throw new MalformedBundleException(prefix + name + " is missing");
        }
        return object.get(name);
    }

    private static String string(Map<String, Object> object, String name, String prefix) throws MalformedBundleException {
        if (!(require(object, name, prefix) instanceof String s)) {
            throw new MalformedBundleException(prefix + name + " is not a string");
        }
        return s;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String where) throws MalformedBundleException {
        if (!(value instanceof Map<?, ?> map)) {
            throw new MalformedBundleException(where + " is not a JSON object");
        }
        return (Map<String, Object>) map;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> array(Object value, String where) throws MalformedBundleException {
        if (!(value instanceof List<?> list)) {
            throw new MalformedBundleException(where + " is not a JSON array");
        }
        return (List<Object>) list;
    }

    private static long integer(Object value, String where) throws MalformedBundleException {
        if (!(value instanceof Double d) || d != Math.rint(d) || d < 0 || d > MAX_SAFE_INTEGER) {
            throw new MalformedBundleException(where + " is not a non-negative integer");
        }
        return d.longValue();
    }

    private static byte[] base64(String value, String where) throws MalformedBundleException {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new MalformedBundleException(where + " is not standard base64");
        }
    }

    private static Instant instant(String value, String where) throws MalformedBundleException {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new MalformedBundleException(where + " is not an ISO-8601 instant");
        }
    }
}
