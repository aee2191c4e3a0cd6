package org.electionpool.hub.web.webhooks;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;
import org.electionpool.hub.web.http.QueryParameter;

/**
 * The query of {@code GET /api/v1/webhook/deliveries} ({@code @BeanParam}): a violation is
 * {@code 400 invalid-parameter} naming the parameter. {@code status} is checked by the service.
 * A class, not a record: JAX-RS injects {@code @BeanParam} fields.
 */
public class DeliveryParameters {

    @QueryParam("status")
    String status;

    @QueryParam("limit")
    @Pattern(regexp = "[1-9][0-9]{0,2}", payload = QueryParameter.class, message = "limit must be 1-500.")
    String limit;

    /** @return the status filter as sent, or {@code null} */
    public String status() {
        return status;
    }

    /** @return the page size (range-checked by the service), 100 by default */
    public int limit() {
        return limit == null ? 100 : Integer.parseInt(limit);
    }
}
