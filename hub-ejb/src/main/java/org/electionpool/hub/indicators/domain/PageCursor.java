package org.electionpool.hub.indicators.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.electionpool.hub.api.time.InstantWindow;

/**
 * A position in a keyset-paginated list of indicators or sightings: the creation time and id of
 * the last row of a page, and its wire form, the page's {@code next}.
 *
 * <p>Wire form: unpadded base64url of {@code <created ISO-8601>|<id>}; clients treat it as opaque.
 * {@link #parse} refuses anything else, an id of the wrong kind, or an instant outside
 * {@link InstantWindow}. It is only a position: every list query applies the reader's visibility
 * whatever the cursor names.
 *
 * @param created the last row's creation time
 * @param id      the last row's id
 */
public record PageCursor(Instant created, String id) {

    public PageCursor {
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(id, "id");
    }

    /** @return the opaque token */
    public String token() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((created + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param token what a client sent (may be anything, or {@code null})
     * @param isId  what an id of this list looks like
     * @return the position, or empty when the token is not one
     */
    public static Optional<PageCursor> parse(String token, Predicate<String> isId) {
        if (token == null) {
            return Optional.empty();
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", 2);
            if (parts.length != 2 || !isId.test(parts[1])) {
                return Optional.empty();
            }
            Instant created = Instant.parse(parts[0]);
            return InstantWindow.Bounds.contains(created) ? Optional.of(new PageCursor(created, parts[1])) : Optional.empty();
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
