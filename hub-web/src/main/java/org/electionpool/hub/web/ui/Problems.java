package org.electionpool.hub.web.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.electionpool.hub.api.problem.FieldViolation;
import org.electionpool.hub.api.problem.HubException;

/**
 * A refusal as a page shows it ({@code #{problems}}): the problem type's text in the person's
 * language at the top, and each field violation beside its field ({@code #{problems.of('title')}})
 * — the same problems the API answers (RFC 9457 types of docs/problems.md), translated: a
 * violation's message is looked up as {@code violation.<slug of the English message>} (or of its
 * longest beginning of three words or more that has a text), a problem type as {@code problem.<slug>}.
 */
@Named
@RequestScoped
public class Problems {

    @Inject
    UiContext ui;

    private final Map<String, List<String>> fields = new LinkedHashMap<>();

    /** Shows a refusal of a service. */
    public void show(HubException e) {
        String key = "problem." + e.type().slug();
        global(ui.hasText(key) ? ui.text(key) : e.getMessage());
        for (FieldViolation v : e.violations()) {
            field(v.field(), translate(v.message()));
        }
    }

    /** Shows bean-validation failures of a request built from a form. */
    public void show(Set<? extends ConstraintViolation<?>> violations) {
        global(ui.text("problem.validation-failed"));
        for (ConstraintViolation<?> v : violations) {
            field(field(v.getPropertyPath().toString()), translate(v.getMessage()));
        }
    }

    /**
     * @return the form field a violation's property path belongs to: an element of a list of plain
     *         values ({@code techniques[1].<list element>}) belongs to the list's one field
     *         ({@code techniques}); a member of a list of rows ({@code items[0].value}) keeps its path
     */
    static String field(String path) {
        int element = path.indexOf(".<list element>");
        if (element < 0) {
            return path;
        }
        String list = path.substring(0, element);
        return list.replaceAll("\\[\\d+\\]$", "");
    }

    /** @return the message of a violation in the person's language (the English one if untranslated) */
    public String translate(String message) {
        String slug = slug(message);
        // the whole message, else its longest translated beginning (a message that names a value, such
        // as "unknown DISARM technique T9999", is translated by its fixed words), at least three words
        while (true) {
            String key = "violation." + slug;
            if (ui.hasText(key)) {
                return ui.text(key);
            }
            int cut = slug.lastIndexOf('-');
            if (cut < 0 || slug.substring(0, cut).split("-").length < 3) {
                return message;
            }
            slug = slug.substring(0, cut);
        }
    }

    /** @return the bundle key's slug of an English message: lower case, runs of other characters as one {@code -} */
    public static String slug(String message) {
        String s = message.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return s.length() > 80 ? s.substring(0, 80) : s;
    }

    /** Adds a message to a field. */
    public void field(String field, String text) {
        fields.computeIfAbsent(field, k -> new ArrayList<>()).add(text);
    }

    /** Adds a message for the page. */
    public void global(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    /** @return the messages of a field joined, or {@code null} when it has none */
    public String of(String field) {
        List<String> m = fields.get(field);
        return m == null ? null : String.join(" ", m);
    }

    /** @return whether the field has a message */
    public boolean has(String field) {
        return fields.containsKey(field);
    }

    /** @return whether any field has a message */
    public boolean isAny() {
        return !fields.isEmpty();
    }
}
