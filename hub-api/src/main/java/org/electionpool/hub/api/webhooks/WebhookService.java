package org.electionpool.hub.api.webhooks;

import jakarta.ejb.Local;
import java.util.List;
import java.util.Optional;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.api.security.Caller;

/**
 * The caller's own webhook and its delivery log. Registration and removal are audit entries
 * ({@code webhook.registered}, {@code webhook.removed}; target the organisation).
 *
 * <p>Authorisation, decided here for every tier: every member organisation, of any kind, manages
 * only its own webhook — each method is scoped to {@link Caller#organization()}, so another
 * organisation's webhook cannot even be named. The hub itself ({@link Caller#system}) has none:
 * {@code FORBIDDEN}. A change needs an audit context naming the caller
 * ({@link IllegalArgumentException} otherwise).
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
