package org.electionpool.hub.api.cases;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;

/**
 * A case as its two parties see it.
 *
 * @param id                    the hub's id
 * @param clientRef             the authority's idempotency reference
 * @param kind                  the kind
 * @param status                the lifecycle state
 * @param overdue               whether the deadline passed while the clock ran
 * @param authority             the sending authority's id
 * @param addressee             the platform's id
 * @param reference             the authority's file number
 * @param title                 the title
 * @param issuedAt              when issued
 * @param issuingOfficial       who issued it
 * @param contact               follow-up contact
 * @param legalBasis            legal basis
 * @param statementOfReasons    statement of reasons
 * @param category              category
 * @param territorialScope      ISO 3166-1 codes
 * @param redress               redress information
 * @param language              ISO 639-1 language
 * @param providerMayBeInformed whether the provider may be told
 * @param priority              priority
 * @param tlp                   TLP 2.0 marking
 * @param election              election id
 * @param deadline              the deadline, or {@code null}
 * @param items                 the items with their responses
 * @param linkedCases           other cases of the caller's that name the same normalised item
 * @param createdAt             when delivered
 * @param updatedAt             when last changed
 */
@JsonbPropertyOrder({"id", "clientRef", "kind", "status", "overdue", "authority", "addressee", "reference", "title"})
public record CaseView(String id, String clientRef, CaseKind kind, CaseStatus status, boolean overdue, String authority,
                       String addressee, String reference, String title, Instant issuedAt,
                       CreateCaseRequest.Official issuingOfficial, String contact, String legalBasis,
                       String statementOfReasons, String category, List<String> territorialScope, String redress,
                       String language, Boolean providerMayBeInformed, Priority priority, String tlp, String election,
                       Instant deadline, List<ItemView> items, List<String> linkedCases, Instant createdAt,
                       Instant updatedAt) {

    /**
     * @param number      1-based item number within the case
     * @param type        item type
     * @param value       the value as sent
     * @param normalized  the normalised value used to link cases
     * @param description context
     * @param response    the platform's response, or {@code null}
     */
    public record ItemView(int number, ItemType type, String value, String normalized, String description,
                           ResponseView response) {
    }

    /**
     * @param outcome            what was done
     * @param actionTakenAt      when
     * @param tcoReason          why not, for {@code CANNOT_COMPLY}
     * @param statement          the statement of reasons (DSA Transparency Database shape)
     * @param respondedAt        when recorded at the hub
     */
    public record ResponseView(Outcome outcome, Instant actionTakenAt, TcoReason tcoReason,
                               ItemResponseRequest.Statement statement, Instant respondedAt) {
    }
}
