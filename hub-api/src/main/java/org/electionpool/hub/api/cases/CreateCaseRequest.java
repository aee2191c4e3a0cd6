package org.electionpool.hub.api.cases;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.electionpool.hub.api.organizations.IsoCountry;
import org.electionpool.hub.api.organizations.OrganizationId;
import org.electionpool.hub.api.problem.FieldViolation;
import org.electionpool.hub.api.time.InstantWindow;

/**
 * An authority's new case ({@code POST /api/v1/cases}). Field-level rules are Bean Validation
 * constraints; what each kind needs on top is {@link #kindViolations()}. docs/api.md gives the
 * legal source of every field (DSA Art. 9(2) and 10(2), TCO Regulation Annex I).
 *
 * @param clientRef             the authority's own reference for idempotent creation: the same
 *                              {@code clientRef} with the same body returns the existing case
 * @param kind                  what the case asks
 * @param addressee             the platform's organisation id
 * @param reference             the authority's file number (TCO Annex I section A)
 * @param title                 a short human title
 * @param issuedAt              when the authority issued the order or notice, inside {@link InstantWindow}
 * @param issuingOfficial       who issued it (DSA Art. 9(2)(a): the identity of the issuing authority)
 * @param contact               where the platform can follow up: e-mail address
 * @param legalBasis            the legal provision infringed or relied on (DSA Art. 9(2)(a)(i))
 * @param statementOfReasons    why the content is illegal or the information needed (DSA Art. 9(2)(a)(ii))
 * @param category              the category, e.g. {@code ELECTORAL_DISINFORMATION} (see docs/api.md)
 * @param territorialScope      ISO 3166-1 codes the order applies to (DSA Art. 9(2)(b))
 * @param redress               how the platform and the provider can seek redress (DSA Art. 9(2)(a)(iv))
 * @param language              the language of the order, ISO 639-1
 * @param providerMayBeInformed whether the platform may tell the content provider (TCO Art. 11)
 * @param priority              urgency; drives the default deadline
 * @param tlp                   Traffic Light Protocol 2.0 marking
 * @param election              the election it concerns, e.g. {@code fi-parliamentary-2027}
 * @param deadline              an explicit deadline inside {@link InstantWindow}, or {@code null} for the kind's default
 * @param items                 what the case is about: 1 to 100 items
 */
public record CreateCaseRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._:/-]{1,128}", message = "must be 1-128 letters, digits or . _ : / -") String clientRef,
        @NotNull CaseKind kind,
        @NotNull @Pattern(regexp = OrganizationId.PATTERN, message = "must be an organisation id") String addressee,
        @NotBlank @Size(max = 128) String reference,
        @NotBlank @Size(max = 300) String title,
        @InstantWindow Instant issuedAt,
        @Valid Official issuingOfficial,
        @Email @Size(max = 320) String contact,
        @Size(max = 2000) String legalBasis,
        @Size(max = 20000) String statementOfReasons,
        @Pattern(regexp = "[A-Z][A-Z_]{2,63}", message = "must be an upper-case category such as ELECTORAL_DISINFORMATION") String category,
        @Size(max = 60) List<@NotNull @IsoCountry String> territorialScope,
        @Size(max = 4000) String redress,
        @Pattern(regexp = "[a-z]{2}", message = "must be an ISO 639-1 code such as fi") String language,
        Boolean providerMayBeInformed,
        @NotNull Priority priority,
        @NotNull @Pattern(regexp = "CLEAR|GREEN|AMBER|AMBER\\+STRICT|RED", message = "must be a TLP 2.0 marking") String tlp,
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}[a-z0-9]", message = "must be an election id such as fi-parliamentary-2027") String election,
        @InstantWindow Instant deadline,
        @NotEmpty @Size(max = 100) List<@NotNull @Valid ItemRequest> items) {

    /**
     * The issuing official.
     *
     * @param name the official's name
     * @param role the official's role or title
     */
    public record Official(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 200) String role) {
    }

    /**
     * One item of the case.
     *
     * @param type        what the value is
     * @param value       the URL, id, account, hashtag or content hash
     * @param description optional context for the platform
     */
    public record ItemRequest(@NotNull ItemType type, @NotBlank @Size(max = 2048) String value,
                              @Size(max = 2000) String description) {
    }

    /**
     * @return the fields this kind requires but the request lacks, by field path; empty when
     *         complete. Removal orders need everything DSA Art. 9(2) and TCO Annex I list;
     *         information requests what DSA Art. 10(2) lists; referrals a statement of reasons;
     *         alerts nothing more.
     */
    public List<FieldViolation> kindViolations() {
        List<FieldViolation> missing = new ArrayList<>();
        if (kind == CaseKind.REMOVAL_ORDER || kind == CaseKind.INFORMATION_REQUEST) {
            require(missing, issuedAt, "issuedAt");
            require(missing, issuingOfficial, "issuingOfficial");
            require(missing, contact, "contact");
            require(missing, legalBasis, "legalBasis");
            require(missing, redress, "redress");
            require(missing, language, "language");
        }
        if (kind == CaseKind.REMOVAL_ORDER) {
            require(missing, category, "category");
            require(missing, providerMayBeInformed, "providerMayBeInformed");
            if (territorialScope == null || territorialScope.isEmpty()) {
                missing.add(new FieldViolation("territorialScope", "a removal order needs its territorial scope"));
            }
        }
        if (kind != CaseKind.ALERT) {
            require(missing, statementOfReasons, "statementOfReasons");
        }
        if (kind == CaseKind.REMOVAL_ORDER && items != null) {
            for (int i = 0; i < items.size(); i++) {
                ItemRequest item = items.get(i);
                if (item != null && (item.type() == ItemType.HASHTAG)) {
                    missing.add(new FieldViolation("items[" + i + "].type",
                            "a removal order names content or accounts, not hashtags"));
                }
            }
        }
        return missing;
    }

    private void require(List<FieldViolation> missing, Object value, String field) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            missing.add(new FieldViolation(field, "is required for a " + kind));
        }
    }
}
