package org.electionpool.hub.web.indicators;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import org.electionpool.hub.api.indicators.CreateIndicatorRequest;
import org.electionpool.hub.api.indicators.IndicatorFilter;
import org.electionpool.hub.api.indicators.IndicatorType;
import org.electionpool.hub.api.indicators.Tlp;
import org.electionpool.hub.api.organizations.OrganizationId;
import org.electionpool.hub.api.time.InstantWindow;
import org.electionpool.hub.web.http.InstantParameter;
import org.electionpool.hub.web.http.QueryParameter;

/**
 * The query of {@code GET /api/v1/indicators} ({@code @BeanParam}); each violation is
 * {@code 400 invalid-parameter} naming the parameter. {@code tlp=AMBER+STRICT} must be sent with
 * the plus encoded ({@code AMBER%2BSTRICT}); a plus decoded to a space is read as the plus.
 */
public class IndicatorListParameters {

    static final String CURSOR = "[A-Za-z0-9_-]{1,300}";

    @QueryParam("type")
    @Pattern(regexp = "URL|DOMAIN|ACCOUNT|HASHTAG|CONTENT_HASH|NARRATIVE", payload = QueryParameter.class,
            message = "type must be one of [URL, DOMAIN, ACCOUNT, HASHTAG, CONTENT_HASH, NARRATIVE].")
    String type;

    @QueryParam("tlp")
    @Pattern(regexp = "CLEAR|GREEN|AMBER|AMBER[+ ]STRICT|RED", payload = QueryParameter.class,
            message = "tlp must be one of [CLEAR, GREEN, AMBER, AMBER+STRICT, RED].")
    String tlp;

    @QueryParam("technique")
    @Pattern(regexp = CreateIndicatorRequest.TECHNIQUE_PATTERN, payload = QueryParameter.class,
            message = "technique must be a DISARM technique id such as T0049.")
    String technique;

    @QueryParam("election")
    @Pattern(regexp = CreateIndicatorRequest.ELECTION_PATTERN, payload = QueryParameter.class,
            message = "election must match [a-z0-9][a-z0-9-]\\{1,62\\}[a-z0-9].")
    String election;

    @QueryParam("valid_at")
    @InstantParameter(value = "valid_at", payload = QueryParameter.class)
    String validAt;

    @QueryParam("updated_since")
    @InstantParameter(value = "updated_since", payload = QueryParameter.class)
    String updatedSince;

    @QueryParam("value")
    @Size(min = 1, max = 2048, payload = QueryParameter.class, message = "value must be 1-2048 characters.")
    String value;

    @QueryParam("author")
    @Pattern(regexp = OrganizationId.PATTERN, payload = QueryParameter.class, message = "author must be an organisation id.")
    String author;

    @QueryParam("after")
    @Pattern(regexp = CURSOR, payload = QueryParameter.class, message = "after must match [A-Za-z0-9_-]\\{1,300\\}.")
    String after;

    @QueryParam("limit")
    @Pattern(regexp = "[1-9][0-9]{0,2}", payload = QueryParameter.class, message = "limit must match [1-9][0-9]\\{0,2\\}.")
    String limit;

    /** @return the filter the parameters name; call only once they are valid */
    public IndicatorFilter filter() {
        return new IndicatorFilter(
                type == null ? null : IndicatorType.valueOf(type),
                tlp == null ? null : Tlp.of(tlp.replace(' ', '+')),
                technique, election,
                validAt == null ? null : InstantWindow.Bounds.parameter("valid_at", validAt),
                updatedSince == null ? null : InstantWindow.Bounds.parameter("updated_since", updatedSince),
                value, author, after,
                limit == null ? 50 : Integer.parseInt(limit));
    }
}
