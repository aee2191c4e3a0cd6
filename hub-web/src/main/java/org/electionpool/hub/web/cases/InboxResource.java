package org.electionpool.hub.web.cases;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.electionpool.hub.api.cases.CaseService;
import org.electionpool.hub.api.cases.InboxPage;
import org.electionpool.hub.web.security.CallerContext;

/**
 * The caller's inbox: every event of its cases (new case, lifecycle step, message, response),
 * oldest first, resumable from an opaque cursor that names a position in the caller's own stream.
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
    @Operation(summary = "Events after a cursor, oldest first", description = "The caller's own event stream."
            + " Cursors (each event's cursor, the page's next) are opaque tokens: pass them back unchanged, compare"
            + " them only for equality, never parse them. A cursor is a position in the caller's stream only, which"
            + " no other organisation's activity moves. after: an event's cursor or the previous page's next (omit"
            + " to start from the beginning); limit 1-500, default 100. Poll with the returned next: on an empty"
            + " page it is the after sent (or the start token).")
    @APIResponse(responseCode = "200", description = "The events after the cursor and the cursor to resume from",
            content = @Content(schema = @Schema(implementation = InboxPage.class)))
    @APIResponse(responseCode = "400", description = "invalid-parameter: limit out of range, or an after the hub"
            + " did not hand to the caller", content = @Content(mediaType = "application/problem+json"))
    public InboxPage inbox(@Valid @BeanParam InboxParameters query) {
        return cases.inbox(callers.require(), query.after(), query.limit());
    }
}
