package org.electionpool.hub.web.cases;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.electionpool.hub.web.http.QueryParameter;

/**
 * The query of {@code GET /api/v1/inbox} ({@code @BeanParam}; see {@link CaseListParameters}).
 * {@code after} is opaque here: the service decides whether it is a position the hub handed to the
 * caller.
 */
public class InboxParameters {

    @QueryParam("after")
    @Parameter(description = "Opaque cursor from an earlier answer of this inbox; omit for the beginning",
            schema = @Schema(type = SchemaType.STRING))
    String after;

    @QueryParam("limit")
    @Parameter(description = "Page size, 1-500 (default 100)",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "100"))
    @Pattern(regexp = "[1-9][0-9]{0,2}", payload = QueryParameter.class, message = "limit must be 1-500.")
    String limit;

    /** @return the cursor as sent, or {@code null} */
    public String after() {
        return after;
    }

    /** @return the page size (not yet range-checked: the service does), 100 by default */
    public int limit() {
        return limit == null ? 100 : Integer.parseInt(limit);
    }
}
