package org.electionpool.hub.crypto.internal;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Forgets (issuer, jti) pairs once their token can no longer be accepted ({@code exp} + skew):
 * every minute, on every node. Deleting is idempotent, so several nodes on one database need no
 * coordination.
 */
@Singleton
public class ReplayStoreCleaner {

    private static final Logger LOG = Logger.getLogger(ReplayStoreCleaner.class);

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    @Inject
    Clock clock;

    /** @return how many expired records were removed */
    @Schedule(hour = "*", minute = "*", persistent = false, info = "hxp replay store clean-up")
    public int removeExpired() {
        int removed = em.createNativeQuery("delete from hxp_replay where expires_at < ?1")
                .setParameter(1, clock.instant()).executeUpdate();
        if (removed > 0) {
            LOG.debugf("Removed %d expired replay record(s)", removed);
        }
        return removed;
    }
}
