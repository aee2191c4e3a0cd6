package org.electionpool.hub.cases.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.electionpool.hub.api.audit.AuditAction;
import org.electionpool.hub.api.cases.CaseId;
import org.electionpool.hub.api.cases.CaseStatus;
import org.electionpool.hub.api.organizations.OrganizationId;

/**
 * What a change of a {@link TakedownCase} did, as the aggregate method that did it returns it: the
 * one value from which the audit entry, both parties' inbox events and their webhook deliveries
 * are written (in the transaction of the change).
 *
 * <p>Invariant: {@code action} is an act the parties are told of (it has an
 * {@link AuditAction#eventType()}); {@code details} are exactly the audit leaf's {@code details}
 * members, in order, and never change after construction.
 *
 * @param action    the act: the audit leaf's action and, through it, the inbox event type
 * @param caseId    the case
 * @param authority the case's authority
 * @param addressee the case's platform
 * @param status    the case's state after the act
 * @param actor     the acting organisation's id, or {@code hub} for the hub's own acts
 * @param details   the audit leaf's details (strings, numbers), insertion-ordered
 * @param at        when
 */
public record CaseEvent(AuditAction action, CaseId caseId, OrganizationId authority, OrganizationId addressee,
                        CaseStatus status, String actor, Map<String, Object> details, Instant at) {

    /** The actor of the hub's own acts (the deadline watch). */
    public static final String HUB = "hub";

    public CaseEvent {
        Objects.requireNonNull(action, "action");
        if (action.eventType().isEmpty()) {
            throw new IllegalArgumentException(action + " is not an act the parties are told of");
        }
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(addressee, "addressee");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(actor, "actor");
        details = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(details, "details")));
        Objects.requireNonNull(at, "at");
    }

    /** @return the inbox event and webhook type, e.g. {@code case.responded} */
    public String eventType() {
        return action.eventType().orElseThrow();
    }

    /** @return the organisations told of it: the authority and the platform */
    public List<OrganizationId> parties() {
        return List.of(authority, addressee);
    }
}
