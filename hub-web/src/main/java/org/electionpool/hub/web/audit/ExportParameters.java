package org.electionpool.hub.web.audit;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;
import org.electionpool.hub.web.http.QueryParameter;

/**
 * The query of an export ({@code @BeanParam}): the optional tree {@code size}; a malformed one is
 * {@code 400 invalid-parameter}. A class, not a record: JAX-RS injects {@code @BeanParam} fields.
 */
public class ExportParameters {

    @QueryParam("size")
    @Pattern(regexp = AuditResource.TREE_SIZE, payload = QueryParameter.class,
            message = "size must be a tree size (a non-negative integer).")
    String size;

    /** @return the size, or {@code null} for the whole log; call only once valid */
    public Long size() {
        return size == null ? null : Long.valueOf(size);
    }
}
