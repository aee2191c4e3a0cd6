package org.electionpool.hub.web.ui;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

/**
 * What every form does with what a person typed before it builds an API request: blank text is
 * absent, and a {@code datetime-local} value is a local time in the person's time zone.
 */
final class FormValues {

    private FormValues() {
    }

    /** @return the text without surrounding white space, or {@code null} when there is none */
    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * @return the instant of a {@code datetime-local} value in the person's zone, or {@code null}
     *         when blank or unreadable — then the field gets its message
     */
    static Instant instant(UiContext ui, Problems problems, String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip()).atZone(ui.getZone()).toInstant();
        } catch (DateTimeParseException e) {
            problems.field(field, ui.text("case.new.datetime.invalid"));
            return null;
        }
    }
}
