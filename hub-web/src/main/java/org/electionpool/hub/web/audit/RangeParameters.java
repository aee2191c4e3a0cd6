package org.electionpool.hub.web.audit;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;
import org.electionpool.hub.web.http.QueryParameter;

/**
 * The query of entries and consistency proofs: the tree sizes {@code from} and {@code to} ({@code @BeanParam}), both required: a missing or malformed one is
 * {@code 400 invalid-parameter} naming it, the first declared first. A class, not a record: JAX-RS
 * injects {@code @BeanParam} fields.
 */
public class RangeParameters {

    @QueryParam("from")
    @NotNull(payload = QueryParameter.class, message = "from must be a tree size (a non-negative integer).")
    @Pattern(regexp = AuditResource.TREE_SIZE, payload = QueryParameter.class,
            message = "from must be a tree size (a non-negative integer).")
    String from;

    @QueryParam("to")
    @NotNull(payload = QueryParameter.class, message = "to must be a tree size (a non-negative integer).")
    @Pattern(regexp = AuditResource.TREE_SIZE, payload = QueryParameter.class,
            message = "to must be a tree size (a non-negative integer).")
    String to;

    /** @return {@code from}; call only once valid */
    public long from() {
        return Long.parseLong(from);
    }

    /** @return {@code to}; call only once valid */
    public long to() {
        return Long.parseLong(to);
    }
}
