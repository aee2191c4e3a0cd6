package org.electionpool.hub.web.audit;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import java.util.List;
import org.electionpool.hub.api.audit.AuditBundle;
import org.electionpool.hub.api.audit.AuditEntryView;
import org.electionpool.hub.api.audit.AuditService;
import org.electionpool.hub.api.audit.FsckReport;
import org.electionpool.hub.api.audit.InclusionProofView;
import org.electionpool.hub.api.audit.ConsistencyProofView;
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
    public ConsistencyProofView consistency(@Valid @BeanParam RangeParameters query) {
        return audit.consistency(query.from(), query.to());
    }

    /** @param entries the entries the caller may see, with their exact leaf bytes */
    public record EntryList(List<AuditEntryView> entries) {
    }

    @GET
    @Path("entries")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Entries from (inclusive) to (exclusive), at most 1,000: all for auditors, a party's own otherwise")
    public EntryList entries(@Valid @BeanParam RangeParameters query) {
        return new EntryList(audit.entries(callers.require(), callers.audit(), query.from(), query.to()));
    }

    @GET
    @Path("proofs/inclusion")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "RFC 9162 inclusion proof of one entry in the tree of a given size")
    public InclusionProofView inclusion(@Valid @BeanParam InclusionParameters query) {
        return audit.inclusion(callers.require(), query.index(), query.size());
    }

    @GET
    @Path("bundle")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Evidence bundle of one target (auditors): its entries with inclusion proofs, the checkpoint,"
            + " the signed messages and the actors' historic keys, in the hxp-audit-bundle/1 format")
    public AuditBundle bundle(@Valid @BeanParam BundleParameters query) {
        return audit.bundle(callers.require(), callers.audit(), query.targetType(), query.targetId());
    }

    @GET
    @Path("export")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Full export (auditors): entries 0 … size-1 with evidence, the checkpoint and the actors'"
            + " historic keys, in the hxp-audit-bundle/1 format; without size, the whole log including this read")
    public AuditBundle export(@Valid @BeanParam ExportParameters query) {
        return audit.export(callers.require(), callers.audit(), query.size());
    }

    /**
     * A GET because the check changes nothing — not even the log: an entry appended to a damaged
     * log would build new checkpoints on the damaged hashes.
     */
    @GET
    @Path("fsck")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Check the whole log (operator only): recompute every hash, verify every checkpoint and"
            + " every stored evidence digest; read-only, not itself an audit entry")
    public FsckReport fsck() {
        return audit.fsck(callers.require());
    }

    /** A tree size or index as a query parameter: a non-negative integer of at most 18 digits. */
    static final String TREE_SIZE = "0|[1-9][0-9]{0,17}";
}
