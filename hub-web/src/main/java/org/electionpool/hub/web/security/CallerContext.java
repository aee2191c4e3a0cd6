package org.electionpool.hub.web.security;

import jakarta.enterprise.context.RequestScoped;
import java.util.Objects;
import java.util.Optional;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.api.hxp.OpenedRequest;
import org.electionpool.hub.api.problem.HubException;
import org.electionpool.hub.api.problem.ProblemType;
import org.electionpool.hub.api.security.Caller;

/**
 * The caller of the current request, once {@link ApiAccessFilter} established it.
 * Request-scoped; set at most once.
 */
@RequestScoped
public class CallerContext {

    private Caller caller;

    private AuditContext audit;

    /** @param opened the request whose envelope passed every check; may be set once per request */
    void authenticate(OpenedRequest opened) {
        if (this.caller != null) {
            throw new IllegalStateException("caller already set for this request");
        }
        this.caller = Objects.requireNonNull(opened.caller(), "caller");
        this.audit = AuditContext.of(opened);
    }

    /**
     * @return the audit context of the current request — sender, signing key, {@code jti}, signed
     *         message and body digest — for the service call that changes or reads audited state
     * @throws HubException {@code UNAUTHENTICATED} if the request was not authenticated
     */
    public AuditContext audit() {
        require();
        return audit;
    }

    /** @return the caller, if the request was authenticated */
    public Optional<Caller> current() {
        return Optional.ofNullable(caller);
    }

    /**
     * @return the caller
     * @throws HubException {@code UNAUTHENTICATED} if there is none
     */
    public Caller require() {
        return current().orElseThrow(() -> new HubException(ProblemType.UNAUTHENTICATED,
                "This endpoint needs an authenticated caller."));
    }

    /**
     * @param organization the organisation whose resource is acted on
     * @return the caller, who is that organisation or the hub operator
     * @throws HubException {@code FORBIDDEN} for any other caller
     */
    public Caller requireSelfOrOperator(org.electionpool.hub.api.organizations.OrganizationId organization) {
        Caller c = require();
        if (!c.isOperator() && !c.organization().equals(organization)) {
            throw new HubException(ProblemType.FORBIDDEN, "Only the organisation itself or the hub operator may do this.");
        }
        return c;
    }

    /**
     * @return the caller, who acts for the hub operator
     * @throws HubException {@code FORBIDDEN} for any other caller
     */
    public Caller requireOperator() {
        Caller c = require();
        if (!c.isOperator()) {
            throw new HubException(ProblemType.FORBIDDEN, "Only the hub operator may do this.");
        }
        return c;
    }
}
