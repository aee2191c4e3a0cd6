package org.electionpool.hub.web.cases;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.electionpool.hub.api.cases.CaseService;
import org.electionpool.hub.api.cases.InboxPage;
import org.electionpool.hub.api.problem.HubException;
import org.electionpool.hub.api.problem.ProblemType;
import org.electionpool.hub.web.security.CallerContext;

/**
 * The caller's inbox: every event of its cases (new case, lifecycle step, message, response),
 * oldest first, resumable from a cursor.
 */
@Path("api/v1/inbox")
@Tag(name = "cases")
@RequestScoped
public class InboxResource {

    @EJB
    CaseService cases;

    @Inject
    CallerContext callers;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Events after a cursor, oldest first", description = "after: the next of the previous page"
            + " (omit to start from the beginning); limit 1-500, default 100. Poll with the returned next.")
    public InboxPage inbox(@QueryParam("after") String after, @QueryParam("limit") String limit) {
        if (limit != null && !limit.matches("[1-9][0-9]{0,2}")) {
            throw new HubException(ProblemType.INVALID_PARAMETER, "limit must be 1-500.");
        }
        return cases.inbox(callers.require(), after, limit == null ? 100 : Integer.parseInt(limit));
    }
}
