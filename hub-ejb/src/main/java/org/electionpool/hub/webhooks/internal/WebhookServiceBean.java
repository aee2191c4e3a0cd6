package org.electionpool.hub.webhooks.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.api.problem.HubException;
import org.electionpool.hub.api.problem.ProblemType;
import org.electionpool.hub.api.security.Authorization;
import org.electionpool.hub.api.security.Caller;
import org.electionpool.hub.api.security.Role;
import org.electionpool.hub.api.system.HubMode;
import org.electionpool.hub.api.webhooks.DeliveryView;
import org.electionpool.hub.api.webhooks.WebhookRequest;
import org.electionpool.hub.api.webhooks.WebhookService;
import org.electionpool.hub.api.webhooks.WebhookView;
import org.electionpool.hub.api.audit.AuditAction;
import org.electionpool.hub.audit.AuditEvent;
import org.electionpool.hub.audit.AuditLog;
import org.electionpool.hub.cases.domain.InboxCursor;
import org.electionpool.hub.system.HubConfiguration;

/**
 * Registers webhooks (an allow-list of URL shapes: https; http only to loopback and only in dev
 * mode; no user info, no fragment) and reads the delivery log. Each organisation manages its own:
 * every query is scoped to the caller's organisation, and the hub itself (channel {@code SYSTEM})
 * has no webhook ({@code FORBIDDEN}).
 */
@Stateless
public class WebhookServiceBean implements WebhookService {

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    @Inject
    AuditLog auditLog;

    @Inject
    HubConfiguration configuration;

    @Inject
    Clock clock;

    @Override
    public WebhookView register(Caller caller, AuditContext context, WebhookRequest request) {
        Authorization.requireRole(caller, Role.ORG_ADMIN);
        Authorization.requireSameActor(caller, context);
        Authorization.requireMember(caller);
        String url = validate(request.url());
        Instant now = clock.instant();
        String org = caller.organization().value();
        int updated = em.createNativeQuery("update webhook set url = ?1, registered_at = ?2 where org_id = ?3")
                .setParameter(1, url).setParameter(2, now).setParameter(3, org).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("insert into webhook (org_id, url, registered_at) values (?1, ?2, ?3)")
                    .setParameter(1, org).setParameter(2, url).setParameter(3, now).executeUpdate();
        }
        auditLog.append(new AuditEvent(context, AuditAction.WEBHOOK_REGISTERED, "organization", org, Map.of("url", url)));
        return new WebhookView(url, now);
    }

    private String validate(String value) {
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            throw HubException.invalidField("url", "must be an absolute URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw HubException.invalidField("url", "must be an absolute URL with a host, without user info or fragment");
        }
        if (scheme.equals("https")) {
            return uri.toString();
        }
        if (scheme.equals("http") && configuration.mode() == HubMode.DEV && loopback(uri.getHost())) {
            return uri.toString();
        }
        throw HubException.invalidField("url", configuration.mode() == HubMode.DEV
                ? "must be https (plain http only to a loopback address)" : "must be https");
    }

    private static boolean loopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!host.matches("[0-9.]+|\\[[0-9a-fA-F:]+\\]")) {
            return false; // only literal addresses: a name could resolve elsewhere later
        }
        try {
            return InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public Optional<WebhookView> get(Caller caller) {
        Authorization.requireMember(caller);
        List<?> rows = em.createNativeQuery("select url, registered_at from webhook where org_id = ?1")
                .setParameter(1, caller.organization().value()).getResultList();
        return rows.stream().map(r -> (Object[]) r)
                .map(r -> new WebhookView((String) r[0], instant(r[1]))).findFirst();
    }

    @Override
    public void remove(Caller caller, AuditContext context) {
        Authorization.requireRole(caller, Role.ORG_ADMIN);
        Authorization.requireSameActor(caller, context);
        Authorization.requireMember(caller);
        String org = caller.organization().value();
        if (em.createNativeQuery("delete from webhook where org_id = ?1").setParameter(1, org).executeUpdate() == 0) {
            throw HubException.notFound("Webhook");
        }
        auditLog.append(new AuditEvent(context, AuditAction.WEBHOOK_REMOVED, "organization", org, Map.of()));
    }

    @Override
    public List<DeliveryView> deliveries(Caller caller, String status, int limit) {
        Authorization.requireMember(caller);
        if (limit < 1 || limit > 500) {
            throw new HubException(ProblemType.INVALID_PARAMETER, "limit must be 1-500.");
        }
        if (status != null && !status.matches("PENDING|DELIVERED|DEAD")) {
            throw new HubException(ProblemType.INVALID_PARAMETER, "status must be PENDING, DELIVERED or DEAD.");
        }
        List<?> rows = em.createNativeQuery("select d.id, e.seq, d.type, e.case_id, d.url, d.status, d.attempts,"
                        + " d.next_attempt_at, d.last_status, d.last_error, d.delivered_at, d.created_at, e.indicator_id"
                        + " from webhook_delivery d join case_event e"
                        + " on e.audit_ref = d.audit_ref and e.recipient_org = d.org_id where d.org_id = ?1 and e.seq is not null"
                        + (status == null ? "" : " and d.status = ?2") + " order by d.id desc")
                .setParameter(1, caller.organization().value())
                .setParameter(status == null ? 1 : 2, status == null ? caller.organization().value() : status)
                .setMaxResults(limit).getResultList();
        List<DeliveryView> views = new ArrayList<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            views.add(new DeliveryView(((Number) r[0]).longValue(), new InboxCursor(((Number) r[1]).longValue()).token(),
                    (String) r[2], (String) r[3], (String) r[12], (String) r[4], (String) r[5], ((Number) r[6]).intValue(),
                    "PENDING".equals(r[5]) ? instant(r[7]) : null, r[8] == null ? null : ((Number) r[8]).intValue(),
                    (String) r[9], r[10] == null ? null : instant(r[10]), instant(r[11])));
        }
        return views;
    }

    static Instant instant(Object value) {
        return org.electionpool.hub.system.SqlValues.instant(value);
    }
}
