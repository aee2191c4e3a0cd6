package org.electionpool.hub.web.taxii;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.electionpool.hub.api.security.Caller;
import org.electionpool.hub.api.taxii.IssuedTaxiiCredential;
import org.electionpool.hub.api.taxii.TaxiiCredentialList;
import org.electionpool.hub.api.taxii.TaxiiCredentialRequest;
import org.electionpool.hub.api.taxii.TaxiiService;
import org.electionpool.hub.web.security.CallerContext;

/** TAXII credentials, issued and revoked over HXP/1 so that each is a signed, logged act (docs/taxii.md). */
@Path("api/v1/taxii/credentials")
@Tag(name = "taxii")
@RequestScoped
public class TaxiiCredentialResource {

    @EJB
    TaxiiService taxii;

    @Inject
    CallerContext callers;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue a TAXII credential", description = "201 with {username, token}: the only time the token"
            + " is shown; the hub keeps its SHA-256.")
    public Response issue(@NotNull @Valid TaxiiCredentialRequest request) {
        Caller caller = callers.require();
        IssuedTaxiiCredential issued = taxii.issue(caller, callers.audit(), request);
        return Response.status(Response.Status.CREATED).entity(issued).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The caller organisation's TAXII credentials (never their tokens)")
    public TaxiiCredentialList list() {
        Caller caller = callers.require();
        return taxii.credentials(caller, callers.audit());
    }

    @DELETE
    @Path("{username}")
    @Operation(summary = "Revoke a TAXII credential at once", description = "204; 404 for another organisation's; 409 when"
            + " already revoked.")
    public Response revoke(@PathParam("username") String username) {
        Caller caller = callers.require();
        taxii.revoke(caller, callers.audit(), username);
        return Response.noContent().build();
    }
}
