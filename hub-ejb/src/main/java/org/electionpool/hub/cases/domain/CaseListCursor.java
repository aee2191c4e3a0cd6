package org.electionpool.hub.cases.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import org.electionpool.hub.api.cases.CaseId;
import org.electionpool.hub.api.time.InstantWindow;

/**
 * A position in a case list (newest first, keyset-paginated on creation time and id): the last case
 * of a page, and its wire form, the page's {@code next}.
 *
 * <p>Wire form: unpadded base64url of the UTF-8 string {@code <createdAt ISO-8601>|<case id>}.
 * Clients treat it as opaque. {@link #parse} accepts what {@link #token()} writes and refuses
 * anything that is not base64url, has no separator, names no case id, or carries an instant outside
 * {@link InstantWindow} — it is only a position: the list query is scoped to the caller whatever
 * the cursor names.
 *
 * @param createdAt the last case's creation time, inside {@link InstantWindow}
 * @param id        the last case's id
 */
public record CaseListCursor(Instant createdAt, CaseId id) {

    public CaseListCursor {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(id, "id");
        if (!InstantWindow.Bounds.contains(createdAt)) {
            throw new IllegalArgumentException("a case list position lies inside the instant window");
        }
    }

    /** @return the position after {@code last}, the last case of a page */
    public static CaseListCursor after(TakedownCase last) {
        return new CaseListCursor(last.createdAt(), last.id());
    }

    /** @return the opaque token for this position */
    public String token() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((createdAt + "|" + id.value()).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param token what a client sent, possibly anything (or {@code null})
     * @return the position, or empty if the token is not one of this form
     */
    public static Optional<CaseListCursor> parse(String token) {
        if (token == null) {
            return Optional.empty();
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", 2);
            if (parts.length != 2) {
                return Optional.empty();
            }
            Optional<CaseId> id = CaseId.parse(parts[1]);
            Instant createdAt = Instant.parse(parts[0]);
            return id.isPresent() && InstantWindow.Bounds.contains(createdAt)
                    ? Optional.of(new CaseListCursor(createdAt, id.get())) : Optional.empty();
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return token();
    }
}
