package org.electionpool.hub.web.ui;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.api.audit.RequestReceipts;
import org.electionpool.hub.api.indicators.SharingGroupId;
import org.electionpool.hub.api.indicators.SharingGroupRequest;
import org.electionpool.hub.api.indicators.SharingGroupService;
import org.electionpool.hub.api.indicators.SharingGroupView;
import org.electionpool.hub.api.organizations.OrganizationId;
import org.electionpool.hub.api.problem.HubException;

/**
 * The sharing groups the person's organisation owns or belongs to: create one (name, description,
 * first members), and for an owned group add or remove members. Removing a member ends its reads
 * of what is shared with the group at once (the service's rule). Each act shows its receipt.
 */
@Named
@ViewScoped
public class SharingGroupsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    SharingGroupService groups;

    @Inject
    UiContext ui;

    @Inject
    Problems problems;

    @Inject
    Validator validator;

    @Inject
    RequestReceipts receipts;

    private List<SharingGroupView> list;
    private String name;
    private String description;
    private String members;
    private final Map<String, String> newMember = new HashMap<>();
    private final List<String> steps = new ArrayList<>();

    /** @return the groups, read once per view and after each act (an audited read) */
    public List<SharingGroupView> getGroups() {
        if (list == null) {
            try {
                list = groups.list(ui.caller(), ui.attest("sharing_group.list", null)).groups();
            } catch (HubException e) {
                problems.show(e);
                list = List.of();
            }
        }
        return list;
    }

    /** @return whether the person's organisation owns the group */
    public boolean owns(SharingGroupView group) {
        return ui.caller().organization().value().equals(group.owner());
    }

    /** @return whether the person may change groups (an analyst) */
    public boolean isMayEdit() {
        return ui.has("ANALYST");
    }

    /** Creates a group owned by the person's organisation. */
    public String create() {
        SharingGroupRequest request = new SharingGroupRequest(FormValues.blank(name), FormValues.blank(description),
                FormValues.list(members, false));
        Set<ConstraintViolation<SharingGroupRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            problems.show(violations);
            return null;
        }
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("description", description);
        form.put("members", members);
        AuditContext context = ui.attest("sharing_group.create", form);
        try {
            SharingGroupView created = groups.create(ui.caller(), context, request);
            done(context, ui.text("groups.created", created.name()));
            name = null;
            description = null;
            members = null;
        } catch (HubException e) {
            problems.show(e);
        }
        return null;
    }

    /** Adds the organisation typed in the group's row. */
    public String add(String groupId) {
        String member = FormValues.blank(newMember.get(groupId));
        if (member == null || OrganizationId.parse(member).isEmpty()) {
            problems.field("member-" + groupId, ui.text("violation.must-be-an-organisation-id"));
            problems.global(ui.text("problem.validation-failed"));
            return null;
        }
        AuditContext context = ui.attest("sharing_group.member.add", Map.of("group", groupId, "organization", member));
        try {
            groups.addMember(ui.caller(), context, group(groupId), new OrganizationId(member));
            newMember.remove(groupId);
            done(context, ui.text("groups.member.added", member));
        } catch (HubException e) {
            problems.show(e);
        }
        return null;
    }

    /** Removes a member from an owned group. */
    public String remove(String groupId, String member) {
        AuditContext context = ui.attest("sharing_group.member.remove", Map.of("group", groupId, "organization", member));
        try {
            groups.removeMember(ui.caller(), context, group(groupId), new OrganizationId(member));
            done(context, ui.text("groups.member.removed", member));
        } catch (HubException e) {
            problems.show(e);
        }
        return null;
    }

    private static SharingGroupId group(String id) {
        return SharingGroupId.parse(id).orElseThrow(() -> HubException.notFound("Sharing group"));
    }

    private void done(AuditContext context, String what) {
        steps.add(ui.receipt(receipts, context, what));
        list = null;
    }

    public Map<String, String> getNewMember() {
        return newMember;
    }

    public List<String> getSteps() {
        return steps;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getMembers() {
        return members;
    }

    public void setMembers(String members) {
        this.members = members;
    }
}
