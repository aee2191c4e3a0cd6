package org.electionpool.hub.web.cases;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.electionpool.hub.api.cases.CaseId;
import org.electionpool.hub.api.cases.AttachmentList;
import org.electionpool.hub.api.cases.CasePage;
import org.electionpool.hub.api.cases.CaseService;
import org.electionpool.hub.api.cases.CaseView;
import org.electionpool.hub.api.cases.CreateCaseRequest;
import org.electionpool.hub.api.cases.ItemResponseRequest;
import org.electionpool.hub.api.cases.StatementList;
import org.electionpool.hub.api.cases.MessageList;
import org.electionpool.hub.api.cases.MessageRequest;
import org.electionpool.hub.api.cases.MessageView;
import org.electionpool.hub.api.cases.TransitionRequest;
import org.electionpool.hub.api.problem.HubException;
import org.electionpool.hub.api.security.Caller;
import org.electionpool.hub.web.security.CallerContext;

/**
 * Cases (docs/api.md): an authority creates them for a platform; both parties read them, step
 * them through their lifecycle and write in their thread; the platform responds per item.
 * Every other organisation gets {@code 404} on every path, as for an id never issued.
 */
@Path("api/v1/cases")
@Tag(name = "cases")
@RequestScoped
public class CaseResource {

    @EJB
    CaseService cases;

    @Inject
    CallerContext callers;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a case (authorities)", description = "201 with Location for a new case; 200 with the"
            + " existing case when the same clientRef and body were sent before; 409 already-exists when the clientRef"
            + " was used for a different body.")
    public Response create(@NotNull @Valid CreateCaseRequest request) {
        Caller caller = callers.require();
        CaseService.Created result = cases.create(caller, callers.audit(), request);
        if (!result.created()) {
            return Response.ok(result.view()).build();
        }
        return Response.created(uriInfo.getAbsolutePathBuilder().path(result.view().id()).build())
                .entity(result.view()).build();
    }

    /** @param cases the page's cases; @param next the next page's cursor */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The caller's cases, newest first, keyset-paginated",
            description = "Filters: status, kind, overdue (true/false), election, updated_since (RFC 3339); after (the"
                    + " previous page's next), limit (1-100, default 50).")
    public CasePage list(@Valid @BeanParam CaseListParameters query) {
        Caller caller = callers.require();
        return cases.list(caller, callers.audit(), query.filter());
    }

    @GET
    @Path("statements")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The platform's item responses as DSA Transparency Database statements of reasons",
            description = "since (RFC 3339): cases updated at or after it; default: all. See docs/dsa-statements.md.")
    public StatementList statements(@Valid @BeanParam StatementParameters query) {
        Caller caller = callers.require();
        return cases.statements(caller, callers.audit(), query.since());
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Read a case (its authority or its platform)")
    public CaseView get(@PathParam("id") String id) {
        Caller caller = callers.require();
        return cases.get(caller, callers.audit(), caseId(id));
    }

    @POST
    @Path("{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Take a lifecycle step", description = "409 illegal-transition names the action, the current"
            + " state and the states the action is allowed from; 403 when the action belongs to the other side.")
    public CaseView transition(@PathParam("id") String id, @NotNull @Valid TransitionRequest request) {
        Caller caller = callers.require();
        return cases.transition(caller, callers.audit(), caseId(id), request);
    }

    @PUT
    @Path("{id}/items/{item}/response")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record or replace the platform's response to one item (1-based)")
    public CaseView respond(@PathParam("id") String id, @PathParam("item") String item,
                            @NotNull @Valid ItemResponseRequest request) {
        Caller caller = callers.require();
        CaseId caseId = caseId(id);
        if (!item.matches("[1-9][0-9]{0,2}")) {
            throw HubException.notFound("Item");
        }
        return cases.respond(caller, callers.audit(), caseId, Integer.parseInt(item), request);
    }

    @GET
    @Path("{id}/messages")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The case's thread: messages and lifecycle steps, oldest first")
    public MessageList messages(@PathParam("id") String id) {
        Caller caller = callers.require();
        return cases.messages(caller, callers.audit(), caseId(id));
    }

    @POST
    @Path("{id}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Write in the case's thread")
    public Response post(@PathParam("id") String id, @NotNull @Valid MessageRequest request) {
        Caller caller = callers.require();
        MessageView message = cases.postMessage(caller, callers.audit(), caseId(id), request);
        return Response.status(Response.Status.CREATED).entity(message).build();
    }

    @POST
    @Path("{id}/attachments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add an evidence attachment (base64 inside the envelope, at most 384 KiB)",
            description = "201 for new content; 200 when the case already has it (addressed by SHA-256)")
    public Response attach(@PathParam("id") String id, @NotNull @Valid org.electionpool.hub.api.cases.AttachmentRequest request) {
        Caller caller = callers.require();
        CaseService.Attached attached = cases.attach(caller, callers.audit(), caseId(id), request);
        if (!attached.created()) {
            return Response.ok(attached.attachment()).build();
        }
        return Response.created(uriInfo.getAbsolutePathBuilder().path(attached.attachment().sha256()).build())
                .entity(attached.attachment()).build();
    }

    @GET
    @Path("{id}/attachments")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The case's attachments (descriptions)")
    public AttachmentList attachments(@PathParam("id") String id) {
        return cases.attachments(callers.require(), caseId(id));
    }

    @GET
    @Path("{id}/attachments/{sha256}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One attachment with its content (base64); an audited read")
    public org.electionpool.hub.api.cases.AttachmentContent attachment(@PathParam("id") String id,
                                                                      @PathParam("sha256") String sha256) {
        Caller caller = callers.require();
        return cases.attachment(caller, callers.audit(), caseId(id), sha256);
    }

    private static CaseId caseId(String id) {
        return CaseId.parse(id).orElseThrow(() -> HubException.notFound("Case")); // never an oracle
    }
}
