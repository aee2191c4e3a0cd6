package org.electionpool.hub.protocol.stix;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.electionpool.hub.protocol.json.CanonicalJson;

/**
 * Deterministic identifiers of STIX 2.1 cyber-observable objects (STIX 2.1 §2.9): {@code <type>--}
 * and a UUID version 5 (RFC 9562 §5.5, SHA-1) in the STIX namespace
 * {@value #NAMESPACE_TEXT}, over the RFC 8785 (JCS) canonical JSON of the object's ID contributing
 * properties (e.g. {@code value} of a {@code url} or {@code domain-name}; {@code account_login}
 * and {@code account_type} of a {@code user-account}; one entry of {@code hashes} of a
 * {@code file}).
 *
 * <p>Invariant: the same type and contributing properties give the same id in every producer
 * that follows the specification (the OASIS stix2 library, OpenCTI), so two organisations that
 * report the same observable name the same object. The JDK's {@link UUID#nameUUIDFromBytes} is
 * version 3 (MD5) and must not be used for this. Pure and thread-safe.
 */
public final class StixIds {

    /** The STIX 2.1 namespace of deterministic SCO ids, as text. */
    public static final String NAMESPACE_TEXT = "00abedb4-aa42-466c-9c01-fed23315a9b7";

    /** The STIX 2.1 namespace of deterministic SCO ids. */
    public static final UUID NAMESPACE = UUID.fromString(NAMESPACE_TEXT);

    private StixIds() {
    }

    /**
     * @param type         the SCO type, e.g. {@code url}
     * @param contributing the ID contributing properties with their values (strings, numbers,
     *                     booleans, nested maps and lists)
     * @return the object's deterministic id, e.g. {@code url--be22e93a-…}
     */
    public static String sco(String type, Map<String, ?> contributing) {
        Objects.requireNonNull(type, "type");
        return type + "--" + uuid5(NAMESPACE, CanonicalJson.write(contributing));
    }

    /**
     * @param namespace the namespace
     * @param name      the name's bytes (UTF-8 for text)
     * @return the version-5 UUID of {@code name} in {@code namespace} (RFC 9562 §5.5)
     */
    public static UUID uuid5(UUID namespace, byte[] name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(ByteBuffer.allocate(16).putLong(namespace.getMostSignificantBits())
                    .putLong(namespace.getLeastSignificantBits()).array());
            byte[] h = sha1.digest(name);
            h[6] = (byte) ((h[6] & 0x0f) | 0x50); // version 5
            h[8] = (byte) ((h[8] & 0x3f) | 0x80); // the RFC 9562 variant
            ByteBuffer b = ByteBuffer.wrap(h, 0, 16);
            return new UUID(b.getLong(), b.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every JDK", e);
        }
    }
}
