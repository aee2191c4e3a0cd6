package org.electionpool.hub.web.ui;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.electionpool.hub.api.indicators.CreateIndicatorRequest;
import org.electionpool.hub.api.indicators.Distribution;
import org.electionpool.hub.api.indicators.IndicatorService;
import org.electionpool.hub.api.indicators.IndicatorType;
import org.electionpool.hub.api.problem.HubException;

/**
 * The new-indicator form: the fields every indicator has, and exactly the one its type adds
 * (the platform of an {@code ACCOUNT}, the algorithm of a {@code CONTENT_HASH}, the language of a
 * {@code NARRATIVE}); DISARM technique ids, recipients and sharing groups as comma-separated lists.
 * The request is the API's {@link CreateIndicatorRequest}, checked by the same Bean Validation and
 * the same service, whose messages appear at their fields. A view's {@code clientRef} makes a
 * double submit idempotent.
 */
@Named
@ViewScoped
public class IndicatorNewBean implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Content hash algorithms, as the API accepts them. */
    static final List<String> ALGORITHMS = List.of(CreateIndicatorRequest.ALGORITHM_PATTERN.split("\\|"));

    @EJB
    IndicatorService indicators;

    @Inject
    UiContext ui;

    @Inject
    Problems problems;

    @Inject
    Validator validator;

    private final String clientRef = "ui-" + UUID.randomUUID();
    private String type = "URL";
    private String value;
    private String platform;
    private String algorithm = "SHA-256";
    private String language = "fi";
    private String description;
    private String tlp = "AMBER";
    private Integer confidence = 50;
    private String validUntil;
    private String techniques;
    private String election;
    private String organizations;
    private String groups;

    /** @return whether the chosen type needs the field ({@code platform}, {@code algorithm} or {@code language}) */
    public boolean needs(String field) {
        return switch (field) {
            case "platform" -> "ACCOUNT".equals(type);
            case "algorithm" -> "CONTENT_HASH".equals(type);
            case "language" -> "NARRATIVE".equals(type);
            default -> true;
        };
    }

    /** Shows the form again for another type (no submit). */
    public String changeType() {
        return null;
    }

    /** Sends the indicator; on success opens its page. */
    public String submit() throws IOException {
        Instant until = FormValues.instant(ui, problems, "validUntil", validUntil);
        IndicatorType t;
        try {
            t = IndicatorType.valueOf(type);
        } catch (IllegalArgumentException | NullPointerException e) {
            t = null;
        }
        Distribution distribution = new Distribution(FormValues.list(organizations, false), FormValues.list(groups, false));
        CreateIndicatorRequest request = new CreateIndicatorRequest(clientRef, t, FormValues.blank(value),
                needs("platform") ? FormValues.blank(platform) : null, needs("algorithm") ? FormValues.blank(algorithm) : null,
                needs("language") ? FormValues.blank(language) : null, FormValues.blank(description), FormValues.blank(tlp), confidence, null, until,
                FormValues.list(techniques, true), FormValues.blank(election), List.of(), distribution.isEmpty() ? null : distribution, null);
        if (problems.isAny()) {
            problems.global(ui.text("problem.validation-failed"));
            return null;
        }
        Set<ConstraintViolation<CreateIndicatorRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            problems.show(violations);
            return null;
        }
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("clientRef", clientRef);
        form.put("type", type);
        form.put("value", value);
        form.put("tlp", tlp);
        form.put("confidence", confidence);
        form.put("techniques", techniques);
        form.put("organizations", organizations);
        form.put("groups", groups);
        try {
            IndicatorService.Created created = indicators.create(ui.caller(), ui.attest("indicator.create", form), request);
            FacesContext faces = FacesContext.getCurrentInstance();
            faces.getExternalContext().redirect(((HttpServletRequest) faces.getExternalContext().getRequest())
                    .getContextPath() + "/ui/indicator.xhtml?id=" + created.view().id());
            faces.responseComplete();
        } catch (HubException e) {
            problems.show(e);
        }
        return null;
    }

    public IndicatorType[] getTypes() {
        return IndicatorType.values();
    }

    public List<String> getTlps() {
        return FormValues.TLPS;
    }

    public List<String> getAlgorithms() {
        return ALGORITHMS;
    }

    public List<String> getLanguages() {
        return List.of("fi", "sv", "en", "ru", "et", "de", "fr");
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    public String getPlatform() {
        return platform;
    }

    public void setPlatform(String platform) {
        this.platform = platform;
    }

    public String getAlgorithm() {
        return algorithm;
    }

    public void setAlgorithm(String algorithm) {
        this.algorithm = algorithm;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getTlp() {
        return tlp;
    }

    public void setTlp(String tlp) {
        this.tlp = tlp;
    }

    public Integer getConfidence() {
        return confidence;
    }

    public void setConfidence(Integer confidence) {
        this.confidence = confidence;
    }

    public String getValidUntil() {
        return validUntil;
    }

    public void setValidUntil(String validUntil) {
        this.validUntil = validUntil;
    }

    public String getTechniques() {
        return techniques;
    }

    public void setTechniques(String techniques) {
        this.techniques = techniques;
    }

    public String getElection() {
        return election;
    }

    public void setElection(String election) {
        this.election = election;
    }

    public String getOrganizations() {
        return organizations;
    }

    public void setOrganizations(String organizations) {
        this.organizations = organizations;
    }

    public String getGroups() {
        return groups;
    }

    public void setGroups(String groups) {
        this.groups = groups;
    }
}
