package org.electionpool.hub.web.cases;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;
import org.electionpool.hub.api.cases.CaseFilter;
import org.electionpool.hub.api.cases.CaseKind;
import org.electionpool.hub.api.cases.CaseStatus;
import org.electionpool.hub.api.time.InstantWindow;
import org.electionpool.hub.web.http.InstantParameter;
import org.electionpool.hub.web.http.QueryParameter;

/**
 * The query of {@code GET /api/v1/cases} ({@code @BeanParam}): each parameter checked by its
 * constraint, whose violation is {@code 400 invalid-parameter} naming it (the fields are declared
 * in the order they are reported). A class, not a record: JAX-RS injects {@code @BeanParam}
 * fields, and RESTEasy does not construct records for it. The cursor {@code after} is checked
 * further by the service (a position the hub wrote), as is the range of {@code limit}.
 */
public class CaseListParameters {

    /** The states, as {@code status} accepts them. */
    static final String STATUSES = "SUBMITTED|ACKNOWLEDGED|IN_PROGRESS|NEEDS_INFORMATION|RESOLVED|CLOSED|WITHDRAWN|REOPENED";

    /** The kinds, as {@code kind} accepts them. */
    static final String KINDS = "REMOVAL_ORDER|REFERRAL|INFORMATION_REQUEST|ALERT";

    static final String ELECTION = "[a-z0-9][a-z0-9-]{1,62}[a-z0-9]";

    static final String CURSOR = "[A-Za-z0-9_-]{1,200}";

    static final String LIMIT = "[1-9][0-9]{0,2}";

    @QueryParam("status")
    @Pattern(regexp = STATUSES, payload = QueryParameter.class, message = "status must be one of [SUBMITTED,"
            + " ACKNOWLEDGED, IN_PROGRESS, NEEDS_INFORMATION, RESOLVED, CLOSED, WITHDRAWN, REOPENED].")
    String status;

    @QueryParam("kind")
    @Pattern(regexp = KINDS, payload = QueryParameter.class,
            message = "kind must be one of [REMOVAL_ORDER, REFERRAL, INFORMATION_REQUEST, ALERT].")
    String kind;

    @QueryParam("overdue")
    @Pattern(regexp = "true|false", payload = QueryParameter.class, message = "overdue must match true|false.")
    String overdue;

    @QueryParam("election")
    @Pattern(regexp = ELECTION, payload = QueryParameter.class,
            message = "election must match [a-z0-9][a-z0-9-]\\{1,62\\}[a-z0-9].")
    String election;

    @QueryParam("updated_since")
    @InstantParameter(value = "updated_since", payload = QueryParameter.class)
    String updatedSince;

    @QueryParam("after")
    @Pattern(regexp = CURSOR, payload = QueryParameter.class, message = "after must match [A-Za-z0-9_-]\\{1,200\\}.")
    String after;

    @QueryParam("limit")
    @Pattern(regexp = LIMIT, payload = QueryParameter.class, message = "limit must match [1-9][0-9]\\{0,2\\}.")
    String limit;

    /** @return the filter the parameters name; call only once they are valid */
    public CaseFilter filter() {
        return new CaseFilter(
                status == null ? null : CaseStatus.valueOf(status),
                kind == null ? null : CaseKind.valueOf(kind),
                overdue == null ? null : Boolean.valueOf(overdue),
                election,
                updatedSince == null ? null : InstantWindow.Bounds.parameter("updated_since", updatedSince),
                after,
                limit == null ? 50 : Integer.parseInt(limit));
    }
}
