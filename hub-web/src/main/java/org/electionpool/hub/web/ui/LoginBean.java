package org.electionpool.hub.web.ui;

import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import org.electionpool.hub.api.people.OidcService;
import org.electionpool.hub.api.people.PeopleService;
import org.electionpool.hub.api.people.PersonSession;
import org.electionpool.hub.api.people.SignIn;
import org.electionpool.hub.api.people.TotpSecret;

/**
 * The sign-in page: user name and password, then — when the account has one — the second
 * factor's code, or, when the hub requires one that is not enrolled yet, the enrolment (a new
 * secret shown once, confirmed by its first code). A failure says only that signing in failed.
 * On success the session id is renewed (no fixation) and only {@link UiSignIn} is kept in it.
 */
@Named
@ViewScoped
public class LoginBean implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Which step the page shows. */
    public enum Step { PASSWORD, CODE, ENROL }

    @EJB
    PeopleService people;

    @Inject
    UiContext ui;

    @EJB
    OidcService oidc;

    private String username;
    private String password;
    private String code;
    private Step step = Step.PASSWORD;
    private TotpSecret enrolment;

    /** Signs in, or moves to the code or enrolment step. */
    public String signIn() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
        String address = request.getRemoteAddr();
        char[] pw = password == null ? new char[0] : password.toCharArray();
        if (step == Step.PASSWORD) {
            code = null;
        }
        SignIn result = people.signIn(username, pw, code, enrolment == null ? null : enrolment.base32(), address);
        switch (result.outcome()) {
            case SIGNED_IN -> {
                PersonSession person = result.session().orElseThrow();
                UiSignIn.establish(request, person);
                password = null;
                faces.getExternalContext().redirect(request.getContextPath()
                        + (person.passwordExpired() ? UiFilter.ACCOUNT : UiFilter.HOME));
                faces.responseComplete();
                return null;
            }
            case CODE_REQUIRED -> step = Step.CODE;
            case ENROLMENT_REQUIRED -> {
                step = Step.ENROL;
                enrolment = people.newTotpSecret(username, password == null ? new char[0] : password.toCharArray(),
                        address).orElse(null);
                if (enrolment == null) {
                    fail(faces);
                }
            }
            case FAILED -> fail(faces);
        }
        code = null;
        return null;
    }

    private void fail(FacesContext faces) {
        step = Step.PASSWORD;
        enrolment = null;
        password = null;
        code = null;
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, ui.text("login.failed"), null));
    }

    /** @return whether sign-in through the organisation's OpenID Connect provider is offered */
    public boolean isOidcEnabled() {
        return oidc.enabled();
    }

    /** Sets the language of the sign-in page (before anyone is signed in). */
    public void setLanguage(String language) {
        if (UiContext.LANGUAGES.contains(language)) {
            HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext()
                    .getRequest();
            request.getSession(true).setAttribute("hub.ui.locale", language);
            FacesContext.getCurrentInstance().getViewRoot().setLocale(java.util.Locale.forLanguageTag(language));
        }
    }

    public String getLanguage() {
        return ui.getLang();
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return null; // never rendered back
    }

    public void setPassword(String password) {
        if (password != null && !password.isEmpty()) {
            this.password = password;
        }
    }

    public String getCode() {
        return null;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public Step getStep() {
        return step;
    }

    public TotpSecret getEnrolment() {
        return enrolment;
    }
}
