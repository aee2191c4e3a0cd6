package org.electionpool.hub.audit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.electionpool.hub.api.audit.AuditAction;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.audit.AuditEvent;
import org.electionpool.hub.audit.AuditLog;
import org.electionpool.hub.audit.domain.RefusalBudget;
import org.electionpool.hub.system.HubConfiguration;
import org.jboss.logging.Logger;

/**
 * Keeps a flood of unauthenticated garbage from growing the audit log one entry per request: each
 * remote address may add {@code hub.audit.refusals-per-address-per-minute} {@code request.refused}
 * entries a minute ({@link RefusalBudget}); the refusals beyond are still answered, counted, and
 * recorded as one {@code request.refused.throttled} entry per address and minute (details
 * {@code remote_address}, {@code count}, {@code window_start}, {@code first_at}, {@code last_at},
 * {@code reasons}) by a timer every {@value #FLUSH_SECONDS} s, and at shutdown.
 *
 * <p>Per node and in memory: with several nodes each has its own budget; counts not yet flushed
 * when a node is killed are lost (the refusals were answered; only their tally is gone).
 * Authenticated refusals are never throttled: their sender is known and expects a receipt.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RefusalThrottle {

    /** Seconds between flushes of ended minutes. */
    static final int FLUSH_SECONDS = 15;

    /** Addresses tracked at once; the rest share one budget. */
    static final int MAX_ADDRESSES = 10_000;

    private static final Logger LOG = Logger.getLogger(RefusalThrottle.class);

    @Resource
    TimerService timers;

    @Inject
    HubConfiguration configuration;

    @Inject
    Clock clock;

    @EJB
    AuditLog auditLog;

    private RefusalBudget budget;

    @PostConstruct
    void start() {
        budget = new RefusalBudget(configuration.refusalsPerAddressPerMinute(), MAX_ADDRESSES);
        timers.createIntervalTimer(FLUSH_SECONDS * 1000L, FLUSH_SECONDS * 1000L, new TimerConfig("refusal-throttle", false));
    }

    /**
     * @param remoteAddress the refused request's remote address
     * @param reason        the problem type slug
     * @return whether to record this refusal as its own entry
     */
    public boolean admit(String remoteAddress, String reason) {
        return budget.admit(remoteAddress, reason, clock.instant());
    }

    /**
     * Records a summary entry for every minute that ended with suppressed refusals.
     *
     * @return how many summary entries were written
     */
    public int flush() {
        return write(budget.drain(clock.instant()));
    }

    /**
     * Records a summary entry for every minute with suppressed refusals, running ones included, and
     * starts every address's budget afresh (at shutdown, and for operators' and tests' use).
     *
     * @return how many summary entries were written
     */
    public int flushAll() {
        return write(budget.drainAll());
    }

    @Timeout
    void tick(Timer timer) {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warnf("Refusal throttle: writing summaries failed, the counts of that minute are lost: %s", e.toString());
        }
    }

    @PreDestroy
    void stop() {
        try {
            flushAll();
        } catch (RuntimeException e) {
            LOG.warnf("Refusal throttle: summaries at shutdown not written: %s", e.toString());
        }
    }

    private int write(List<RefusalBudget.Suppressed> summaries) {
        for (RefusalBudget.Suppressed s : summaries) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("remote_address", s.address());
            details.put("count", s.count());
            details.put("window_start", s.windowStart().toString());
            details.put("first_at", s.firstAt().toString());
            details.put("last_at", s.lastAt().toString());
            details.put("reasons", new LinkedHashMap<>(s.reasons()));
            auditLog.appendNow(new AuditEvent(AuditContext.unauthenticated(), AuditAction.REQUEST_REFUSED_THROTTLED, null, null, details));
            LOG.warnf("%d refusals of unauthenticated requests from %s in the minute from %s were summarised, not"
                    + " recorded one by one", s.count(), s.address(), s.windowStart());
        }
        return summaries.size();
    }
}
