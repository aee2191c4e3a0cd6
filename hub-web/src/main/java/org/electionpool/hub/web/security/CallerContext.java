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
 * Request-scoped; set at most once. It authenticates only: what a caller may do is decided by the
 * services, which take the {@link Caller} (docs/architecture.md, Authorisation).
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
}
