package org.electionpool.hub.web.ui;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.electionpool.hub.api.audit.RequestReceipts;
import org.electionpool.hub.api.cases.AttachmentList;
import org.electionpool.hub.api.cases.AttachmentRequest;
import org.electionpool.hub.api.cases.CaseAction;
import org.electionpool.hub.api.cases.CaseId;
import org.electionpool.hub.api.cases.CaseRole;
import org.electionpool.hub.api.cases.CaseService;
import org.electionpool.hub.api.cases.CaseView;
import org.electionpool.hub.api.cases.ItemResponseRequest;
import org.electionpool.hub.api.cases.MessageList;
import org.electionpool.hub.api.cases.MessageRequest;
import org.electionpool.hub.api.cases.Outcome;
import org.electionpool.hub.api.cases.TcoReason;
import org.electionpool.hub.api.cases.TransitionRequest;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.api.problem.HubException;
import org.electionpool.hub.api.problem.ProblemType;

/**
 * A case as a party sees it: its facts, its items with the platform's responses and statements of
 * reasons, the thread, the attachments, linked cases, and only the actions the current state
 * allows the person's side (by {@link org.electionpool.hub.api.cases.CaseStatus#after}); each act
 * shows its receipt — the audit log index of its entry and the tree size of its checkpoint. A case
 * that does not exist and one the person's organisation is no party to give the same not-found
 * page (status 404).
 */
@Named
@ViewScoped
public class CaseBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    CaseService cases;

    @Inject
    UiContext ui;

    @Inject
    Problems problems;

    @Inject
    Validator validator;

    @Inject
    RequestReceipts receipts;

    /** The platform's answer to one item, as the form holds it. */
    public static final class Answer implements Serializable {
        private static final long serialVersionUID = 1L;
        private String outcome = Outcome.REMOVED.name();
        private String actionTakenAt;
        private String tcoReason;
        private String decisionVisibility = "DECISION_VISIBILITY_CONTENT_REMOVED";
        private String decisionGround = "DECISION_GROUND_ILLEGAL_CONTENT";
        private String category = "STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS";
        private boolean automatedDetection;
        private String automatedDecision = "AUTOMATED_DECISION_NOT_AUTOMATED";
        private String territorialScope = "FI";
        private String facts;

        public String getOutcome() { return outcome; }
        public void setOutcome(String v) { outcome = v; }
        public String getActionTakenAt() { return actionTakenAt; }
        public void setActionTakenAt(String v) { actionTakenAt = v; }
        public String getTcoReason() { return tcoReason; }
        public void setTcoReason(String v) { tcoReason = v; }
        public String getDecisionVisibility() { return decisionVisibility; }
        public void setDecisionVisibility(String v) { decisionVisibility = v; }
        public String getDecisionGround() { return decisionGround; }
        public void setDecisionGround(String v) { decisionGround = v; }
        public String getCategory() { return category; }
        public void setCategory(String v) { category = v; }
        public boolean isAutomatedDetection() { return automatedDetection; }
        public void setAutomatedDetection(boolean v) { automatedDetection = v; }
        public String getAutomatedDecision() { return automatedDecision; }
        public void setAutomatedDecision(String v) { automatedDecision = v; }
        public String getTerritorialScope() { return territorialScope; }
        public void setTerritorialScope(String v) { territorialScope = v; }
        public String getFacts() { return facts; }
        public void setFacts(String v) { facts = v; }
    }

    /** One item of the case with the form of its answer (a bean, so the form binds to its properties). */
    public static final class ItemRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private final CaseView.ItemView item;
        private final Answer answer;

        ItemRow(CaseView.ItemView item, Answer answer) {
            this.item = item;
            this.answer = answer;
        }

        public CaseView.ItemView getItem() {
            return item;
        }

        public Answer getAnswer() {
            return answer;
        }
    }

    private String id;
    private CaseView view;
    private List<ItemRow> rows = List.of();
    private boolean notFound;
    private MessageList messages;
    private AttachmentList attachments;
    private String note;
    private String message;
    private transient Part upload;
    private final Map<Integer, Answer> answers = new HashMap<>();
    private final List<String> steps = new ArrayList<>();

    /** Loads the case (an audited read); a case out of reach is "not found", exactly like one that does not exist. */
    public void load() {
        if (view != null || notFound) {
            return;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            CaseId caseId = CaseId.parse(id).orElseThrow(() -> HubException.notFound("Case"));
            view = cases.get(ui.caller(), ui.attest("case.read", null), caseId);
            messages = cases.messages(ui.caller(), ui.attest("case.messages.read", null), caseId);
            attachments = cases.attachments(ui.caller(), caseId);
            rows();
        } catch (HubException e) {
            if (e.type() != ProblemType.NOT_FOUND && e.type() != ProblemType.INVALID_PARAMETER) {
                throw e;
            }
            notFound = true;
            ((HttpServletResponse) faces.getExternalContext().getResponse()).setStatus(HttpServletResponse.SC_NOT_FOUND);
        } catch (IllegalArgumentException e) {
            notFound = true;
            ((HttpServletResponse) faces.getExternalContext().getResponse()).setStatus(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private void reload() {
        CaseId caseId = new CaseId(view.id());
        view = cases.get(ui.caller(), ui.attest("case.read", null), caseId);
        messages = cases.messages(ui.caller(), ui.attest("case.messages.read", null), caseId);
        attachments = cases.attachments(ui.caller(), caseId);
        rows();
    }

    private void rows() {
        rows = view.items().stream().map(i -> new ItemRow(i, answer(i.number()))).toList();
    }

    /** @return the case's items, each with its answer form */
    public List<ItemRow> getRows() {
        return rows;
    }

    /** @return the person's side of the case */
    public CaseRole getSide() {
        return ui.caller().organization().value().equals(view.authority()) ? CaseRole.AUTHORITY : CaseRole.PLATFORM;
    }

    /** @return the actions the current state allows the person's side, none for a person who may not act */
    public List<CaseAction> getActions() {
        if (view == null || !ui.has("CASE_OFFICER")) {
            return List.of();
        }
        CaseRole side = getSide();
        return Arrays.stream(CaseAction.values())
                .filter(a -> a.by() == side && view.status().after(a).isPresent()).toList();
    }

    /** @return whether the platform's staff may respond to items now */
    public boolean isResponding() {
        return view != null && getSide() == CaseRole.PLATFORM && view.status().acceptsResponses() && ui.has("CASE_OFFICER");
    }

    /** Takes an action on the case, with the optional note. */
    public String act(CaseAction action) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("action", action.name());
        form.put("note", note);
        AuditContext context = ui.attest("case.transition", form);
        try {
            cases.transition(ui.caller(), context, new CaseId(view.id()),
                    new TransitionRequest(action, note == null || note.isBlank() ? null : note.strip()));
            note = null;
            done(context, ui.text("case.step.done", ui.text("action." + action.name())));
        } catch (HubException e) {
            problems.show(e);
        }
        return null;
    }

    /** Sends the platform's response to one item with its statement of reasons. */
    public String respond(int number) {
        Answer a = answer(number);
        Outcome outcome;
        try {
            outcome = Outcome.valueOf(a.outcome);
        } catch (RuntimeException e) {
            outcome = null;
        }
        TcoReason tco = a.tcoReason == null || a.tcoReason.isBlank() ? null : TcoReason.valueOf(a.tcoReason);
        Instant taken;
        try {
            taken = a.actionTakenAt == null || a.actionTakenAt.isBlank() ? Instant.now()
                    : LocalDateTime.parse(a.actionTakenAt).atZone(ui.getZone()).toInstant();
        } catch (DateTimeParseException e) {
            problems.field("item" + number + ".actionTakenAt", ui.text("case.new.datetime.invalid"));
            return null;
        }
        List<String> scope = a.territorialScope == null ? List.of() : Arrays.stream(a.territorialScope.split("[,\\s]+"))
                .filter(s -> !s.isBlank()).map(s -> s.strip().toUpperCase(java.util.Locale.ROOT)).toList();
        ItemResponseRequest request = new ItemResponseRequest(outcome, taken, tco,
                new ItemResponseRequest.Statement(a.decisionVisibility, a.decisionGround, a.category, a.automatedDetection,
                        a.automatedDecision, scope, a.facts == null || a.facts.isBlank() ? null : a.facts.strip()));
        Set<ConstraintViolation<ItemResponseRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            problems.global(ui.text("problem.validation-failed"));
            for (ConstraintViolation<ItemResponseRequest> v : violations) {
                problems.field("item" + number + "." + v.getPropertyPath(), problems.translate(v.getMessage()));
            }
            return null;
        }
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("item", number);
        form.put("outcome", a.outcome);
        form.put("facts", a.facts);
        AuditContext context = ui.attest("case.respond", form);
        try {
            cases.respond(ui.caller(), context, new CaseId(view.id()), number, request);
            answers.remove(number);
            done(context, ui.text("case.responded", number));
        } catch (HubException e) {
            problems.global(ui.hasText("problem." + e.type().slug()) ? ui.text("problem." + e.type().slug()) : e.getMessage());
            e.violations().forEach(v -> problems.field("item" + number + "." + v.field(), problems.translate(v.message())));
        }
        return null;
    }

    /** Posts a message to the thread. */
    public String post() {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("text", message);
        AuditContext context = ui.attest("case.message", form);
        try {
            MessageRequest request = new MessageRequest(message == null || message.isBlank() ? null : message.strip(), null);
            Set<ConstraintViolation<MessageRequest>> violations = validator.validate(request);
            if (!violations.isEmpty()) {
                problems.show(violations);
                return null;
            }
            cases.postMessage(ui.caller(), context, new CaseId(view.id()), request);
            message = null;
            done(context, ui.text("case.message.posted"));
        } catch (HubException e) {
            problems.show(e);
        }
        return null;
    }

    /** Uploads an attachment (at most {@link AttachmentRequest#MAX_BYTES}, the API's media types). */
    public String attach() throws IOException {
        if (upload == null || upload.getSize() == 0) {
            problems.field("upload", ui.text("case.attachment.none"));
            return null;
        }
        if (upload.getSize() > AttachmentRequest.MAX_BYTES) {
            problems.field("upload", ui.text("case.attachment.too-large", AttachmentRequest.MAX_BYTES / 1024));
            return null;
        }
        byte[] bytes;
        try (InputStream in = upload.getInputStream()) {
            bytes = in.readNBytes(AttachmentRequest.MAX_BYTES + 1);
        }
        String name = upload.getSubmittedFileName() == null ? "attachment" : upload.getSubmittedFileName()
                .replaceAll(".*[/\\\\]", "");
        String type = upload.getContentType() == null ? "" : upload.getContentType().replaceAll(";.*", "").strip();
        AttachmentRequest request = new AttachmentRequest(name, type, Base64.getEncoder().encodeToString(bytes), null);
        Set<ConstraintViolation<AttachmentRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            for (ConstraintViolation<AttachmentRequest> v : violations) {
                problems.field("upload", problems.translate(v.getMessage()));
            }
            problems.global(ui.text("problem.validation-failed"));
            return null;
        }
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("filename", name);
        form.put("mediaType", type);
        form.put("sha256", AuditContext.sha256(bytes));
        AuditContext context = ui.attest("case.attach", form);
        try {
            cases.attach(ui.caller(), context, new CaseId(view.id()), request);
            done(context, ui.text("case.attachment.added", name));
        } catch (HubException e) {
            problems.show(e);
        }
        return null;
    }

    private void done(AuditContext context, String what) {
        steps.add(ui.receipt(receipts, context, what));
        reload();
    }

    /** @return the form of an item's answer */
    public Answer answer(int number) {
        return answers.computeIfAbsent(number, n -> {
            Answer a = new Answer();
            a.actionTakenAt = LocalDateTime.now(ui.getZone()).truncatedTo(ChronoUnit.MINUTES).toString();
            return a;
        });
    }

    public Outcome[] getOutcomes() {
        return Outcome.values();
    }

    public TcoReason[] getTcoReasons() {
        return TcoReason.values();
    }

    /** Visibility decisions of the DSA Transparency Database offered in the form. */
    public List<String> getVisibilities() {
        return List.of("DECISION_VISIBILITY_CONTENT_REMOVED", "DECISION_VISIBILITY_CONTENT_DISABLED",
                "DECISION_VISIBILITY_CONTENT_DEMOTED", "DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED",
                "DECISION_VISIBILITY_CONTENT_INTERACTION_RESTRICTED", "DECISION_VISIBILITY_CONTENT_LABELLED",
                "DECISION_VISIBILITY_OTHER");
    }

    /** Statement categories of the DSA Transparency Database offered in the form. */
    public List<String> getStatementCategories() {
        return List.of("STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS",
                "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH", "STATEMENT_CATEGORY_VIOLENCE",
                "STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS", "STATEMENT_CATEGORY_SCAMS_AND_FRAUD",
                "STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE");
    }

    public List<String> getGrounds() {
        return List.of("DECISION_GROUND_ILLEGAL_CONTENT", "DECISION_GROUND_INCOMPATIBLE_CONTENT");
    }

    public List<String> getAutomatedDecisions() {
        return List.of("AUTOMATED_DECISION_FULLY", "AUTOMATED_DECISION_PARTIALLY", "AUTOMATED_DECISION_NOT_AUTOMATED");
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

    public CaseView getView() {
        return view;
    }

    public boolean isNotFound() {
        return notFound;
    }

    public MessageList getMessages() {
        return messages;
    }

    public AttachmentList getAttachments() {
        return attachments;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public Part getUpload() {
        return upload;
    }

    public void setUpload(Part upload) {
        this.upload = upload;
    }
}
