package org.electionpool.hub.web.webhooks;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.electionpool.hub.api.problem.HubException;
import org.electionpool.hub.api.security.Caller;
import org.electionpool.hub.api.webhooks.DeliveryView;
import org.electionpool.hub.api.webhooks.WebhookRequest;
import org.electionpool.hub.api.webhooks.WebhookService;
import org.electionpool.hub.api.webhooks.WebhookView;
import org.electionpool.hub.web.security.CallerContext;

/** The caller's own webhook (docs/api.md, Webhooks): register, read, remove, and the delivery log. */
@Path("api/v1/webhook")
@Tag(name = "webhooks")
@RequestScoped
public class WebhookResource {

    @EJB
    WebhookService webhooks;

    @Inject
    CallerContext callers;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register or replace the caller's webhook URL (https; http only to loopback in dev mode)")
    public WebhookView register(@NotNull @Valid WebhookRequest request) {
        Caller caller = callers.require();
        return webhooks.register(caller, callers.audit(), request);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The caller's webhook")
    public WebhookView get() {
        return webhooks.get(callers.require()).orElseThrow(() -> HubException.notFound("Webhook"));
    }

    @DELETE
    @Operation(summary = "Remove the caller's webhook; pending deliveries are still tried")
    public Response remove() {
        Caller caller = callers.require();
        webhooks.remove(caller, callers.audit());
        return Response.noContent().build();
    }

    /** @param deliveries newest first */
    public record DeliveryList(List<DeliveryView> deliveries) {
    }

    @GET
    @Path("deliveries")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The delivery log, newest first", description = "status: PENDING, DELIVERED or DEAD; limit 1-500 (default 100)")
    public DeliveryList deliveries(@Valid @BeanParam DeliveryParameters query) {
        return new DeliveryList(webhooks.deliveries(callers.require(), query.status(), query.limit()));
    }
}
