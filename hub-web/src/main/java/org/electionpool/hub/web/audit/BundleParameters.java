package org.electionpool.hub.web.audit;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;
import org.electionpool.hub.web.http.QueryParameter;

/**
 * The query of an evidence bundle ({@code @BeanParam}): {@code target_type} and {@code target_id},
 * both required; a missing or malformed one is {@code 400 invalid-parameter} naming it, the first
 * declared first. A class, not a record: JAX-RS injects {@code @BeanParam} fields.
 */
public class BundleParameters {

    static final String TARGET_TYPE = "[a-z][a-z0-9_]{0,31}";

    static final String TARGET_ID = "[A-Za-z0-9._~:/-]{1,256}";

    @QueryParam("target_type")
    @NotNull(payload = QueryParameter.class, message = "target_type must match [a-z][a-z0-9_]\\{0,31\\}.")
    @Pattern(regexp = TARGET_TYPE, payload = QueryParameter.class, message = "target_type must match [a-z][a-z0-9_]\\{0,31\\}.")
    String targetType;

    @QueryParam("target_id")
    @NotNull(payload = QueryParameter.class, message = "target_id must match [A-Za-z0-9._~:/-]\\{1,256\\}.")
    @Pattern(regexp = TARGET_ID, payload = QueryParameter.class, message = "target_id must match [A-Za-z0-9._~:/-]\\{1,256\\}.")
    String targetId;

    /** @return the target type; call only once valid */
    public String targetType() {
        return targetType;
    }

    /** @return the target id; call only once valid */
    public String targetId() {
        return targetId;
    }
}
