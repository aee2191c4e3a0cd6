package org.electionpool.hub.web.ui;

import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.Serializable;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.electionpool.hub.api.keys.KeyStatus;
import org.electionpool.hub.api.keys.OrganizationKeyService;
import org.electionpool.hub.api.keys.OrganizationKeyView;
import org.electionpool.hub.api.organizations.CreateOrganizationRequest;
import org.electionpool.hub.api.organizations.OrganizationId;
import org.electionpool.hub.api.organizations.OrganizationKind;
import org.electionpool.hub.api.organizations.OrganizationStatus;
import org.electionpool.hub.api.organizations.OrganizationService;
import org.electionpool.hub.api.organizations.OrganizationView;
import org.electionpool.hub.api.people.CreatePersonRequest;
import org.electionpool.hub.api.people.IssuedPerson;
import org.electionpool.hub.api.people.PeopleService;
import org.electionpool.hub.api.problem.HubException;
import org.electionpool.hub.api.security.Role;
import org.electionpool.hub.api.system.DatabaseStatus;
import org.electionpool.hub.api.system.HubStatusService;

/**
 * The operator's page: the organisations with their keys, registering one, giving it its first
 * admin (whose first password is shown once, here), and the hub's health. Everything goes through
 * the services, which allow it to the operator only.
 */
@Named
@ViewScoped
public class OrganizationsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    OrganizationService organizations;

    @EJB
    OrganizationKeyService keys;

    @EJB
    PeopleService people;

    @EJB
    HubStatusService status;

    @EJB
    org.electionpool.hub.api.audit.AuditService audit;

    @EJB
    org.electionpool.hub.api.hxp.DiscoveryService discovery;

    @Inject
    UiContext ui;

    @Inject
    Problems problems;

    @Inject
    Validator validator;

    private String id;
    private String name;
    private String kind = OrganizationKind.PLATFORM.name();
    private String country = "FI";
    private String contactPoint;
    private String adminOrganization;
    private String adminUsername;
    private String adminName;
    private IssuedPerson issued;
    private String reason;

    /** The per-request memo's keys in the Faces context's attributes. */
    private static final String CACHE = "organizationsBean.";

    /** @return every organisation, read once per request */
    public List<OrganizationView> getOrganizations() {
        return perRequest("all", () -> organizations.list(ui.caller()));
    }

    /** @return an organisation's keys, read once per request */
    public List<OrganizationKeyView> keysOf(String organization) {
        return perRequest("keys:" + organization, () -> keys.list(ui.caller(), new OrganizationId(organization)));
    }

    /** A few figures of the hub for its operator (the Prometheus metrics have the rest). */
    public record Metrics(long organizations, long active, long authorities, long platforms, long activeKeys, long logSize,
                          java.time.Instant latestCheckpoint) {
    }

    /** @return organisations (all, active, authorities, platforms), active keys, and the audit log's size; once per request */
    public Metrics getMetrics() {
        return perRequest("metrics", () -> {
            List<OrganizationView> all = getOrganizations();
            long activeKeys = all.stream().mapToLong(o -> keysOf(o.id()).stream()
                    .filter(k -> k.status() == KeyStatus.ACTIVE).count()).sum();
            return new Metrics(all.size(), all.stream().filter(o -> o.status() == OrganizationStatus.ACTIVE).count(),
                    all.stream().filter(o -> o.kind() == OrganizationKind.AUTHORITY).count(),
                    all.stream().filter(o -> o.kind() == OrganizationKind.PLATFORM).count(), activeKeys,
                    LatestCheckpoint.read(audit, discovery).size(),
                    audit.checkpoints(null, 1).stream().findFirst().map(c -> c.createdAt()).orElse(null));
        });
    }

    /**
     * A read the page makes many times while it renders (each row, each figure) done once per
     * request; {@link #changed()} forgets it after an act of this request.
     */
    @SuppressWarnings("unchecked")
    private <T> T perRequest(String key, java.util.function.Supplier<T> read) {
        Map<Object, Object> attributes = FacesContext.getCurrentInstance().getAttributes();
        Object held = attributes.get(CACHE + key);
        if (held == null) {
            held = read.get();
            attributes.put(CACHE + key, held);
        }
        return (T) held;
    }

    private void changed() {
        FacesContext.getCurrentInstance().getAttributes().keySet().removeIf(k -> String.valueOf(k).startsWith(CACHE));
    }

    /** Suspends an organisation (the reason field says why). */
    public String suspend(String organization) {
        return status(organization, OrganizationStatus.SUSPENDED);
    }

    /** Makes a suspended organisation active again. */
    public String reactivate(String organization) {
        return status(organization, OrganizationStatus.ACTIVE);
    }

    private String status(String organization, OrganizationStatus next) {
        try {
            organizations.setStatus(ui.caller(), ui.attest(next == OrganizationStatus.SUSPENDED ? "organization.suspend"
                    : "organization.reactivate", Map.of("organization", organization, "reason",
                    reason == null ? "" : reason)), OrganizationId.parse(organization).orElse(null), next, reason);
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(
                    FacesMessage.SEVERITY_INFO, ui.text(next == OrganizationStatus.SUSPENDED
                    ? "organizations.suspended" : "organizations.reactivated", organization), null));
            reason = null;
            changed();
        } catch (HubException e) {
            problems.show(e);
        }
        return null;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    /** @return the database's state */
    public DatabaseStatus getDatabase() {
        return status.database();
    }

    /** Registers an organisation. */
    public String create() {
        OrganizationKind k;
        try {
            k = OrganizationKind.valueOf(kind);
        } catch (RuntimeException e) {
            k = null;
        }
        CreateOrganizationRequest request = new CreateOrganizationRequest(FormValues.blank(id), FormValues.blank(name), k, FormValues.blank(country),
                FormValues.blank(contactPoint));
        Set<ConstraintViolation<CreateOrganizationRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            problems.show(violations);
            return null;
        }
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("id", id);
        form.put("kind", kind);
        form.put("name", name);
        try {
            organizations.create(ui.caller(), ui.attest("organization.create", form), request);
            changed();
            info(ui.text("organizations.created", request.id()));
            adminOrganization = request.id();
            id = null;
            name = null;
            contactPoint = null;
        } catch (HubException e) {
            problems.show(e);
        }
        return null;
    }

    /** Creates the first admin of an organisation; the first password is shown once. */
    public String createAdmin() {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("organization", adminOrganization);
        form.put("username", adminUsername);
        try {
            if (adminOrganization == null || adminOrganization.isBlank()) {
                problems.field("adminOrganization", ui.text("organizations.admin.organization.required"));
                return null;
            }
            issued = people.create(ui.caller(), ui.attest("person.create", form), new OrganizationId(adminOrganization),
                    new CreatePersonRequest(adminUsername, adminName, EnumSet.of(Role.ORG_ADMIN)));
            adminUsername = null;
            adminName = null;
        } catch (HubException e) {
            problems.show(e);
        } catch (IllegalArgumentException e) {
            problems.field("adminOrganization", ui.text("organizations.admin.organization.required"));
        }
        return null;
    }

    private void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    public OrganizationKind[] getKinds() {
        return OrganizationKind.values();
    }

    public IssuedPerson getIssued() {
        return issued;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public String getContactPoint() {
        return contactPoint;
    }

    public void setContactPoint(String contactPoint) {
        this.contactPoint = contactPoint;
    }

    public String getAdminOrganization() {
        return adminOrganization;
    }

    public void setAdminOrganization(String adminOrganization) {
        this.adminOrganization = adminOrganization;
    }

    public String getAdminUsername() {
        return adminUsername;
    }

    public void setAdminUsername(String adminUsername) {
        this.adminUsername = adminUsername;
    }

    public String getAdminName() {
        return adminName;
    }

    public void setAdminName(String adminName) {
        this.adminName = adminName;
    }
}
