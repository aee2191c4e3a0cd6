package org.electionpool.hub.web.ui;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.api.audit.RequestReceipts;
import org.electionpool.hub.api.keys.AddKeyRequest;
import org.electionpool.hub.api.keys.KeyId;
import org.electionpool.hub.api.keys.KeyStatus;
import org.electionpool.hub.api.keys.KeyUse;
import org.electionpool.hub.api.keys.OrganizationKeyService;
import org.electionpool.hub.api.keys.OrganizationKeyView;
import org.electionpool.hub.api.organizations.OrganizationId;
import org.electionpool.hub.api.problem.HubException;
import org.electionpool.hub.web.http.StrictJsonbResolver;

/**
 * An organisation's public keys (docs/protocol.md §2): every key with its history; for the
 * organisation's admins and the hub operator, registering a key — a public JWK, a PEM
 * SubjectPublicKeyInfo, or a PKCS#10 request the hub's CA certifies — and rotating by retiring or
 * revoking an old one. The key registry service decides who may change what; this page only asks.
 * The operator picks the organisation with {@code ?org=}; everyone else sees their own.
 */
@Named
@ViewScoped
public class KeysBean implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The forms key material may take. */
    static final List<String> FORMATS = List.of("JWK", "PEM", "CSR");

    @EJB
    OrganizationKeyService keys;

    @Inject
    UiContext ui;

    @Inject
    Problems problems;

    @Inject
    Validator validator;

    @Inject
    RequestReceipts receipts;

    private String org;
    private List<OrganizationKeyView> list;
    private boolean notFound;
    private String format = "JWK";
    private String material;
    private String use = "SIG";
    private String kid;
    private final List<String> steps = new ArrayList<>();

    /** @return the organisation shown: the one asked for (the operator), else the person's own */
    public String getOrganization() {
        return org == null || org.isBlank() || !ui.has("OPERATOR") ? ui.caller().organization().value() : org.strip();
    }

    /** @return the keys, newest first, read once per view and after each change; empty for an unknown organisation */
    public List<OrganizationKeyView> getKeys() {
        if (list == null && !notFound) {
            try {
                OrganizationId id = OrganizationId.parse(getOrganization()).orElseThrow(() -> HubException.notFound("Organization"));
                list = keys.list(ui.caller(), id);
            } catch (HubException e) {
                notFound = true;
                list = List.of();
            }
        }
        return list;
    }

    /** @return whether the person may change the organisation's keys (its admin, or the operator) */
    public boolean isMayChange() {
        return ui.has("OPERATOR") || ui.has("ORG_ADMIN") && ui.caller().organization().value().equals(getOrganization());
    }

    /** Registers the pasted key. */
    public String add() {
        Map<String, Object> jwk = null;
        String pem = null;
        String csr = null;
        String text = FormValues.blank(material);
        if (text == null) {
            problems.field("material", ui.text("violation.must-not-be-blank"));
        } else if ("JWK".equals(format)) {
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> parsed = StrictJsonbResolver.JSONB.fromJson(text, Map.class);
                jwk = parsed;
            } catch (JsonbException | ClassCastException e) {
                problems.field("material", ui.text("keys.material.not-json"));
            }
        } else if ("CSR".equals(format)) {
            csr = text;
        } else {
            pem = text;
        }
        KeyUse keyUse = "ENC".equals(use) ? KeyUse.ENC : KeyUse.SIG;
        AddKeyRequest request = new AddKeyRequest(jwk, pem, csr, keyUse, FormValues.blank(kid));
        Set<ConstraintViolation<AddKeyRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            problems.show(violations);
            return null;
        }
        if (problems.isAny()) {
            problems.global(ui.text("problem.validation-failed"));
            return null;
        }
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("organization", getOrganization());
        form.put("format", format);
        form.put("use", use);
        form.put("kid", kid);
        form.put("material_sha256", AuditContext.sha256(text));
        AuditContext context = ui.attest("key.add", form);
        try {
            OrganizationKeyView added = keys.add(ui.caller(), context, new OrganizationId(getOrganization()), request);
            material = null;
            kid = null;
            done(context, ui.text("keys.added", added.kid()));
        } catch (HubException e) {
            problems.show(e);
        }
        return null;
    }

    /** Retires an active key: no new message signed with it is accepted. */
    public String retire(String keyId) {
        return change(keyId, false);
    }

    /** Revokes a key: nothing signed with it is accepted any more. */
    public String revoke(String keyId) {
        return change(keyId, true);
    }

    private String change(String keyId, boolean revoke) {
        AuditContext context = ui.attest(revoke ? "key.revoke" : "key.retire",
                Map.of("organization", getOrganization(), "kid", keyId));
        try {
            KeyId id = KeyId.parse(keyId).orElseThrow(() -> HubException.notFound("Key"));
            OrganizationId organization = new OrganizationId(getOrganization());
            if (revoke) {
                keys.revoke(ui.caller(), context, organization, id);
            } else {
                keys.retire(ui.caller(), context, organization, id);
            }
            done(context, ui.text(revoke ? "keys.revoked" : "keys.retired", keyId));
        } catch (HubException e) {
            problems.show(e);
        }
        return null;
    }

    private void done(AuditContext context, String what) {
        steps.add(ui.receipt(receipts, context, what));
        list = null;
    }

    /** @return a short description of the key material: type and curve or modulus size */
    public String describe(OrganizationKeyView key) {
        Object kty = key.jwk().get("kty");
        Object crv = key.jwk().get("crv");
        Object alg = key.jwk().get("alg");
        return kty + (crv == null ? "" : " " + crv) + (alg == null ? "" : ", " + alg);
    }

    /** @return whether the key can still be retired */
    public boolean active(OrganizationKeyView key) {
        return key.status() == KeyStatus.ACTIVE;
    }

    /** @return whether the key can still be revoked */
    public boolean revocable(OrganizationKeyView key) {
        return key.status() != KeyStatus.REVOKED;
    }

    public boolean isNotFound() {
        getKeys();
        return notFound;
    }

    public List<String> getFormats() {
        return FORMATS;
    }

    public List<String> getSteps() {
        return steps;
    }

    public String getOrg() {
        return org;
    }

    public void setOrg(String org) {
        this.org = org;
    }

    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    public String getMaterial() {
        return material;
    }

    public void setMaterial(String material) {
        this.material = material;
    }

    public String getUse() {
        return use;
    }

    public void setUse(String use) {
        this.use = use;
    }

    public String getKid() {
        return kid;
    }

    public void setKid(String kid) {
        this.kid = kid;
    }
}
