package org.electionpool.hub.web.ui;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import org.electionpool.hub.api.people.PeopleService;
import org.electionpool.hub.api.people.PersonSession;

/**
 * The language switcher on every page: a signed-in person's choice is saved with their account
 * (audited, remembered on every device); before sign-in it lives in the session.
 */
@Named
@RequestScoped
public class LanguageBean {

    @EJB
    PeopleService people;

    @Inject
    UiContext ui;

    private String language;

    public String getLanguage() {
        return language == null ? ui.getLang() : language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    /** Saves the choice and shows the same page again in it. */
    public String change() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
        if (language == null || !UiContext.LANGUAGES.contains(language)) {
            return null;
        }
        PersonSession person = ui.getPerson();
        if (person != null) {
            people.setPreferences(person.caller(), ui.attest("person.preferences",
                    Map.of("locale", language, "timeZone", person.timeZone())), language, person.timeZone());
        } else {
            request.getSession(true).setAttribute("hub.ui.locale", language);
        }
        String view = faces.getViewRoot().getViewId();
        String query = request.getQueryString();
        faces.getExternalContext().redirect(request.getContextPath() + "/ui" + view
                + (query == null || view.equals("/login.xhtml") ? "" : "?" + query));
        faces.responseComplete();
        return null;
    }
}
