package org.electionpool.hub.web.ui;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.electionpool.hub.api.people.CreatePersonRequest;
import org.electionpool.hub.api.people.IssuedPerson;
import org.electionpool.hub.api.people.PeopleService;
import org.electionpool.hub.api.people.PersonStatus;
import org.electionpool.hub.api.people.PersonView;
import org.electionpool.hub.api.people.Username;
import org.electionpool.hub.api.problem.HubException;
import org.electionpool.hub.api.security.Role;

/**
 * An organisation admin's page: the organisation's people, adding one with roles the
 * organisation's kind allows (the first password shown once), disabling and enabling accounts.
 */
@Named
@ViewScoped
public class PeopleBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    PeopleService people;

    @Inject
    UiContext ui;

    @Inject
    Problems problems;

    private String username;
    private String displayName;
    private List<String> roles = new ArrayList<>(List.of(Role.VIEWER.name()));
    private IssuedPerson issued;

    /** @return the organisation's people (an audited read) */
    public List<PersonView> getPeople() {
        try {
            return people.list(ui.caller(), ui.attest("person.list", null), ui.caller().organization());
        } catch (HubException e) {
            problems.show(e);
            return List.of();
        }
    }

    /** @return the roles a person of the admin's organisation may hold */
    public List<Role> getAllowedRoles() {
        return List.copyOf(Role.allowedFor(ui.caller().kind()));
    }

    /** Adds a person. */
    public String create() {
        Set<Role> chosen = EnumSet.noneOf(Role.class);
        for (String r : roles == null ? List.<String>of() : roles) {
            try {
                chosen.add(Role.valueOf(r));
            } catch (IllegalArgumentException e) {
                problems.field("roles", ui.text("people.roles.invalid"));
            }
        }
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("username", username);
        form.put("displayName", displayName);
        form.put("roles", String.join(",", roles == null ? List.of() : roles));
        try {
            issued = people.create(ui.caller(), ui.attest("person.create", form), ui.caller().organization(),
                    new CreatePersonRequest(username, displayName, chosen));
            username = null;
            displayName = null;
        } catch (HubException e) {
            problems.show(e);
        }
        return null;
    }

    /** Disables or enables an account. */
    public String setStatus(String user, String status) {
        try {
            people.setStatus(ui.caller(), ui.attest("person.status", Map.of("username", user, "status", status)),
                    Username.parse(user).orElseThrow(() -> HubException.notFound("Person")), PersonStatus.valueOf(status));
        } catch (HubException e) {
            problems.show(e);
        }
        return null;
    }

    public IssuedPerson getIssued() {
        return issued;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles;
    }
}
