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
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.electionpool.hub.api.cases.CaseKind;
import org.electionpool.hub.api.cases.CaseService;
import org.electionpool.hub.api.cases.CreateCaseRequest;
import org.electionpool.hub.api.cases.ItemType;
import org.electionpool.hub.api.cases.Priority;
import org.electionpool.hub.api.organizations.OrganizationKind;
import org.electionpool.hub.api.organizations.OrganizationService;
import org.electionpool.hub.api.organizations.OrganizationStatus;
import org.electionpool.hub.api.organizations.OrganizationView;
import org.electionpool.hub.api.problem.HubException;

/**
 * The new-case form: the kind first, then exactly the fields that kind requires
 * ({@link CreateCaseRequest#kindViolations}), an items editor, and the API's own validation —
 * the request record's constraints and the service's checks — shown at the fields in the person's
 * language. The form's {@code clientRef} is fixed when the form opens, so a second submission of
 * the same form finds the case the first made instead of making another (the API's idempotency).
 */
@Named
@ViewScoped
public class CaseNewBean implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Categories offered (docs/api.md); the API takes any upper-case category. */
    public static final List<String> CATEGORIES = List.of("ELECTORAL_DISINFORMATION", "VOTER_SUPPRESSION",
            "IMPERSONATION_OF_ELECTION_OFFICIALS", "FOREIGN_INFORMATION_MANIPULATION", "DOXXING_OF_CANDIDATES",
            "TERRORIST_CONTENT");

    @EJB
    CaseService cases;

    @EJB
    OrganizationService organizations;

    @Inject
    UiContext ui;

    @Inject
    Problems problems;

    @Inject
    Validator validator;

    /** One row of the items editor. */
    public static final class Item implements Serializable {
        private static final long serialVersionUID = 1L;
        private String type = ItemType.CONTENT_URL.name();
        private String value;
        private String description;

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

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }
    }

    private final String clientRef = "ui-" + UUID.randomUUID();
    private String kind;
    private String addressee;
    private String reference;
    private String title;
    private String issuedAt;
    private String officialName;
    private String officialRole;
    private String contact;
    private String legalBasis;
    private String statementOfReasons;
    private String category = CATEGORIES.get(0);
    private String territorialScope = "FI";
    private String redress;
    private String language = "fi";
    private boolean providerMayBeInformed = true;
    private String priority = Priority.NORMAL.name();
    private String tlp = "AMBER";
    private String election;
    private String deadline;
    private final List<Item> items = new ArrayList<>(List.of(new Item()));

    /** @return whether the kind chosen needs the field (by the request's field name) */
    public boolean needs(String field) {
        CaseKind k = getKindValue();
        if (k == null) {
            return false;
        }
        boolean order = k == CaseKind.REMOVAL_ORDER || k == CaseKind.INFORMATION_REQUEST;
        return switch (field) {
            case "issuedAt", "issuingOfficial", "contact", "legalBasis", "redress", "language" -> order;
            case "category", "providerMayBeInformed", "territorialScope" -> k == CaseKind.REMOVAL_ORDER;
            case "statementOfReasons" -> k != CaseKind.ALERT;
            default -> true;
        };
    }

    /** Adds a row to the items editor. */
    public void addItem() {
        if (items.size() < 100) {
            items.add(new Item());
        }
    }

    /** Removes a row (at least one stays). */
    public void removeItem(Item item) {
        if (items.size() > 1) {
            items.remove(item);
        }
    }

    /** Sends the case; on success shows it, with its receipt. */
    public String submit() throws IOException {
        CaseKind k = getKindValue();
        if (k == null) {
            problems.field("kind", ui.text("case.new.kind.required"));
            return null;
        }
        List<CreateCaseRequest.ItemRequest> itemRequests = new ArrayList<>();
        for (Item i : items) {
            ItemType type;
            try {
                type = ItemType.valueOf(i.type);
            } catch (IllegalArgumentException | NullPointerException e) {
                type = null;
            }
            itemRequests.add(new CreateCaseRequest.ItemRequest(type, FormValues.blank(i.value), FormValues.blank(i.description)));
        }
        Instant issued = needs("issuedAt") ? FormValues.instant(ui, problems, "issuedAt", issuedAt) : null;
        Instant due = FormValues.instant(ui, problems, "deadline", deadline);
        CreateCaseRequest.Official official = needs("issuingOfficial")
                ? new CreateCaseRequest.Official(FormValues.blank(officialName), FormValues.blank(officialRole)) : null;
        List<String> scope = needs("territorialScope") && territorialScope != null
                ? FormValues.list(territorialScope, true) : null;
        CreateCaseRequest request = new CreateCaseRequest(clientRef, k, FormValues.blank(addressee), FormValues.blank(reference), FormValues.blank(title),
                issued, official, needs("contact") ? FormValues.blank(contact) : null, needs("legalBasis") ? FormValues.blank(legalBasis) : null,
                needs("statementOfReasons") ? FormValues.blank(statementOfReasons) : null,
                needs("category") ? FormValues.blank(category) : null, scope, needs("redress") ? FormValues.blank(redress) : null,
                needs("language") ? FormValues.blank(language) : null,
                needs("providerMayBeInformed") ? Boolean.valueOf(providerMayBeInformed) : null,
                parsePriority(), FormValues.blank(tlp), FormValues.blank(election), due, itemRequests);
        if (problems.isAny()) {
            problems.global(ui.text("problem.validation-failed"));
            return null;
        }
        Set<ConstraintViolation<CreateCaseRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            problems.show(violations);
            return null;
        }
        try {
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("clientRef", clientRef);
            form.put("kind", k.name());
            form.put("addressee", addressee);
            form.put("reference", reference);
            form.put("title", title);
            form.put("items", itemRequests.size());
            CaseService.Created created = cases.create(ui.caller(), ui.attest("case.create", form), request);
            FacesContext faces = FacesContext.getCurrentInstance();
            faces.getExternalContext().getFlash().put("created", created.view().id());
            faces.getExternalContext().redirect(((HttpServletRequest) faces.getExternalContext().getRequest())
                    .getContextPath() + "/ui/case.xhtml?id=" + created.view().id());
            faces.responseComplete();
        } catch (HubException e) {
            problems.show(e);
        }
        return null;
    }

    private Priority parsePriority() {
        try {
            return Priority.valueOf(priority);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    /** @return the active platforms a case can be addressed to */
    public List<OrganizationView> getPlatforms() {
        return organizations.list(ui.caller()).stream()
                .filter(o -> o.kind() == OrganizationKind.PLATFORM && o.status() == OrganizationStatus.ACTIVE).toList();
    }

    public CaseKind[] getKinds() {
        return CaseKind.values();
    }

    public ItemType[] getItemTypes() {
        return ItemType.values();
    }

    public Priority[] getPriorities() {
        return Priority.values();
    }

    public List<String> getTlps() {
        return FormValues.TLPS;
    }

    public List<String> getCategories() {
        return CATEGORIES;
    }

    public List<String> getLanguages() {
        return List.of("fi", "sv", "en", "de", "fr", "et");
    }

    /** @return the current time in the person's zone, as the issued-at default */
    public String getNow() {
        return LocalDateTime.now(ui.getZone()).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    private CaseKind getKindValue() {
        try {
            return kind == null ? null : CaseKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public String getClientRef() {
        return clientRef;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getAddressee() {
        return addressee;
    }

    public void setAddressee(String addressee) {
        this.addressee = addressee;
    }

    public String getReference() {
        return reference;
    }

    public void setReference(String reference) {
        this.reference = reference;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getIssuedAt() {
        return issuedAt == null ? getNow() : issuedAt;
    }

    public void setIssuedAt(String issuedAt) {
        this.issuedAt = issuedAt;
    }

    public String getOfficialName() {
        return officialName;
    }

    public void setOfficialName(String officialName) {
        this.officialName = officialName;
    }

    public String getOfficialRole() {
        return officialRole;
    }

    public void setOfficialRole(String officialRole) {
        this.officialRole = officialRole;
    }

    public String getContact() {
        return contact;
    }

    public void setContact(String contact) {
        this.contact = contact;
    }

    public String getLegalBasis() {
        return legalBasis;
    }

    public void setLegalBasis(String legalBasis) {
        this.legalBasis = legalBasis;
    }

    public String getStatementOfReasons() {
        return statementOfReasons;
    }

    public void setStatementOfReasons(String statementOfReasons) {
        this.statementOfReasons = statementOfReasons;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getTerritorialScope() {
        return territorialScope;
    }

    public void setTerritorialScope(String territorialScope) {
        this.territorialScope = territorialScope;
    }

    public String getRedress() {
        return redress;
    }

    public void setRedress(String redress) {
        this.redress = redress;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public boolean isProviderMayBeInformed() {
        return providerMayBeInformed;
    }

    public void setProviderMayBeInformed(boolean providerMayBeInformed) {
        this.providerMayBeInformed = providerMayBeInformed;
    }

    public String getPriority() {
        return priority;
    }

    public void setPriority(String priority) {
        this.priority = priority;
    }

    public String getTlp() {
        return tlp;
    }

    public void setTlp(String tlp) {
        this.tlp = tlp;
    }

    public String getElection() {
        return election;
    }

    public void setElection(String election) {
        this.election = election;
    }

    public String getDeadline() {
        return deadline;
    }

    public void setDeadline(String deadline) {
        this.deadline = deadline;
    }

    public List<Item> getItems() {
        return items;
    }
}
