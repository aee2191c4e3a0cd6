package org.electionpool.hub.web.indicators;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.electionpool.hub.api.indicators.DisarmService;
import org.electionpool.hub.api.indicators.DisarmTechniqueList;
import org.electionpool.hub.web.security.CallerContext;

/** The DISARM technique catalogue (v1.6, CC BY-SA 4.0) that indicator technique ids are checked against. */
@Path("api/v1/disarm/techniques")
@Tag(name = "indicators")
@RequestScoped
public class DisarmResource {

    @EJB
    DisarmService disarm;

    @Inject
    CallerContext callers;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every DISARM technique: id, name, tactics, STIX id and page, with the attribution")
    public DisarmTechniqueList techniques() {
        return disarm.techniques(callers.require());
    }
}
