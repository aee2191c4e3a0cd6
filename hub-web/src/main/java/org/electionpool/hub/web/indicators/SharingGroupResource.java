package org.electionpool.hub.web.indicators;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.electionpool.hub.api.indicators.MemberRequest;
import org.electionpool.hub.api.indicators.SharingGroupId;
import org.electionpool.hub.api.indicators.SharingGroupList;
import org.electionpool.hub.api.indicators.SharingGroupRequest;
import org.electionpool.hub.api.indicators.SharingGroupService;
import org.electionpool.hub.api.indicators.SharingGroupView;
import org.electionpool.hub.api.organizations.OrganizationId;
import org.electionpool.hub.api.problem.HubException;
import org.electionpool.hub.api.security.Caller;
import org.electionpool.hub.web.security.CallerContext;

/**
 * Sharing groups (docs/indicators.md): made and changed by their owner, seen by the owner and the
 * members; {@code 404} for everyone else.
 */
@Path("api/v1/sharing-groups")
@Tag(name = "indicators")
@RequestScoped
public class SharingGroupResource {

    @EJB
    SharingGroupService groups;

    @Inject
    CallerContext callers;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Make a sharing group (authorities and platforms)", description = "201 with Location; 409"
            + " already-exists when the caller has a group of that name.")
    public Response create(@NotNull @Valid SharingGroupRequest request) {
        Caller caller = callers.require();
        SharingGroupView view = groups.create(caller, callers.audit(), request);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(view.id()).build()).entity(view).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The groups the caller owns or belongs to")
    public SharingGroupList list() {
        Caller caller = callers.require();
        return groups.list(caller, callers.audit());
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Read a group with its members")
    public SharingGroupView get(@PathParam("id") String id) {
        Caller caller = callers.require();
        return groups.get(caller, callers.audit(), groupId(id));
    }

    @POST
    @Path("{id}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a member (the owner); adding a member again changes nothing", description = "Body:"
            + " {\"organization\": id}. 200 with the group.")
    public SharingGroupView add(@PathParam("id") String id, @NotNull @Valid MemberRequest request) {
        Caller caller = callers.require();
        return groups.addMember(caller, callers.audit(), groupId(id), new OrganizationId(request.organization()));
    }

    @DELETE
    @Path("{id}/members/{organization}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Remove a member (the owner): its reads through the group stop at once")
    public SharingGroupView remove(@PathParam("id") String id, @PathParam("organization") String organization) {
        Caller caller = callers.require();
        SharingGroupId group = groupId(id);
        OrganizationId member = OrganizationId.parse(organization).orElseThrow(() -> HubException.notFound("Member"));
        return groups.removeMember(caller, callers.audit(), group, member);
    }

    private static SharingGroupId groupId(String id) {
        return SharingGroupId.parse(id).orElseThrow(() -> HubException.notFound("Sharing group"));
    }
}
