package org.electionpool.hub.web.audit;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import java.util.List;
import org.electionpool.hub.api.audit.AuditEntryView;
import org.electionpool.hub.api.audit.AuditService;
import org.electionpool.hub.api.audit.FsckReport;
import org.electionpool.hub.api.audit.InclusionProofView;
import org.electionpool.hub.api.audit.ConsistencyProofView;
import org.electionpool.hub.api.problem.HubException;
import org.electionpool.hub.api.problem.ProblemType;
import org.electionpool.hub.web.security.CallerContext;

/**
 * The audit endpoints of docs/audit-log.md. The checkpoint and consistency proofs are public
 * (hashes only, so anyone can compare what they were shown); entries and inclusion proofs come
 * over HXP/1 — all of them for auditors, a party's own entries for everyone else.
 */
@Path("api/v1/audit")
@Tag(name = "audit")
@RequestScoped
public class AuditResource {

    @EJB
    AuditService audit;

    @Inject
    CallerContext callers;

    @GET
    @Path("checkpoint")
    @Produces(MediaType.TEXT_PLAIN + ";charset=utf-8")
    @Operation(summary = "The latest signed checkpoint (C2SP tlog-checkpoint in a C2SP signed note)")
    public String checkpoint() {
        return audit.latestCheckpoint();
    }

    @GET
    @Path("proofs/consistency")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "RFC 9162 consistency proof between two tree sizes (hashes in standard base64)")
    public ConsistencyProofView consistency(@QueryParam("from") String from, @QueryParam("to") String to) {
        return audit.consistency(size("from", from), size("to", to));
    }

    /** @param entries the entries the caller may see, with their exact leaf bytes */
    public record EntryList(List<AuditEntryView> entries) {
    }

    @GET
    @Path("entries")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Entries from (inclusive) to (exclusive), at most 1,000: all for auditors, a party's own otherwise")
    public EntryList entries(@QueryParam("from") String from, @QueryParam("to") String to) {
        return new EntryList(audit.entries(callers.require(), size("from", from), size("to", to)));
    }

    @GET
    @Path("proofs/inclusion")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "RFC 9162 inclusion proof of one entry in the tree of a given size")
    public InclusionProofView inclusion(@QueryParam("index") String index, @QueryParam("size") String size) {
        return audit.inclusion(callers.require(), size("index", index), size("size", size));
    }

    @jakarta.ws.rs.POST
    @Path("fsck")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Check the whole log (operator only): recompute every hash, verify every checkpoint")
    public FsckReport fsck() {
        callers.requireOperator();
        return audit.fsck();
    }

    private static long size(String name, String value) {
        if (value == null || !value.matches("0|[1-9][0-9]{0,17}")) {
            throw new HubException(ProblemType.INVALID_PARAMETER, name + " must be a tree size (a non-negative integer).");
        }
        return Long.parseLong(value);
    }
}
