package org.electionpool.hub.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The cases domain's port for other domains that link to a case (an indicator's related cases, a
 * sighting's case): whether an organisation is party to a case, and the case has an item. Reads
 * only, scoped to the organisation in SQL; it never reveals a case to a non-party.
 */
@ApplicationScoped
public class CaseLinks {

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    /**
     * @param caseId the case
     * @param org    the organisation
     * @param item   an item number (1-based), or {@code null} for the case itself
     * @return whether {@code org} is the case's authority or addressee and, when {@code item} is
     *         given, the case has that item
     */
    public boolean isParty(String caseId, String org, Integer item) {
        jakarta.persistence.Query q = em.createNativeQuery("select 1 from takedown_case c where c.id = ?1"
                        + " and (c.authority_org = ?2 or c.addressee_org = ?2)" + (item == null ? ""
                        : " and exists (select 1 from case_item ci where ci.case_id = c.id and ci.item_no = ?3)"))
                .setParameter(1, caseId).setParameter(2, org);
        if (item != null) {
            q.setParameter(3, item - 1); // item_no is the 0-based list index (@OrderColumn)
        }
        return !q.getResultList().isEmpty();
    }
}
