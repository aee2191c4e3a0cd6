package org.electionpool.hub.web.indicators;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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
import org.electionpool.hub.api.indicators.CreateIndicatorRequest;
import org.electionpool.hub.api.indicators.IndicatorId;
import org.electionpool.hub.api.indicators.IndicatorPage;
import org.electionpool.hub.api.indicators.IndicatorService;
import org.electionpool.hub.api.indicators.IndicatorVersionList;
import org.electionpool.hub.api.indicators.IndicatorView;
import org.electionpool.hub.api.indicators.NewVersionRequest;
import org.electionpool.hub.api.indicators.SightingPage;
import org.electionpool.hub.api.indicators.SightingRequest;
import org.electionpool.hub.api.problem.HubException;
import org.electionpool.hub.api.security.Caller;
import org.electionpool.hub.web.security.CallerContext;

/**
 * Indicators and their sightings (docs/indicators.md). Visibility is the service's: an indicator
 * the caller may not read is {@code 404} on every path, as an id never issued.
 */
@Path("api/v1/indicators")
@Tag(name = "indicators")
@RequestScoped
public class IndicatorResource {

    @EJB
    IndicatorService indicators;

    @Inject
    CallerContext callers;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Share an indicator (authorities and platforms)", description = "201 with Location; 200 with"
            + " the existing indicator for the same clientRef and body; 409 already-exists for a reused clientRef;"
            + " 400 distribution-refused for recipients the marking does not allow.")
    public Response create(@NotNull @Valid CreateIndicatorRequest request) {
        Caller caller = callers.require();
        IndicatorService.Created result = indicators.create(caller, callers.audit(), request);
        if (!result.created()) {
            return Response.ok(result.view()).build();
        }
        return Response.created(uriInfo.getAbsolutePathBuilder().path(result.view().id()).build())
                .entity(result.view()).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The indicators the caller may read, newest first, keyset-paginated",
            description = "Filters: type, tlp, technique, election, valid_at, updated_since (RFC 3339), value (matched on"
                    + " the normalised form), author; after (the previous page's next), limit (1-100, default 50).")
    public IndicatorPage list(@Valid @BeanParam IndicatorListParameters query) {
        Caller caller = callers.require();
        return indicators.list(caller, callers.audit(), query.filter());
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Read an indicator's current version")
    public IndicatorView get(@PathParam("id") String id) {
        Caller caller = callers.require();
        return indicators.get(caller, callers.audit(), indicatorId(id));
    }

    @GET
    @Path("{id}/versions")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every version of an indicator, oldest first")
    public IndicatorVersionList versions(@PathParam("id") String id) {
        Caller caller = callers.require();
        return indicators.versions(caller, callers.audit(), indicatorId(id));
    }

    @POST
    @Path("{id}/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Make a new version: update or revoke (the author)", description = "201 with the new current"
            + " version; 409 conflict when basedOn is not the current version; 409 indicator-revoked after a revocation.")
    public Response newVersion(@PathParam("id") String id, @NotNull @Valid NewVersionRequest request) {
        Caller caller = callers.require();
        IndicatorView view = indicators.newVersion(caller, callers.audit(), indicatorId(id), request);
        return Response.status(Response.Status.CREATED).entity(view).build();
    }

    @POST
    @Path("{id}/sightings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report a sighting (authorities and platforms that may read the indicator)",
            description = "201; 200 for the same clientRef and body again; 400 distribution-refused for a marking looser"
                    + " than the indicator's.")
    public Response report(@PathParam("id") String id, @NotNull @Valid SightingRequest request) {
        Caller caller = callers.require();
        IndicatorService.Reported result = indicators.reportSighting(caller, callers.audit(), indicatorId(id), request);
        return Response.status(result.created() ? Response.Status.CREATED : Response.Status.OK).entity(result.view()).build();
    }

    @GET
    @Path("{id}/sightings")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The sightings of an indicator the caller may read, oldest first, with the totals of all")
    public SightingPage sightings(@PathParam("id") String id, @Valid @BeanParam SightingListParameters query) {
        Caller caller = callers.require();
        return indicators.sightings(caller, callers.audit(), indicatorId(id), query.after(), query.limit());
    }

    private static IndicatorId indicatorId(String id) {
        return IndicatorId.parse(id).orElseThrow(() -> HubException.notFound("Indicator")); // never an oracle
    }
}
