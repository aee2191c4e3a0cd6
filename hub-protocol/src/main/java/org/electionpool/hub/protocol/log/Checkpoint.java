package org.electionpool.hub.protocol.log;

import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * A C2SP tlog-checkpoint (c2sp.org/tlog-checkpoint): the body of the signed tree head,
 * {@code <origin>\n<size>\n<base64 root>\n} followed by optional extension lines.
 *
 * @param origin     the log's origin (no whitespace)
 * @param size       the tree size
 * @param rootHash   the RFC 9162 tree head, 32 bytes
 * @param extensions extension lines, without newlines; usually empty
 */
public record Checkpoint(String origin, long size, byte[] rootHash, List<String> extensions) {

    /** Validates the components. */
    public Checkpoint {
        Objects.requireNonNull(origin, "origin");
        if (origin.isEmpty() || origin.chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException("origin must be non-empty without whitespace");
        }
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
        if (rootHash == null || rootHash.length != MerkleTree.HASH_SIZE) {
            throw new IllegalArgumentException("root hash must have 32 bytes");
        }
        rootHash = rootHash.clone();
        extensions = List.copyOf(extensions);
        for (String line : extensions) {
            if (line.isEmpty() || line.contains("\n")) {
                throw new IllegalArgumentException("extension lines are non-empty single lines");
            }
        }
    }

    /** @return the checkpoint body, the text a signed note signs */
    public String body() {
        StringBuilder b = new StringBuilder().append(origin).append('\n').append(size).append('\n')
                .append(Base64.getEncoder().encodeToString(rootHash)).append('\n');
        extensions.forEach(line -> b.append(line).append('\n'));
        return b.toString();
    }

    /** @return a copy of the root hash */
    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /**
     * @param body a checkpoint body (the text of a signed note)
     * @return the checkpoint
     * @throws IllegalArgumentException if it is not a well-formed checkpoint
     */
    public static Checkpoint parse(String body) {
        if (!body.endsWith("\n")) {
            throw new IllegalArgumentException("a checkpoint ends with a newline");
        }
        String[] lines = body.substring(0, body.length() - 1).split("\n", -1);
        if (lines.length < 3 || !lines[1].matches("0|[1-9][0-9]{0,18}")) {
            throw new IllegalArgumentException("malformed checkpoint");
        }
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("checkpoint root is not base64");
        }
        return new Checkpoint(lines[0], Long.parseLong(lines[1]), root, List.of(lines).subList(3, lines.length));
    }
}
