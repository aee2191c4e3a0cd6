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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.electionpool.hub.api.keys.AddKeyRequest;
import org.electionpool.hub.api.keys.KeyId;
import org.electionpool.hub.api.keys.OrganizationKeyService;
import org.electionpool.hub.api.keys.OrganizationKeyView;
import org.electionpool.hub.api.organizations.OrganizationId;
import org.electionpool.hub.api.problem.HubException;
import org.electionpool.hub.api.security.Caller;
import org.electionpool.hub.web.security.CallerContext;

/**
 * An organisation's registered public keys: every member reads them (they are public). The
 * operator — or the organisation itself, with a request signed by its current active key
 * (rotation without the operator) — registers, retires and revokes them. Authenticates, parses
 * and renders only: {@link OrganizationKeyService} decides who may do what.
 */
@Path("api/v1/organizations/{orgId}/keys")
@Tag(name = "organizations")
@RequestScoped
public class OrganizationKeyResource {

    @EJB
    OrganizationKeyService keys;

    @Inject
    CallerContext callers;

    @Context
    UriInfo uriInfo;

    /** @param keys the organisation's keys, newest first, with their history */
    public record KeyList(List<OrganizationKeyView> keys) {
    }

    private static OrganizationId organization(String orgId) {
        return OrganizationId.parse(orgId).orElseThrow(() -> HubException.notFound("Organisation"));
    }

    /**
     * The path's key id. A path segment that is no key id never reaches the service, so the
     * service's own check is applied first here: a caller that may not change the organisation's keys
     * is told so before it learns anything about the key (403 before 404, as for a well-formed kid).
     */
    private static KeyId key(Caller caller, OrganizationId organization, String kid) {
        java.util.Optional<KeyId> parsed = KeyId.parse(kid);
        if (parsed.isEmpty()) {
            org.electionpool.hub.api.security.Authorization.requireSelfOrOperator(caller, organization);
            throw HubException.notFound("Key");
        }
        return parsed.get();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List an organisation's keys, with their status history")
    @APIResponse(responseCode = "200", description = "The keys",
            content = @Content(schema = @Schema(implementation = KeyList.class)))
    public KeyList list(@PathParam("orgId") String orgId) {
        Caller caller = callers.require();
        return new KeyList(keys.list(caller, organization(orgId)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a public key (the organisation itself or the operator)",
            description = "A JWK; a PEM public key with its use; or a PKCS#10 CSR with its use, certified by the hub's"
                    + " CA (the chain goes into x5c). EC P-256/P-384 or RSA ≥ 2048 bits.")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = OrganizationKeyView.class)))
    public Response add(@PathParam("orgId") String orgId, @NotNull @Valid AddKeyRequest request) {
        Caller caller = callers.require();
        OrganizationKeyView created = keys.add(caller, callers.audit(), organization(orgId), request);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.kid()).build()).entity(created).build();
    }

    @POST
    @Path("{kid}/retirement")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Retire a key (the organisation itself or the operator): no new message signed with it"
            + " is accepted")
    public OrganizationKeyView retire(@PathParam("orgId") String orgId, @PathParam("kid") String kid) {
        Caller caller = callers.require();
        OrganizationId organization = organization(orgId);
        return keys.retire(caller, callers.audit(), organization, key(caller, organization, kid));
    }

    @POST
    @Path("{kid}/revocation")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Revoke a key (the organisation itself or the operator): nothing signed with it is"
            + " accepted from now on")
    public OrganizationKeyView revoke(@PathParam("orgId") String orgId, @PathParam("kid") String kid) {
        Caller caller = callers.require();
        OrganizationId organization = organization(orgId);
        return keys.revoke(caller, callers.audit(), organization, key(caller, organization, kid));
    }
}
