package org.electionpool.hub.web.ui;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.TreeMap;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.api.people.AttestationService;
import org.electionpool.hub.api.people.PersonSession;
import org.electionpool.hub.api.people.UiRequest;
import org.electionpool.hub.api.security.Caller;
import org.electionpool.hub.api.security.Role;
import org.electionpool.hub.api.organizations.OrganizationKind;
import org.electionpool.hub.protocol.json.CanonicalJson;

/**
 * The person of the current request as every page sees it ({@code #{ui}}): their caller, their
 * language and time zone (dates and times are always shown in them), the translated texts, and
 * {@link #attest} — the audit context of an act, signed by the hub.
 */
@Named("ui")
@RequestScoped
public class UiContext {

    /** The bundle of every label and message, in fi, sv and en. */
    public static final String BUNDLE = "org.electionpool.hub.web.ui.Messages";

    /** The languages of the UI. */
    public static final java.util.List<String> LANGUAGES = java.util.List.of("fi", "sv", "en");

    /** The time zone when a person has not chosen one. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Helsinki");

    @EJB
    AttestationService attestations;

    private PersonSession person;
    private boolean looked;

    /** @return the signed-in person, or {@code null} on the sign-in page */
    public PersonSession getPerson() {
        if (!looked) {
            looked = true;
            person = (PersonSession) request().getAttribute(UiFilter.PERSON);
        }
        return person;
    }

    /** @return the person as a service caller */
    public Caller caller() {
        PersonSession p = getPerson();
        if (p == null) {
            throw new IllegalStateException("no person signed in");
        }
        return p.caller();
    }

    /** @return whether the person holds the role (by name) */
    public boolean has(String role) {
        PersonSession p = getPerson();
        return p != null && p.caller().has(Role.valueOf(role));
    }

    /** @return the person's roles, translated, in a stable order */
    public java.util.List<String> getRoleNames() {
        PersonSession p = getPerson();
        return p == null ? java.util.List.of() : p.caller().roles().stream().sorted().map(r -> text("role." + r.name())).toList();
    }

    /** @return the roles translated and joined, in a stable order */
    public String roles(java.util.Collection<Role> roles) {
        return roles == null ? "" : roles.stream().sorted().map(r -> text("role." + r.name()))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** @return whether the person's organisation is of the kind (by name) */
    public boolean kind(String kind) {
        PersonSession p = getPerson();
        return p != null && p.caller().kind() == OrganizationKind.valueOf(kind);
    }

    /** @return the language of the page: the person's, else the browser's first of fi/sv/en, else en */
    public Locale getLocale() {
        PersonSession p = getPerson();
        if (p != null) {
            return Locale.forLanguageTag(p.locale());
        }
        Object chosen = request().getSession(false) == null ? null
                : request().getSession(false).getAttribute("hub.ui.locale");
        if (chosen instanceof String tag && LANGUAGES.contains(tag)) {
            return Locale.forLanguageTag(tag);
        }
        for (var e = request().getLocales(); e.hasMoreElements(); ) {
            String lang = e.nextElement().getLanguage();
            if (LANGUAGES.contains(lang)) {
                return Locale.forLanguageTag(lang);
            }
        }
        return Locale.ENGLISH;
    }

    /** @return the language tag, for {@code <html lang>} */
    public String getLang() {
        return getLocale().getLanguage();
    }

    /** @return the person's time zone */
    public ZoneId getZone() {
        PersonSession p = getPerson();
        try {
            return p == null ? DEFAULT_ZONE : ZoneId.of(p.timeZone());
        } catch (RuntimeException e) {
            return DEFAULT_ZONE;
        }
    }

    /** @return the instant as a date and time in the person's zone and language, or an empty string */
    public String dateTime(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale()).withZone(getZone()).format(instant);
    }

    /** @return the instant as ISO 8601 (for {@code <time datetime>}) */
    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /** @return the values joined with a comma and a space */
    public String join(java.util.Collection<?> values) {
        return values == null ? "" : values.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
    }

    /** @return the time from now to the instant in words of the person's language ("3 h 20 min", "overdue 2 h") */
    public String timeLeft(Instant deadline) {
        if (deadline == null) {
            return "";
        }
        Duration d = Duration.between(Instant.now(), deadline);
        boolean over = d.isNegative();
        d = d.abs();
        String amount = d.toDays() >= 2 ? text("time.days", d.toDays())
                : d.toHours() >= 1 ? text("time.hours-minutes", d.toHours(), d.toMinutesPart())
                : text("time.minutes", Math.max(1, d.toMinutes()));
        return over ? text("time.overdue", amount) : text("time.left", amount);
    }

    /** @return the translated text of the key in the page's language, the arguments put in */
    public String text(String key, Object... args) {
        return text(getLocale(), key, args);
    }

    /** @return the translated text of the key in the language, the arguments put in; the key itself when missing */
    public static String text(Locale locale, String key, Object... args) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, locale).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** @return whether the bundle has the key */
    public boolean hasText(String key) {
        return ResourceBundle.getBundle(BUNDLE, getLocale()).containsKey(key);
    }

    /**
     * The evidence of an act: the hub's attestation that this session made this request.
     *
     * @param action what the person does, e.g. {@code case.create}, or {@code read}
     * @param form   the submitted values (field to value), or {@code null} for a read
     * @return the audit context to pass to the service
     */
    public AuditContext attest(String action, Map<String, ?> form) {
        HttpServletRequest r = request();
        String formSha = null;
        if (form != null) {
            Map<String, Object> sorted = new TreeMap<>();
            form.forEach((k, v) -> sorted.put(k, v == null ? null : String.valueOf(v)));
            formSha = AuditContext.sha256(CanonicalJson.write(sorted));
        }
        String view = FacesContext.getCurrentInstance() == null ? r.getRequestURI()
                : FacesContext.getCurrentInstance().getViewRoot() == null ? r.getRequestURI()
                : FacesContext.getCurrentInstance().getViewRoot().getViewId();
        return attestations.attest(caller(), new UiRequest(AuditContext.sha256(r.getSession().getId()), r.getMethod(),
                view, action, formSha, r.getRemoteAddr()));
    }

    /**
     * Tells the person that an act is done, with its receipt when its audit entry is known: the
     * log index of the entry and the size of the checkpoint that includes it.
     *
     * @return the text shown (also added to the page's messages)
     */
    public String receipt(org.electionpool.hub.api.audit.RequestReceipts receipts, AuditContext context, String what) {
        String text = receipts.newest(caller().organization(), context.jti())
                .map(r -> text("case.receipt", what, r.index(), r.size())).orElse(what);
        FacesContext.getCurrentInstance().addMessage(null,
                new jakarta.faces.application.FacesMessage(jakarta.faces.application.FacesMessage.SEVERITY_INFO, text, null));
        return text;
    }

    static HttpServletRequest request() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        return (HttpServletRequest) external.getRequest();
    }
}
