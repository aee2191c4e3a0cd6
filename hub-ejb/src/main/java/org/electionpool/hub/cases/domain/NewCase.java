package org.electionpool.hub.cases.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.electionpool.hub.api.cases.CaseKind;
import org.electionpool.hub.api.cases.Priority;
import org.electionpool.hub.api.organizations.OrganizationId;

/**
 * What an authority asks for in a new case, as the {@link TakedownCase} aggregate is built from it:
 * the order's fields, already validated at the edge, without the wire form's binding and
 * validation annotations (the service builds it from the request). docs/api.md gives each field's
 * legal source.
 *
 * <p>Invariant: the members every case has are present; {@code territorialScope} is never
 * {@code null} (empty when the request named none).
 *
 * @param clientRef             the authority's own reference, for idempotent creation
 * @param kind                  what the case asks
 * @param addressee             the platform
 * @param reference             the authority's file number
 * @param title                 a short human title
 * @param issuedAt              when the authority issued it, or {@code null}
 * @param issuingOfficial       who issued it, or {@code null}
 * @param contact               where the platform can follow up, or {@code null}
 * @param legalBasis            the legal provision, or {@code null}
 * @param statementOfReasons    why, or {@code null} (alerts)
 * @param category              the category, or {@code null}
 * @param territorialScope      ISO 3166-1 codes, in order; empty for none
 * @param redress               how to seek redress, or {@code null}
 * @param language              ISO 639-1 code of the order's language, or {@code null}
 * @param providerMayBeInformed whether the platform may tell the content provider, or {@code null}
 * @param priority              urgency; drives the default deadline
 * @param tlp                   Traffic Light Protocol 2.0 marking
 * @param election              the election it concerns, or {@code null}
 * @param deadline              an explicit deadline, or {@code null} for the kind's default
 */
public record NewCase(String clientRef, CaseKind kind, OrganizationId addressee, String reference, String title,
                      Instant issuedAt, Official issuingOfficial, String contact, String legalBasis,
                      String statementOfReasons, String category, List<String> territorialScope, String redress,
                      String language, Boolean providerMayBeInformed, Priority priority, String tlp, String election,
                      Instant deadline) {

    /**
     * The issuing official.
     *
     * @param name the official's name
     * @param role the official's role or title
     */
    public record Official(String name, String role) {

        public Official {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(role, "role");
        }
    }

    public NewCase {
        Objects.requireNonNull(clientRef, "clientRef");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(addressee, "addressee");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(title, "title");
        territorialScope = territorialScope == null ? List.of() : List.copyOf(territorialScope);
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(tlp, "tlp");
    }
}
