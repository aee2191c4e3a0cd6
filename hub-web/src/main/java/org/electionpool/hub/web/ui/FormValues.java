package org.electionpool.hub.web.ui;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.electionpool.hub.api.indicators.Tlp;

/**
 * What every form does with what a person typed before it builds an API request: blank text is
 * absent, a {@code datetime-local} value is a local time in the person's time zone, a list is
 * comma- or space-separated; and the TLP markings every form offers.
 */
final class FormValues {

    private FormValues() {
    }

    /** The TLP 2.0 markings as the API writes them, loosest first ({@link Tlp}'s order). */
    static final List<String> TLPS = Arrays.stream(Tlp.values()).map(Tlp::label).toList();

    /** @return a comma- or space-separated list, upper-cased if asked (technique ids); empty for blank text */
    static List<String> list(String text, boolean upper) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank())
                .map(s -> upper ? s.strip().toUpperCase(Locale.ROOT) : s.strip()).toList();
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
