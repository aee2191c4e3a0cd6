package org.electionpool.hub.web.indicators;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;
import org.electionpool.hub.web.http.QueryParameter;

/** The query of {@code GET /api/v1/indicators/{id}/sightings} ({@code @BeanParam}). */
public class SightingListParameters {

    @QueryParam("after")
    @Pattern(regexp = IndicatorListParameters.CURSOR, payload = QueryParameter.class,
            message = "after must match [A-Za-z0-9_-]\\{1,300\\}.")
    String after;

    @QueryParam("limit")
    @Pattern(regexp = "[1-9][0-9]{0,2}", payload = QueryParameter.class, message = "limit must match [1-9][0-9]\\{0,2\\}.")
    String limit;

    String after() {
        return after;
    }

    int limit() {
        return limit == null ? 50 : Integer.parseInt(limit);
    }
}
