package org.electionpool.hub.cases.domain;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A position in one organisation's inbox stream, and its opaque wire form.
 *
 * <p>Invariant: {@code position} is the per-recipient sequence number of the last event read
 * ({@code 0} = before the first event; the organisation's events are numbered 1, 2, 3… with no
 * gaps, whatever other organisations do), and {@link #token()} and {@link #parse(String)} are exact
 * inverses: every token {@code parse} accepts is the one {@code token()} writes for its position,
 * so there is exactly one spelling per position and nothing else is accepted.
 *
 * <p>Wire form (version 1): unpadded base64url of 9 bytes — the version byte {@code 0x01}, then the
 * position as a big-endian 64-bit integer, which must not be negative — always 12 characters. Clients
 * must treat it as opaque; the format may change with a new version byte.
 *
 * @param position the sequence number of the last event read, {@code >= 0}
 */
public record InboxCursor(long position) {

    /** Before the first event. */
    public static final InboxCursor START = new InboxCursor(0);

    /** The version byte of the current wire form. */
    static final byte VERSION = 1;

    /** Length of a version-1 token: ⌈9 bytes × 4/3⌉ without padding. */
    static final int TOKEN_LENGTH = 12;

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{" + TOKEN_LENGTH + "}");

    public InboxCursor {
        if (position < 0) {
            throw new IllegalArgumentException("an inbox position is never negative");
        }
    }

    /** @return the cursor after this one's event: the position of the next event */
    public InboxCursor next() {
        return new InboxCursor(Math.addExact(position, 1));
    }

    /** @return the opaque token for this position */
    public String token() {
        byte[] bytes = ByteBuffer.allocate(9).put(VERSION).putLong(position).array();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Parses a token strictly: the right length and alphabet, version 1, a non-negative position, and
     * the canonical spelling of it.
     *
     * @param token what a client sent, possibly anything (or {@code null})
     * @return the cursor, or empty if the token is not one the hub writes
     */
    public static Optional<InboxCursor> parse(String token) {
        if (token == null || token.length() != TOKEN_LENGTH || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (bytes.length != 9 || bytes[0] != VERSION) {
            return Optional.empty();
        }
        long position = ByteBuffer.wrap(bytes, 1, 8).getLong();
        if (position < 0) {
            return Optional.empty();
        }
        InboxCursor cursor = new InboxCursor(position);
        return cursor.token().equals(token) ? Optional.of(cursor) : Optional.empty();
    }

    @Override
    public String toString() {
        return token();
    }
}
