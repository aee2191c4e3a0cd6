package org.electionpool.hub.web.discovery;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.electionpool.hub.api.hxp.DiscoveryService;
import org.electionpool.hub.api.hxp.HxpConfiguration;

/**
 * {@code /.well-known/jwks.json} and {@code /.well-known/hxp-configuration}.
 */
@Path(".well-known")
@Tag(name = "discovery")
@RequestScoped
public class WellKnownResource {

    /** JWK Set media type (RFC 7517 §8.5). */
    static final String JWK_SET_JSON = "application/jwk-set+json";

    @EJB
    DiscoveryService discovery;

    @GET
    @Path("jwks.json")
    @Produces({JWK_SET_JSON, MediaType.APPLICATION_JSON})
    @Operation(summary = "The hub's public keys", description = "Signing keys verify the hub's answers;"
            + " requests are encrypted to an encryption key. Never contains a private member.")
    @APIResponse(responseCode = "200", description = "A JWK Set (RFC 7517)")
    public Response jwks() {
        return Response.ok(discovery.publicJwks()).cacheControl(publicFor(300)).build();
    }

    @GET
    @Path("hxp-configuration")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The HXP/1 configuration of this hub")
    @APIResponse(responseCode = "200", description = "The discovery document",
            content = @Content(schema = @Schema(implementation = HxpConfiguration.class)))
    public Response configuration() {
        return Response.ok(discovery.configuration()).cacheControl(publicFor(300)).build();
    }

    private static CacheControl publicFor(int seconds) {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(seconds);
        return cache;
    }
}
