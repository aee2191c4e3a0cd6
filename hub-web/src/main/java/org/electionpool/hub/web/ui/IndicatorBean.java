package org.electionpool.hub.web.ui;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.api.audit.RequestReceipts;
import org.electionpool.hub.api.indicators.IndicatorId;
import org.electionpool.hub.api.indicators.IndicatorService;
import org.electionpool.hub.api.indicators.IndicatorView;
import org.electionpool.hub.api.indicators.NewVersionRequest;
import org.electionpool.hub.api.indicators.SightingAction;
import org.electionpool.hub.api.indicators.SightingPage;
import org.electionpool.hub.api.indicators.SightingRequest;
import org.electionpool.hub.api.problem.HubException;
import org.electionpool.hub.api.problem.ProblemType;

/**
 * One indicator as the person's organisation may read it: its current version, its sightings with
 * their totals; for its author's analysts a new version (description, marking, confidence, with a
 * note) and revocation; for every reader's analysts a sighting report. Each act shows its receipt
 * (the audit log index of its entry). An indicator that does not exist and one the organisation
 * may not read give the same not-found page (status 404), as in the API.
 */
@Named
@ViewScoped
public class IndicatorBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    IndicatorService indicators;

    @Inject
    UiContext ui;

    @Inject
    Problems problems;

    @Inject
    Validator validator;

    @Inject
    RequestReceipts receipts;

    private String id;
    private IndicatorView view;
    private SightingPage sightings;
    private boolean notFound;
    private final List<String> steps = new ArrayList<>();

    // new version
    private String description;
    private String tlp;
    private Integer confidence;
    private String note;

    // sighting
    private String sightingRef = "ui-" + UUID.randomUUID();
    private Integer count = 1;
    private String firstSeen;
    private String lastSeen;
    private String observedOn;
    private String action = "NONE";
    private String sightingDescription;

    /** Loads the indicator (an audited read); one out of reach is "not found", exactly like one that does not exist. */
    public void load() {
        if (view != null || notFound) {
            return;
        }
        try {
            IndicatorId indicatorId = IndicatorId.parse(id).orElseThrow(() -> HubException.notFound("Indicator"));
            view = indicators.get(ui.caller(), ui.attest("indicator.read", null), indicatorId);
            sightings = indicators.sightings(ui.caller(), ui.attest("sighting.list", null), indicatorId, null, 100);
            fill();
        } catch (HubException e) {
            if (e.type() != ProblemType.NOT_FOUND && e.type() != ProblemType.INVALID_PARAMETER) {
                throw e;
            }
            notFound();
        } catch (IllegalArgumentException e) {
            notFound();
        }
    }

    private void notFound() {
        notFound = true;
        ((HttpServletResponse) FacesContext.getCurrentInstance().getExternalContext().getResponse())
                .setStatus(HttpServletResponse.SC_NOT_FOUND);
    }

    private void reload() {
        IndicatorId indicatorId = new IndicatorId(view.id());
        view = indicators.get(ui.caller(), ui.attest("indicator.read", null), indicatorId);
        sightings = indicators.sightings(ui.caller(), ui.attest("sighting.list", null), indicatorId, null, 100);
        fill();
    }

    private void fill() {
        description = view.description();
        tlp = view.tlp();
        confidence = view.confidence();
        note = null;
        String now = LocalDateTime.now(ui.getZone()).truncatedTo(ChronoUnit.MINUTES).toString();
        firstSeen = now;
        lastSeen = now;
    }

    /** @return whether the person's organisation wrote it and the person is an analyst (and it is not revoked) */
    public boolean isAuthorAnalyst() {
        return view != null && !view.revoked() && ui.has("ANALYST")
                && ui.caller().organization().value().equals(view.author());
    }

    /** @return whether the person may report a sighting (an analyst of any organisation that reads it) */
    public boolean isMayReport() {
        return view != null && !view.revoked() && ui.has("ANALYST");
    }

    /** Makes a new version with the edited description, marking and confidence. */
    public String update() {
        return version(false);
    }

    /** Revokes the indicator (a last version; the note says why). */
    public String revoke() {
        return version(true);
    }

    private String version(boolean revoke) {
        NewVersionRequest request = revoke
                ? new NewVersionRequest(view.version(), Boolean.TRUE, null, null, null, null, null, null, null, null, null, FormValues.blank(note))
                : new NewVersionRequest(view.version(), null, FormValues.blank(description), FormValues.blank(tlp), confidence, null, null, null,
                null, null, null, FormValues.blank(note));
        Set<ConstraintViolation<NewVersionRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            problems.show(violations);
            return null;
        }
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("basedOn", view.version());
        form.put("revoked", revoke);
        if (!revoke) {
            form.put("description", description);
            form.put("tlp", tlp);
            form.put("confidence", confidence);
        }
        form.put("note", note);
        AuditContext context = ui.attest(revoke ? "indicator.revoke" : "indicator.version", form);
        try {
            indicators.newVersion(ui.caller(), context, new IndicatorId(view.id()), request);
            done(context, ui.text(revoke ? "indicator.revoked.done" : "indicator.version.done"));
        } catch (HubException e) {
            problems.show(e);
        }
        return null;
    }

    /** Reports a sighting of the indicator. */
    public String report() {
        Instant first = FormValues.instant(ui, problems, "firstSeen", firstSeen);
        Instant last = FormValues.instant(ui, problems, "lastSeen", lastSeen);
        SightingAction a;
        try {
            a = SightingAction.valueOf(action);
        } catch (IllegalArgumentException | NullPointerException e) {
            a = null;
        }
        SightingRequest request = new SightingRequest(sightingRef, count, first, last, FormValues.blank(observedOn), null, a, null,
                FormValues.blank(sightingDescription), null, null);
        if (problems.isAny()) {
            problems.global(ui.text("problem.validation-failed"));
            return null;
        }
        Set<ConstraintViolation<SightingRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            problems.show(violations);
            return null;
        }
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("clientRef", sightingRef);
        form.put("count", count);
        form.put("firstSeen", firstSeen);
        form.put("lastSeen", lastSeen);
        form.put("observedOn", observedOn);
        form.put("action", action);
        form.put("description", sightingDescription);
        AuditContext context = ui.attest("sighting.report", form);
        try {
            indicators.reportSighting(ui.caller(), context, new IndicatorId(view.id()), request);
            sightingRef = "ui-" + UUID.randomUUID();
            sightingDescription = null;
            done(context, ui.text("indicator.sighting.done"));
        } catch (HubException e) {
            problems.show(e);
        }
        return null;
    }

    private void done(AuditContext context, String what) {
        steps.add(ui.receipt(receipts, context, what));
        reload();
    }

    public SightingAction[] getActions() {
        return SightingAction.values();
    }

    public List<String> getTlps() {
        return FormValues.TLPS;
    }

    public IndicatorView getView() {
        return view;
    }

    public SightingPage getSightings() {
        return sightings;
    }

    public boolean isNotFound() {
        return notFound;
    }

    public List<String> getSteps() {
        return steps;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
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

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public Integer getCount() {
        return count;
    }

    public void setCount(Integer count) {
        this.count = count;
    }

    public String getFirstSeen() {
        return firstSeen;
    }

    public void setFirstSeen(String firstSeen) {
        this.firstSeen = firstSeen;
    }

    public String getLastSeen() {
        return lastSeen;
    }

    public void setLastSeen(String lastSeen) {
        this.lastSeen = lastSeen;
    }

    public String getObservedOn() {
        return observedOn;
    }

    public void setObservedOn(String observedOn) {
        this.observedOn = observedOn;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getSightingDescription() {
        return sightingDescription;
    }

    public void setSightingDescription(String sightingDescription) {
        this.sightingDescription = sightingDescription;
    }
}
