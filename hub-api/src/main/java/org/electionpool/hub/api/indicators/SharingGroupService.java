package org.electionpool.hub.api.indicators;

import jakarta.ejb.Local;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.api.organizations.OrganizationId;
import org.electionpool.hub.api.security.Caller;

/**
 * Sharing groups: named sets of organisations that an {@code AMBER} indicator or sighting can be
 * shared with. A group exists, for a caller, only if the caller owns it or is a member
 * ({@code NOT_FOUND} otherwise, as for an id never issued); only the owner changes its
 * membership. Membership is read at every read of what is shared with the group, so a removal
 * stops the removed organisation's reads at once. Only authorities and platforms make and join
 * groups. Every change and read is an audit entry (target type {@code sharing_group}).
 */
@Local
public interface SharingGroupService {

    /**
     * Creates a group owned by the caller ({@code sharing_group.created}).
     *
     * @throws org.electionpool.hub.api.problem.HubException {@code FORBIDDEN} unless an authority
     *         or a platform; {@code VALIDATION_FAILED} for members that are not active authorities
     *         or platforms; {@code ALREADY_EXISTS} when the caller has a group of that name
     */
    SharingGroupView create(Caller caller, AuditContext context, SharingGroupRequest request);

    /** @return the groups the caller owns or belongs to ({@code sharing_group.list.read}) */
    SharingGroupList list(Caller caller, AuditContext context);

    /** @return the group ({@code sharing_group.read}) @throws org.electionpool.hub.api.problem.HubException {@code NOT_FOUND} */
    SharingGroupView get(Caller caller, AuditContext context, SharingGroupId id);

    /**
     * Adds a member ({@code sharing_group.member.added}); adding a member again changes nothing.
     *
     * @throws org.electionpool.hub.api.problem.HubException {@code NOT_FOUND}; {@code FORBIDDEN}
     *         unless the owner; {@code VALIDATION_FAILED} for an organisation that is not an active
     *         authority or platform, or the owner itself
     */
    SharingGroupView addMember(Caller caller, AuditContext context, SharingGroupId id, OrganizationId member);

    /**
     * Removes a member ({@code sharing_group.member.removed}); its reads of what is shared with
     * the group stop with this transaction's commit.
     *
     * @throws org.electionpool.hub.api.problem.HubException {@code NOT_FOUND} for the group or a
     *         non-member; {@code FORBIDDEN} unless the owner
     */
    SharingGroupView removeMember(Caller caller, AuditContext context, SharingGroupId id, OrganizationId member);
}
