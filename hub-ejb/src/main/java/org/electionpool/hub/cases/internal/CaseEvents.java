package org.electionpool.hub.cases.internal;

import org.electionpool.hub.inbox.Inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.TreeSet;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.audit.AuditEvent;
import org.electionpool.hub.audit.AuditHandle;
import org.electionpool.hub.audit.AuditLog;
import org.electionpool.hub.api.organizations.OrganizationId;
import org.electionpool.hub.cases.domain.CaseEvent;
import org.electionpool.hub.webhooks.Outbox;

/**
 * Publishes what a case change did: from one {@link CaseEvent}, the audit entry
 * ({@link AuditLog#append}, target type {@code case}), then each party's inbox event
 * ({@link Inbox#record}, pointing to that entry) and its webhook delivery ({@link Outbox}, the
 * webhooks domain's port) — all in the caller's transaction, so they commit or roll back with the
 * change.
 */
@ApplicationScoped
public class CaseEvents {

    /** The audit-log target type of cases. */
    static final String TARGET_TYPE = "case";

    @Inject
    AuditLog auditLog;

    @Inject
    Inbox inbox;

    @Inject
    Outbox outbox;

    /**
     * @param context who acted, through which signed message ({@link AuditContext#system} for the hub's own acts)
     * @param event   what the aggregate did
     * @return the audit entry's handle
     */
    public AuditHandle publish(AuditContext context, CaseEvent event) {
        String caseId = event.caseId().value();
        AuditHandle entry = auditLog.append(new AuditEvent(context, event.action(), TARGET_TYPE, caseId, event.details()));
        List<String> parties = event.parties().stream().map(OrganizationId::value).toList();
        inbox.record(entry.ref(), parties, caseId, event.eventType(), event.status(), event.actor(), event.at());
        for (String recipient : new TreeSet<>(parties)) {
            outbox.enqueue(entry.ref(), recipient, caseId, event.eventType(), event.at());
        }
        return entry;
    }
}
