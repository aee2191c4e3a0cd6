package org.electionpool.hub.web.stix;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.electionpool.hub.api.indicators.Distribution;
import org.electionpool.hub.api.indicators.SharingGroupId;
import org.electionpool.hub.api.organizations.OrganizationId;
import org.electionpool.hub.api.security.Caller;
import org.electionpool.hub.api.stix.StixImportReport;
import org.electionpool.hub.api.stix.StixService;
import org.electionpool.hub.web.http.QueryParameter;
import org.electionpool.hub.web.indicators.IndicatorListParameters;
import org.electionpool.hub.web.security.CallerContext;

/**
 * STIX 2.1 bundles of what the caller may read, and import as the caller's own (docs/taxii.md).
 * The bundle travels as the HXP/1 {@code body} claim like every other answer.
 */
@Path("api/v1/stix/bundle")
@Tag(name = "stix")
@RequestScoped
public class StixResource {

    @EJB
    StixService stix;

    @Inject
    CallerContext callers;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Export what the caller may read as a STIX 2.1 bundle", description = "The indicator filters of"
            + " GET /api/v1/indicators (after and limit are ignored); TLP:RED is never exported in bulk; at most 10,000"
            + " indicators (400 invalid-parameter beyond).")
    public String export(@Valid @BeanParam IndicatorListParameters query) {
        Caller caller = callers.require();
        return stix.exportBundle(caller, callers.audit(), query.filter());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a STIX 2.1 bundle as the caller's own indicators and sightings", description = "All or"
            + " nothing: 422 stix-unrepresentable names every object the hub cannot represent by JSON pointer; at most"
            + " 1,000 objects (413). organization and group (repeatable) name who else reads what is marked TLP:AMBER or"
            + " tighter (groups for TLP:AMBER only).")
    public StixImportReport importBundle(
            @QueryParam("organization") @Size(max = 100, payload = QueryParameter.class, message = "at most 100 organizations.")
            List<@Pattern(regexp = OrganizationId.PATTERN, payload = QueryParameter.class,
                    message = "organization must be an organisation id.") String> organizations,
            @QueryParam("group") @Size(max = 20, payload = QueryParameter.class, message = "at most 20 groups.")
            List<@Pattern(regexp = SharingGroupId.PATTERN, payload = QueryParameter.class,
                    message = "group must be a sharing group id.") String> groups,
            String bundle) {
        Caller caller = callers.require();
        return stix.importBundle(caller, callers.audit(), bundle, new Distribution(organizations, groups));
    }
}
