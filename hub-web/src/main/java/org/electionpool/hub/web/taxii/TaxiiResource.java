package org.electionpool.hub.web.taxii;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.api.security.Caller;
import org.electionpool.hub.api.taxii.TaxiiAnswer;
import org.electionpool.hub.api.taxii.TaxiiRequest;
import org.electionpool.hub.api.taxii.TaxiiRequest.Resource;
import org.electionpool.hub.api.taxii.TaxiiService;
import org.electionpool.hub.protocol.stix.StixTime;

/**
 * The TAXII 2.1 server (OASIS TAXII 2.1; docs/taxii.md): discovery at {@code /taxii2/}, one API
 * root {@code /taxii2/hub/}. Every URL ends in {@code /} (the form without it is answered too);
 * every answer is {@code application/taxii+json;version=2.1} ({@link TaxiiResponseFilter}).
 */
@Path("taxii2")
@Tag(name = "taxii")
@RequestScoped
public class TaxiiResource {

    @EJB
    TaxiiService taxii;

    @Inject
    TaxiiCaller callers;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(summary = "TAXII discovery")
    public Response discovery() {
        return read(Resource.DISCOVERY, null, null, null);
    }

    @GET
    @Path("hub")
    @Operation(summary = "The TAXII API root, with max_content_length")
    public Response apiRoot() {
        return read(Resource.API_ROOT, null, null, null);
    }

    @GET
    @Path("hub/collections")
    @Operation(summary = "The caller's collections: community, shared with it, published by it, one per sharing group")
    public Response collections() {
        return read(Resource.COLLECTIONS, null, null, null);
    }

    @GET
    @Path("hub/collections/{collection}")
    @Operation(summary = "A collection")
    public Response collection(@PathParam("collection") String collection) {
        return read(Resource.COLLECTION, collection, null, null);
    }

    @GET
    @Path("hub/collections/{collection}/objects")
    @Operation(summary = "A page of objects", description = "added_after, limit (1-1000, default 100), next,"
            + " match[id|type|version|spec_version]; X-TAXII-Date-Added-First/Last.")
    public Response objects(@PathParam("collection") String collection) {
        return read(Resource.OBJECTS, collection, null, null);
    }

    @POST
    @Path("hub/collections/{collection}/objects")
    @Operation(summary = "Add objects to a writable collection", description = "202 with a complete status resource.")
    public Response add(@PathParam("collection") String collection, byte[] body) {
        Caller caller = callers.require();
        String envelope = new String(body, StandardCharsets.UTF_8);
        AuditContext base = callers.audit();
        AuditContext context = new AuditContext(base.channel(), base.actorOrg(), base.actorPrincipal(), null, null,
                AuditContext.sha256(body), base.receivedAt());
        TaxiiAnswer status = taxii.add(caller, context, collection, envelope);
        return Response.status(Response.Status.ACCEPTED).entity(status.json()).type(TaxiiMedia.TAXII).build();
    }

    @GET
    @Path("hub/collections/{collection}/manifest")
    @Operation(summary = "A page of the manifest")
    public Response manifest(@PathParam("collection") String collection) {
        return read(Resource.MANIFEST, collection, null, null);
    }

    @GET
    @Path("hub/collections/{collection}/objects/{object}")
    @Operation(summary = "An object (match[version] default last)")
    public Response object(@PathParam("collection") String collection, @PathParam("object") String object) {
        return read(Resource.OBJECT, collection, object, null);
    }

    @DELETE
    @Path("hub/collections/{collection}/objects/{object}")
    @Operation(summary = "Delete (revoke) an indicator the caller published")
    public Response delete(@PathParam("collection") String collection, @PathParam("object") String object) {
        Caller caller = callers.require();
        taxii.delete(caller, callers.audit(), collection, object, query());
        return Response.ok().build();
    }

    @GET
    @Path("hub/collections/{collection}/objects/{object}/versions")
    @Operation(summary = "An object's versions")
    public Response versions(@PathParam("collection") String collection, @PathParam("object") String object) {
        return read(Resource.VERSIONS, collection, object, null);
    }

    @GET
    @Path("hub/status/{status}")
    @Operation(summary = "The status of an add")
    public Response status(@PathParam("status") String status) {
        return read(Resource.STATUS, null, null, status);
    }

    private Response read(Resource resource, String collection, String object, String status) {
        Caller caller = callers.require();
        TaxiiAnswer answer = taxii.read(caller, callers.audit(), new TaxiiRequest(resource, collection, object, status,
                query()));
        Response.ResponseBuilder r = Response.ok(answer.json()).type(TaxiiMedia.TAXII);
        if (answer.dateAddedFirst() != null) {
            r.header("X-TAXII-Date-Added-First", StixTime.format(answer.dateAddedFirst()));
            r.header("X-TAXII-Date-Added-Last", StixTime.format(answer.dateAddedLast()));
        }
        return r.build();
    }

    private Map<String, List<String>> query() {
        Map<String, List<String>> q = new LinkedHashMap<>();
        uriInfo.getQueryParameters(true).forEach((k, v) -> q.put(k, List.copyOf(v)));
        return q;
    }
}
