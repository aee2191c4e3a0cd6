package org.electionpool.hub.web.cases;

import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import org.electionpool.hub.api.time.InstantWindow;
import org.electionpool.hub.web.http.InstantParameter;
import org.electionpool.hub.web.http.QueryParameter;

/** The query of {@code GET /api/v1/cases/statements} ({@code @BeanParam}; see {@link CaseListParameters}). */
public class StatementParameters {

    @QueryParam("since")
    @InstantParameter(value = "since", payload = QueryParameter.class)
    String since;

    /** @return the instant {@code since} names, or the epoch (all) without one; call only once valid */
    public Instant since() {
        return since == null ? Instant.EPOCH : InstantWindow.Bounds.parameter("since", since);
    }
}
