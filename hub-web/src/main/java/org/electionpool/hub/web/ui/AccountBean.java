package org.electionpool.hub.web.ui;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.electionpool.hub.api.people.PeopleService;
import org.electionpool.hub.api.people.PersonSession;
import org.electionpool.hub.api.problem.HubException;

/**
 * The person's own account: signing out (here or everywhere), the password, the time zone.
 */
@Named
@RequestScoped
public class AccountBean {

    @EJB
    PeopleService people;

    @Inject
    UiContext ui;

    @Inject
    Problems problems;

    private String current;
    private String password;
    private String confirm;
    private String timeZone;

    /** Signs out of this session. */
    public String signOut() throws IOException {
        return end(false);
    }

    /** Signs out of every session of the person, on every device. */
    public String signOutEverywhere() throws IOException {
        return end(true);
    }

    private String end(boolean everywhere) throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
        people.signOut(ui.caller(), ui.attest(everywhere ? "person.sign-out-everywhere" : "person.sign-out", Map.of()),
                everywhere);
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        faces.getExternalContext().redirect(request.getContextPath() + UiFilter.LOGIN);
        faces.responseComplete();
        return null;
    }

    /** Changes the password: the current one, the new one twice. Other sessions end. */
    public String changePassword() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (password == null || !password.equals(confirm)) {
            problems.field("password", ui.text("account.password.mismatch"));
            return null;
        }
        try {
            PersonSession next = people.changePassword(ui.caller(), ui.attest("person.password", Map.of()),
                    current == null ? new char[0] : current.toCharArray(), password.toCharArray());
            HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
            request.changeSessionId();
            request.getSession().setAttribute(UiSignIn.ATTRIBUTE,
                    new UiSignIn(next.caller().principal(), next.epoch(), Instant.now()));
            faces.getExternalContext().getFlash().setKeepMessages(true);
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, ui.text("account.password.changed"), null));
            faces.getExternalContext().redirect(request.getContextPath() + UiFilter.HOME);
            faces.responseComplete();
        } catch (HubException e) {
            problems.show(e);
        }
        return null;
    }

    /** Saves the time zone. */
    public String saveTimeZone() throws IOException {
        PersonSession person = ui.getPerson();
        try {
            people.setPreferences(person.caller(), ui.attest("person.preferences",
                    Map.of("locale", person.locale(), "timeZone", String.valueOf(timeZone))), person.locale(), timeZone);
            FacesContext faces = FacesContext.getCurrentInstance();
            faces.getExternalContext().getFlash().setKeepMessages(true);
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, ui.text("account.saved"), null));
            faces.getExternalContext().redirect(((HttpServletRequest) faces.getExternalContext().getRequest())
                    .getContextPath() + UiFilter.ACCOUNT);
            faces.responseComplete();
        } catch (HubException e) {
            problems.show(e);
        }
        return null;
    }

    /** @return the time zones a person may choose, European first */
    public List<String> getZones() {
        Set<String> zones = new TreeSet<>();
        for (String z : ZoneId.getAvailableZoneIds()) {
            if (z.matches("(Europe|Africa|America|Asia|Atlantic|Australia|Pacific|Indian)/[A-Za-z_/-]+") || z.equals("UTC")) {
                zones.add(z);
            }
        }
        return List.copyOf(zones);
    }

    public String getCurrent() {
        return null;
    }

    public void setCurrent(String current) {
        this.current = current;
    }

    public String getPassword() {
        return null;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getConfirm() {
        return null;
    }

    public void setConfirm(String confirm) {
        this.confirm = confirm;
    }

    public String getTimeZone() {
        return timeZone == null && ui.getPerson() != null ? ui.getPerson().timeZone() : timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }
}
