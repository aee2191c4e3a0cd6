package org.electionpool.hub.inbox.internal;

import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Creates an organisation's inbox counter row ({@code inbox_sequence}) when it has none yet — an
 * organisation registered after migration V12 — in a transaction of its own, so that two first
 * events racing for it cannot abort the changes that carry them: the loser's insert fails on the
 * primary key in this inner transaction only, and both callers then lock the one row that exists.
 */
@Stateless
@LocalBean
public class InboxCounters {

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    /**
     * Inserts the counter of {@code org} at the number of events it already has (normally 0), if it
     * has no counter and is a registered organisation.
     *
     * @throws jakarta.ejb.EJBException wrapping an integrity violation when another transaction
     *         inserted it meanwhile (the caller ignores that)
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void open(String org) {
        em.createNativeQuery("insert into inbox_sequence (organization_id, last_seq) select o.id,"
                        + " (select coalesce(max(e.seq), 0) from case_event e where e.recipient_org = o.id)"
                        + " from organization o where o.id = ?1"
                        + " and not exists (select 1 from inbox_sequence s where s.organization_id = o.id)")
                .setParameter(1, org).executeUpdate();
    }
}
