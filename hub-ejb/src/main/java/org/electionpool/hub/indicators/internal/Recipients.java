package org.electionpool.hub.indicators.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Who can be named as a recipient or a group member: active authorities and platforms. */
@ApplicationScoped
public class Recipients {

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    /** @return whether {@code org} is an active authority or platform */
    public boolean isSharingMember(String org) {
        return !em.createNativeQuery("select 1 from organization where id = ?1 and status = 'ACTIVE'"
                        + " and kind in ('AUTHORITY', 'PLATFORM')").setParameter(1, org).getResultList().isEmpty();
    }

    /** @return whether {@code org} owns the group or belongs to it */
    public boolean mayUseGroup(String org, String group) {
        return !em.createNativeQuery("select 1 from sharing_group g where g.id = ?1 and (g.owner_org = ?2 or exists"
                        + " (select 1 from sharing_group_member m where m.group_id = g.id and m.org_id = ?2))")
                .setParameter(1, group).setParameter(2, org).getResultList().isEmpty();
    }
}
