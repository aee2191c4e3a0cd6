package org.electionpool.hub.web.organizations;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.electionpool.hub.api.organizations.CreateOrganizationRequest;
import org.electionpool.hub.api.organizations.OrganizationId;
import org.electionpool.hub.api.organizations.OrganizationService;
import org.electionpool.hub.api.organizations.OrganizationStatusRequest;
import org.electionpool.hub.api.organizations.OrganizationView;
import org.electionpool.hub.api.problem.HubException;
import org.electionpool.hub.api.security.Caller;
import org.electionpool.hub.web.security.CallerContext;

/**
 * The organisation directory: every member reads the public entries; the operator registers
 * organisations. Authenticates, parses and renders only: {@link OrganizationService} decides who
 * may do what.
 */
@Path("api/v1/organizations")
@Tag(name = "organizations")
@RequestScoped
public class OrganizationResource {

    @EJB
    OrganizationService organizations;

    @Inject
    CallerContext callers;

    @Context
    UriInfo uriInfo;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List the directory", description = "Every member organisation's public entry, ordered by id.")
    @APIResponse(responseCode = "200", description = "The directory",
            content = @Content(schema = @Schema(implementation = OrganizationList.class)))
    public OrganizationList list() {
        return new OrganizationList(organizations.list(callers.require()));
    }

    @GET
    @Path("{orgId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Read one directory entry")
    @APIResponse(responseCode = "200", description = "The entry",
            content = @Content(schema = @Schema(implementation = OrganizationView.class)))
    @APIResponse(responseCode = "404", description = "No such organisation",
            content = @Content(mediaType = "application/problem+json"))
    public OrganizationView get(@PathParam("orgId") String orgId) {
        Caller caller = callers.require();
        return OrganizationId.parse(orgId)
                .flatMap(id -> organizations.find(caller, id))
                .orElseThrow(() -> HubException.notFound("Organisation"));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register an organisation (operator only)")
    @APIResponse(responseCode = "201", description = "Registered; Location names the new entry",
            content = @Content(schema = @Schema(implementation = OrganizationView.class)))
    @APIResponse(responseCode = "400", description = "Malformed body or invalid fields",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "The id is taken",
            content = @Content(mediaType = "application/problem+json"))
    public Response create(@NotNull @Valid CreateOrganizationRequest request) {
        OrganizationView created = organizations.create(callers.require(), callers.audit(), request);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.id()).build())
                .entity(created)
                .build();
    }

    @POST
    @Path("{orgId}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Suspend an organisation or make it active again (operator only)",
            description = "While suspended, nothing signed with its keys is accepted, its people and TAXII credentials"
                    + " cannot sign in, and it receives nothing new; its data and audit entries stay.")
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(schema = @Schema(implementation = OrganizationView.class)))
    @APIResponse(responseCode = "404", description = "No such organisation",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "Already in that status, or the operator's own organisation",
            content = @Content(mediaType = "application/problem+json"))
    public OrganizationView setStatus(@PathParam("orgId") String orgId, @NotNull @Valid OrganizationStatusRequest request) {
        // a malformed id is passed on as none: the service refuses a stranger (403) before it looks (404)
        return organizations.setStatus(callers.require(), callers.audit(), OrganizationId.parse(orgId).orElse(null),
                request.status(), request.reason());
    }
}
