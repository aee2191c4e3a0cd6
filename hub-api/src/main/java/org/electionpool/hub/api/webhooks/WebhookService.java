package org.electionpool.hub.api.webhooks;

import jakarta.ejb.Local;
import java.util.List;
import java.util.Optional;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.api.security.Caller;

/**
 * The caller's own webhook and its delivery log. Registration and removal are audit entries
 * ({@code webhook.registered}, {@code webhook.removed}; target the organisation).
 */
@Local
public interface WebhookService {

    /**
     * @throws org.electionpool.hub.api.problem.HubException {@code VALIDATION_FAILED} for a URL
     *         that is not https (or loopback http in dev mode), has user info or a fragment
     */
    WebhookView register(Caller caller, AuditContext context, WebhookRequest request);

    /** @return the caller's webhook, if any */
    Optional<WebhookView> get(Caller caller);

    /**
     * Removes the webhook; pending deliveries stay in the log and are still tried.
     *
     * @throws org.electionpool.hub.api.problem.HubException {@code NOT_FOUND} without one
     */
    void remove(Caller caller, AuditContext context);

    /**
     * @param status only deliveries in this status, or {@code null}
     * @param limit  1–500
     * @return the caller's latest deliveries, newest first
     */
    List<DeliveryView> deliveries(Caller caller, String status, int limit);
}
