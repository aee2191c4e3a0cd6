package org.electionpool.hub.web.taxii;

import jakarta.enterprise.context.RequestScoped;
import java.util.Objects;
import java.util.Optional;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.api.problem.HubException;
import org.electionpool.hub.api.problem.ProblemType;
import org.electionpool.hub.api.security.Caller;

/** The TAXII caller of the current request, once {@link TaxiiAccessFilter} authenticated it. Set at most once. */
@RequestScoped
public class TaxiiCaller {

    private Caller caller;

    private AuditContext audit;

    void authenticate(Caller caller, AuditContext audit) {
        if (this.caller != null) {
            throw new IllegalStateException("caller already set for this request");
        }
        this.caller = Objects.requireNonNull(caller);
        this.audit = Objects.requireNonNull(audit);
    }

    /** @return the caller, if authenticated */
    public Optional<Caller> current() {
        return Optional.ofNullable(caller);
    }

    /** @return the caller @throws HubException {@code UNAUTHENTICATED} without one */
    public Caller require() {
        return current().orElseThrow(() -> new HubException(ProblemType.UNAUTHENTICATED, "TAXII needs a credential."));
    }

    /** @return the audit context of the request (channel TAXII, the credential as principal) */
    public AuditContext audit() {
        require();
        return audit;
    }
}
