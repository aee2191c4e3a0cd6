package org.electionpool.hub.indicators.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.electionpool.hub.api.audit.AuditAction;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.api.indicators.SharingGroupId;
import org.electionpool.hub.api.indicators.SharingGroupList;
import org.electionpool.hub.api.indicators.SharingGroupRequest;
import org.electionpool.hub.api.indicators.SharingGroupService;
import org.electionpool.hub.api.indicators.SharingGroupView;
import org.electionpool.hub.api.organizations.OrganizationId;
import org.electionpool.hub.api.problem.FieldViolation;
import org.electionpool.hub.api.problem.HubException;
import org.electionpool.hub.api.problem.ProblemType;
import org.electionpool.hub.api.security.Authorization;
import org.electionpool.hub.api.security.Caller;
import org.electionpool.hub.api.security.Role;
import org.electionpool.hub.audit.AuditEvent;
import org.electionpool.hub.audit.AuditLog;
import org.electionpool.hub.system.JdbcErrors;
import org.electionpool.hub.system.SqlValues;

/**
 * Sharing groups in native SQL ({@code sharing_group}, {@code sharing_group_member}). A group is
 * found for a caller only if the caller owns it or is a member (in SQL); only the owner changes
 * the membership. Every change and read is an audit entry, target type {@code sharing_group}.
 */
@Stateless
public class SharingGroupServiceBean implements SharingGroupService {

    /** The audit-log target type. */
    static final String TARGET_TYPE = "sharing_group";

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    @Inject
    AuditLog auditLog;

    @Inject
    Recipients recipients;

    @Inject
    Clock clock;

    @Override
    public SharingGroupView create(Caller caller, AuditContext context, SharingGroupRequest request) {
        Authorization.requireRole(caller, Role.ANALYST);
        Authorization.requireSameActor(caller, context);
        Visibility.requireSharingKind(caller);
        String owner = caller.organization().value();
        Set<String> members = new LinkedHashSet<>(request.members() == null ? List.of() : request.members());
        List<FieldViolation> violations = new ArrayList<>();
        int n = 0;
        for (String m : request.members() == null ? List.<String>of() : request.members()) {
            if (m.equals(owner)) {
                violations.add(new FieldViolation("members[" + n + "]", "the owner reads what is shared with its groups; it is no member"));
            } else if (!recipients.isSharingMember(m)) {
                violations.add(new FieldViolation("members[" + n + "]", "must be an active authority or platform"));
            }
            n++;
        }
        if (!violations.isEmpty()) {
            throw new HubException(ProblemType.VALIDATION_FAILED, "The request has invalid fields.", violations);
        }
        if (!em.createNativeQuery("select id from sharing_group where owner_org = ?1 and name = ?2")
                .setParameter(1, owner).setParameter(2, request.name().strip()).getResultList().isEmpty()) {
            throw new HubException(ProblemType.ALREADY_EXISTS, "You already have a sharing group of this name.");
        }
        SharingGroupId id = SharingGroupId.random();
        Instant now = clock.instant();
        try {
            em.createNativeQuery("insert into sharing_group (id, owner_org, name, description, created_at, updated_at)"
                            + " values (?1, ?2, ?3, ?4, ?5, ?5)")
                    .setParameter(1, id.value()).setParameter(2, owner).setParameter(3, request.name().strip())
                    .setParameter(4, request.description()).setParameter(5, now).executeUpdate();
            for (String m : members) {
                insertMember(id, m, now);
            }
            em.flush();
        } catch (PersistenceException e) {
            if (JdbcErrors.isIntegrityViolation(e)) {
                throw new HubException(ProblemType.ALREADY_EXISTS, "A sharing group of this name was created at the same time.");
            }
            throw e;
        }
        auditLog.append(new AuditEvent(context, AuditAction.SHARING_GROUP_CREATED, TARGET_TYPE, id.value(),
                Map.of("name", request.name().strip(), "members", List.copyOf(members))));
        return view(id).orElseThrow();
    }

    @Override
    public SharingGroupList list(Caller caller, AuditContext context) {
        Authorization.requireSameActor(caller, context);
        Authorization.requireMember(caller);
        String org = caller.organization().value();
        List<?> ids = em.createNativeQuery("select g.id from sharing_group g where g.owner_org = ?1 or exists (select 1"
                        + " from sharing_group_member m where m.group_id = g.id and m.org_id = ?1) order by g.name, g.id")
                .setParameter(1, org).getResultList();
        List<SharingGroupView> groups = new ArrayList<>();
        for (Object id : ids) {
            view(new SharingGroupId((String) id)).ifPresent(groups::add);
        }
        auditLog.append(new AuditEvent(context, AuditAction.SHARING_GROUP_LIST_READ, null, null, Map.of("count", groups.size())));
        return new SharingGroupList(groups);
    }

    @Override
    public SharingGroupView get(Caller caller, AuditContext context, SharingGroupId id) {
        Authorization.requireSameActor(caller, context);
        requireVisible(caller, id);
        auditLog.append(new AuditEvent(context, AuditAction.SHARING_GROUP_READ, TARGET_TYPE, id.value(), Map.of()));
        return view(id).orElseThrow();
    }

    @Override
    public SharingGroupView addMember(Caller caller, AuditContext context, SharingGroupId id, OrganizationId member) {
        Authorization.requireRole(caller, Role.ANALYST);
        Authorization.requireSameActor(caller, context);
        String owner = requireOwner(caller, id);
        if (member.value().equals(owner)) {
            throw HubException.invalidField("organization", "the owner reads what is shared with its groups; it is no member");
        }
        if (!recipients.isSharingMember(member.value())) {
            throw HubException.invalidField("organization", "must be an active authority or platform");
        }
        Instant now = clock.instant();
        boolean added = em.createNativeQuery("select 1 from sharing_group_member where group_id = ?1 and org_id = ?2")
                .setParameter(1, id.value()).setParameter(2, member.value()).getResultList().isEmpty();
        if (added) {
            try {
                insertMember(id, member.value(), now);
                touch(id, now);
                em.flush();
            } catch (PersistenceException e) {
                if (!JdbcErrors.isIntegrityViolation(e)) {
                    throw e;
                }
                throw new HubException(ProblemType.CONFLICT, "The member was added at the same time; read the group again.");
            }
        }
        auditLog.append(new AuditEvent(context, AuditAction.SHARING_GROUP_MEMBER_ADDED, TARGET_TYPE, id.value(),
                Map.of("organization", member.value(), "changed", added)));
        return view(id).orElseThrow();
    }

    @Override
    public SharingGroupView removeMember(Caller caller, AuditContext context, SharingGroupId id, OrganizationId member) {
        Authorization.requireRole(caller, Role.ANALYST);
        Authorization.requireSameActor(caller, context);
        requireOwner(caller, id);
        int removed = em.createNativeQuery("delete from sharing_group_member where group_id = ?1 and org_id = ?2")
                .setParameter(1, id.value()).setParameter(2, member.value()).executeUpdate();
        if (removed == 0) {
            throw HubException.notFound("Member");
        }
        touch(id, clock.instant());
        auditLog.append(new AuditEvent(context, AuditAction.SHARING_GROUP_MEMBER_REMOVED, TARGET_TYPE, id.value(),
                Map.of("organization", member.value())));
        return view(id).orElseThrow();
    }

    private void insertMember(SharingGroupId id, String member, Instant now) {
        em.createNativeQuery("insert into sharing_group_member (group_id, org_id, added_at) values (?1, ?2, ?3)")
                .setParameter(1, id.value()).setParameter(2, member).setParameter(3, now).executeUpdate();
    }

    private void touch(SharingGroupId id, Instant now) {
        em.createNativeQuery("update sharing_group set updated_at = ?1 where id = ?2")
                .setParameter(1, now).setParameter(2, id.value()).executeUpdate();
    }

    /** @return the owner, when the caller may see the group; else {@code NOT_FOUND} */
    private String requireVisible(Caller caller, SharingGroupId id) {
        Authorization.requireMember(caller);
        List<?> rows = em.createNativeQuery("select g.owner_org from sharing_group g where g.id = ?1 and (g.owner_org = ?2"
                        + " or exists (select 1 from sharing_group_member m where m.group_id = g.id and m.org_id = ?2))")
                .setParameter(1, id.value()).setParameter(2, caller.organization().value()).getResultList();
        if (rows.isEmpty()) {
            throw HubException.notFound("Sharing group");
        }
        return (String) rows.get(0);
    }

    private String requireOwner(Caller caller, SharingGroupId id) {
        String owner = requireVisible(caller, id);
        if (!owner.equals(caller.organization().value())) {
            throw new HubException(ProblemType.FORBIDDEN, "Only the group's owner changes its members.");
        }
        return owner;
    }

    private Optional<SharingGroupView> view(SharingGroupId id) {
        List<?> rows = em.createNativeQuery("select id, name, description, owner_org, created_at, updated_at from sharing_group"
                + " where id = ?1").setParameter(1, id.value()).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] g = (Object[]) rows.get(0);
        List<SharingGroupView.Member> members = new ArrayList<>();
        for (Object row : em.createNativeQuery("select org_id, added_at from sharing_group_member where group_id = ?1"
                + " order by org_id").setParameter(1, id.value()).getResultList()) {
            Object[] m = (Object[]) row;
            members.add(new SharingGroupView.Member((String) m[0], SqlValues.instant(m[1])));
        }
        return Optional.of(new SharingGroupView((String) g[0], (String) g[1], (String) g[2], (String) g[3], members,
                SqlValues.instant(g[4]), SqlValues.instant(g[5])));
    }
}
