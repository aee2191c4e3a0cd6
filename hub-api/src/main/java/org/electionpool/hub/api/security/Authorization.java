package org.electionpool.hub.api.security;

import java.util.Objects;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.api.organizations.OrganizationId;
import org.electionpool.hub.api.organizations.OrganizationKind;
import org.electionpool.hub.api.problem.HubException;
import org.electionpool.hub.api.problem.ProblemType;

/**
 * The small checks every service shares, so that each domain's EJB decides for itself who may
 * call it without reaching into another domain (docs/architecture.md, Authorisation). Role checks
 * throw {@link HubException} {@code FORBIDDEN} (a client's refusal); a caller that does not match
 * its audit context throws {@link IllegalArgumentException} (a programming error of the calling
 * tier, never a client's).
 */
public final class Authorization {

    private Authorization() {
    }

    /**
     * Checks that a call is recorded under the caller's own evidence: the audit context names the
     * caller's organisation and channel (for the hub itself: channel {@code SYSTEM}, no organisation).
     *
     * @param caller  the acting caller
     * @param context the audit context the call will be recorded under
     * @throws IllegalArgumentException if either is {@code null} or they name different actors
     */
    public static void requireSameActor(Caller caller, AuditContext context) {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(context, "context");
        boolean same = caller.isSystem()
                ? context.channel() == Caller.Channel.SYSTEM && context.actorOrg() == null
                : context.channel() == caller.channel() && caller.organization().equals(context.actorOrg());
        if (!same) {
            throw new IllegalArgumentException("the audit context (" + context.channel() + ", " + context.actorOrg()
                    + ") is not the caller's (" + caller.channel() + ", " + caller.organization() + ")");
        }
    }

    /**
     * @param caller the acting caller
     * @throws HubException {@code FORBIDDEN} unless the caller acts for the hub operator (or is the hub itself)
     */
    public static void requireOperator(Caller caller) {
        if (!caller.isOperator()) {
            throw new HubException(ProblemType.FORBIDDEN, "Only the hub operator may do this.");
        }
    }

    /**
     * @param caller       the acting caller
     * @param organization the organisation whose resource is acted on
     * @throws HubException {@code FORBIDDEN} unless the caller is that organisation or acts for the
     *         hub operator (or is the hub itself)
     */
    public static void requireSelfOrOperator(Caller caller, OrganizationId organization) {
        if (!caller.isOperator() && !caller.organization().equals(organization)) {
            throw new HubException(ProblemType.FORBIDDEN, "Only the organisation itself or the hub operator may do this.");
        }
    }

    /**
     * @param caller the acting caller
     * @param kind   the kind of organisation the action belongs to
     * @param detail the refusal's detail, e.g. "Only an authority sends cases."
     * @throws HubException {@code FORBIDDEN} unless the caller's organisation is of that kind
     */
    public static void requireKind(Caller caller, OrganizationKind kind, String detail) {
        if (caller.kind() != kind) {
            throw new HubException(ProblemType.FORBIDDEN, detail);
        }
    }

    /**
     * For what only a member organisation has (a webhook, an inbox): the hub itself has none.
     *
     * @param caller the acting caller
     * @throws HubException {@code FORBIDDEN} for the hub itself (channel {@code SYSTEM})
     */
    public static void requireMember(Caller caller) {
        if (caller.isSystem()) {
            throw new HubException(ProblemType.FORBIDDEN, "The hub itself is no member organisation.");
        }
    }

    /**
     * The person's part of a check (docs/ui.md, Roles): after the organisation's own rights were
     * checked, the principal must hold one of the roles. A machine caller holds every role.
     *
     * @param caller the acting caller
     * @param anyOf  the roles that allow the action
     * @throws HubException {@code FORBIDDEN} unless the caller holds one of them
     */
    public static void requireRole(Caller caller, Role... anyOf) {
        for (Role role : anyOf) {
            if (caller.has(role)) {
                return;
            }
        }
        throw new HubException(ProblemType.FORBIDDEN, "Your role does not allow this.");
    }
}
