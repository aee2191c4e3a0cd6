package org.electionpool.hub.web.audit;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;
import org.electionpool.hub.web.http.QueryParameter;

/**
 * The query of an inclusion proof: the entry's {@code index} and the tree {@code size} ({@code @BeanParam}), both required: a missing or malformed one is
 * {@code 400 invalid-parameter} naming it, the first declared first. A class, not a record: JAX-RS
 * injects {@code @BeanParam} fields.
 */
public class InclusionParameters {

    @QueryParam("index")
    @NotNull(payload = QueryParameter.class, message = "index must be a tree size (a non-negative integer).")
    @Pattern(regexp = AuditResource.TREE_SIZE, payload = QueryParameter.class,
            message = "index must be a tree size (a non-negative integer).")
    String index;

    @QueryParam("size")
    @NotNull(payload = QueryParameter.class, message = "size must be a tree size (a non-negative integer).")
    @Pattern(regexp = AuditResource.TREE_SIZE, payload = QueryParameter.class,
            message = "size must be a tree size (a non-negative integer).")
    String size;

    /** @return {@code index}; call only once valid */
    public long index() {
        return Long.parseLong(index);
    }

    /** @return {@code size}; call only once valid */
    public long size() {
        return Long.parseLong(size);
    }
}
