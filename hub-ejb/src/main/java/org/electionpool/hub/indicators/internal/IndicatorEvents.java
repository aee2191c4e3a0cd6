package org.electionpool.hub.indicators.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.electionpool.hub.api.audit.AuditAction;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.audit.AuditEvent;
import org.electionpool.hub.audit.AuditHandle;
import org.electionpool.hub.audit.AuditLog;
import org.electionpool.hub.inbox.Inbox;
import org.electionpool.hub.webhooks.Outbox;

/**
 * Publishes an indicator or sighting change: the audit entry (target type {@code indicator}), then
 * one inbox event and one webhook delivery for each recipient — exactly the organisations that may
 * read what changed once the change commits, as {@link IndicatorStore#readers} and
 * {@link IndicatorStore#sightingReaders} compute them in the same transaction with
 * {@link Visibility}'s rule. All in the caller's transaction.
 */
@ApplicationScoped
public class IndicatorEvents {

    /** The audit-log target type of indicators (and of their sightings). */
    static final String TARGET_TYPE = "indicator";

    @Inject
    AuditLog auditLog;

    @Inject
    Inbox inbox;

    @Inject
    Outbox outbox;

    /**
     * @param context    who acted, through which signed message
     * @param action     what was done (an action with an event type)
     * @param indicator  the indicator
     * @param sighting   the sighting, or {@code null}
     * @param details    the entry's details
     * @param recipients who is told
     * @param actor      the acting organisation
     * @param now        the time
     * @return the audit entry's handle
     */
    public AuditHandle publish(AuditContext context, AuditAction action, String indicator, String sighting,
            Map<String, Object> details, List<String> recipients, String actor, Instant now) {
        AuditHandle entry = auditLog.append(new AuditEvent(context, action, TARGET_TYPE, indicator, details));
        String type = action.eventType().orElseThrow(() -> new IllegalArgumentException(action + " has no event type"));
        inbox.recordIndicator(entry.ref(), recipients, indicator, sighting, type, actor, now);
        for (String recipient : new java.util.TreeSet<>(recipients)) {
            outbox.enqueueIndicator(entry.ref(), recipient, type, now);
        }
        return entry;
    }
}
