package org.electionpool.hub.web.ui;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.api.audit.RequestReceipts;
import org.electionpool.hub.api.hxp.DiscoveryService;
import org.electionpool.hub.api.problem.HubException;
import org.electionpool.hub.api.taxii.IssuedTaxiiCredential;
import org.electionpool.hub.api.taxii.TaxiiCredentialRequest;
import org.electionpool.hub.api.taxii.TaxiiCredentialView;
import org.electionpool.hub.api.taxii.TaxiiService;

/**
 * The organisation's TAXII 2.1 credentials (docs/taxii.md): the list for every member; for its
 * admins, issuing one (the token is shown once, with the API root and a ready {@code curl}; the hub
 * keeps only its SHA-256) and revoking one at once.
 */
@Named
@ViewScoped
public class TaxiiCredentialsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    TaxiiService taxii;

    @EJB
    DiscoveryService discovery;

    @Inject
    UiContext ui;

    @Inject
    Problems problems;

    @Inject
    Validator validator;

    @Inject
    RequestReceipts receipts;

    private List<TaxiiCredentialView> list;
    private String label;
    private IssuedTaxiiCredential issued;
    private final List<String> steps = new ArrayList<>();

    /** @return the organisation's credentials, newest first (an audited read) */
    public List<TaxiiCredentialView> getCredentials() {
        if (list == null) {
            try {
                list = taxii.credentials(ui.caller(), ui.attest("taxii.credentials", null)).credentials();
            } catch (HubException e) {
                problems.show(e);
                list = List.of();
            }
        }
        return list;
    }

    /** @return whether the person may issue and revoke (an admin of the organisation) */
    public boolean isMayChange() {
        return ui.has("ORG_ADMIN");
    }

    /** Issues a credential; its token is shown on this page once. */
    public String issue() {
        TaxiiCredentialRequest request = new TaxiiCredentialRequest(FormValues.blank(label));
        Set<ConstraintViolation<TaxiiCredentialRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            problems.show(violations);
            return null;
        }
        AuditContext context = ui.attest("taxii.credential.issue", Map.of("label", label));
        try {
            issued = taxii.issue(ui.caller(), context, request);
            label = null;
            steps.add(ui.receipt(receipts, context, ui.text("taxii.issued", issued.username())));
            list = null;
        } catch (HubException e) {
            problems.show(e);
        }
        return null;
    }

    /** Revokes a credential at once. */
    public String revoke(String username) {
        AuditContext context = ui.attest("taxii.credential.revoke", Map.of("username", username));
        try {
            taxii.revoke(ui.caller(), context, username);
            issued = null;
            steps.add(ui.receipt(receipts, context, ui.text("taxii.revoked", username)));
            list = null;
        } catch (HubException e) {
            problems.show(e);
        }
        return null;
    }

    /** @return the TAXII API root a client is configured with */
    public String getApiRoot() {
        return discovery.configuration().issuer().replaceAll("/$", "") + "/taxii2/hub/";
    }

    public IssuedTaxiiCredential getIssued() {
        return issued;
    }

    public List<String> getSteps() {
        return steps;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }
}
