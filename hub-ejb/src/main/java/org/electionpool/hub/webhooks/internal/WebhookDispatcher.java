package org.electionpool.hub.webhooks.internal;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.electionpool.hub.protocol.hxp.Hxp;
import org.electionpool.hub.system.HubConfiguration;
import org.jboss.logging.Logger;

/**
 * Every {@code hub.webhooks.dispatch-seconds}: claims due deliveries ({@link DeliveryLedger}),
 * posts each one sealed to its URL (no redirects, 10 s timeout) and records the outcome — a 2xx
 * delivers it; anything else retries with exponential back-off until it is dead. Not persistent:
 * the outbox is in the database, so a restarted node carries on from it.
 */
@Singleton
@Startup
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    @Resource
    TimerService timers;

    @Inject
    HubConfiguration configuration;

    @EJB
    DeliveryLedger ledger;

    private HttpClient http;

    @PostConstruct
    void start() {
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER)
                .build();
        long interval = configuration.webhookDispatchSeconds() * 1000L;
        timers.createIntervalTimer(Math.min(interval, 5000L), interval, new TimerConfig("webhook-dispatch", false));
    }

    @Timeout
    void dispatch(Timer timer) {
        try {
            for (DeliveryLedger.Claimed delivery : ledger.claimDue()) {
                send(delivery);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Webhook dispatch failed; the next run retries: %s", e.toString());
        }
    }

    private void send(DeliveryLedger.Claimed delivery) {
        Integer status = null;
        String error = null;
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(delivery.url()))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", Hxp.MEDIA_TYPE)
                    .header("X-Hub-Delivery", String.valueOf(delivery.id()))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.body())).build(),
                    HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            if (status < 200 || status >= 300) {
                error = "answered " + status;
            }
        } catch (java.io.IOException | IllegalArgumentException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        ledger.record(delivery.id(), status, error);
    }
}
