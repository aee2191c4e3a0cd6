package org.electionpool.hub.cases.internal;

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
import org.electionpool.hub.system.HubConfiguration;
import org.jboss.logging.Logger;

/**
 * Finds cases whose deadline passed while their clock ran, every
 * {@code hub.cases.deadline-scan-seconds}, and has {@link DeadlineMarker} mark each one once.
 *
 * <p>The timer is not persistent: deadlines live in the database, so a restarted node simply finds
 * them on its next scan, and a deadline that passed while every node was down is marked then.
 * Several nodes scan the same cases; the marker's conditional update lets exactly one of them
 * record each deadline.
 */
@Singleton
@Startup
public class DeadlineWatch {

    private static final Logger LOG = Logger.getLogger(DeadlineWatch.class);

    @Resource
    TimerService timers;

    @Inject
    HubConfiguration configuration;

    @EJB
    DeadlineMarker marker;

    @PostConstruct
    void start() {
        long interval = configuration.deadlineScanSeconds() * 1000L;
        timers.createIntervalTimer(Math.min(interval, 5000L), interval, new TimerConfig("deadline-watch", false));
    }

    @Timeout
    void scan(Timer timer) {
        try {
            int marked = 0;
            for (String id : marker.due()) {
                marked += marker.mark(id) ? 1 : 0;
            }
            if (marked > 0) {
                LOG.infof("Deadline watch: %d case(s) became overdue", marked);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Deadline watch scan failed; the next scan retries: %s", e.toString());
        }
    }
}
