package org.carebridge.group;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.carebridge.access.AdminScope;
import org.carebridge.access.NotInScopeException;
import org.carebridge.organization.Organization;
import org.carebridge.platform.web.Messages;
import org.carebridge.user.User;

/**
 * Update Group: the group's details (name, whole-group messaging) and its members, who are
 * removed by ticking them and added from a searchable list of the organization's other
 * members. Every action loads the group again through {@link AdminScope}.
 */
@Named
@ViewScoped
public class UpdateGroupPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient AdminScope scope;

    @Inject
    transient GroupService groups;

    private String id;
    private ContactGroup group;
    private Organization organization;
    private String name;
    private boolean wholeGroupMessaging;
    private List<User> members = List.of();
    private List<User> selectedMembers = new ArrayList<>();
    private List<Candidate> candidates = List.of();
    private List<Long> chosen = new ArrayList<>();

    /** Someone who can be added, labelled so that namesakes can be told apart. */
    public record Candidate(Long id, String label) implements Serializable {
        static Candidate of(User user) {
            String email = user.getEmail();
            return new Candidate(user.getId(), user.getSortName() + (email == null ? "" : " (" + email + ")"));
        }
    }

    public void load() throws IOException {
        try {
            group = scope.group(GroupPages.parseId(id));
        } catch (NotInScopeException | NumberFormatException e) {
            GroupPages.notFound();
            return;
        }
        organization = group.getOrganization();
        resetDetails();
        members = groups.members(group);
    }

    public void save() {
        String problem = ContactGroup.nameProblem(name);
        if (problem != null) {
            Messages.fieldError("details:name", problem);
            return;
        }
        try {
            group = groups.update(current(), name, wholeGroupMessaging);
            resetDetails();
            Messages.info("Group updated.");
        } catch (DuplicateGroupNameException e) {
            Messages.fieldError("details:name", e.getMessage());
        } catch (IllegalArgumentException e) {
            // The name is fine, so the group refused whole-group messaging: someone emptied it meanwhile.
            afterMembershipChange();
            Messages.fieldError("details:wholeGroup", e.getMessage());
        }
    }

    public void cancel() {
        group = current();
        resetDetails();
        Messages.info("Changes discarded.");
    }

    public void removeSelected() {
        if (selectedMembers == null || selectedMembers.isEmpty()) {
            Messages.error("Tick the members to remove first.");
            return;
        }
        List<Long> ids = selectedMembers.stream().map(User::getId).toList();
        group = groups.removeMembers(current(), ids);
        afterMembershipChange();
        Messages.info(ids.size() == 1 ? "1 member removed from the group." : ids.size() + " members removed from the group.");
    }

    /** Fills the Add… dialog with the organization's members who are not in the group yet. */
    public void prepareAdd() {
        candidates = groups.candidates(current()).stream().map(Candidate::of).toList();
        chosen = new ArrayList<>();
    }

    public void addChosen() {
        if (chosen == null || chosen.isEmpty()) {
            Messages.fieldError("add:candidates", "Choose at least one person to add.");
            return;
        }
        ContactGroup current = current();
        try {
            group = groups.addMembers(current, chosen);
        } catch (NotInScopeException e) {
            Messages.fieldError("add:candidates", "Only members of this organization can join its groups. Nobody was added.");
            return;
        }
        int added = chosen.size();
        afterMembershipChange();
        Messages.info(added == 1 ? "1 member added to the group." : added + " members added to the group.");
    }

    /** "Members can send messages to whole group" is only offered while the group has members. */
    public boolean isWholeGroupAvailable() {
        return !members.isEmpty();
    }

    private ContactGroup current() {
        return scope.group(group.getId());
    }

    private void resetDetails() {
        name = group.getName();
        wholeGroupMessaging = group.isWholeGroupMessaging();
    }

    /** An emptied group loses whole-group messaging, so the form must not offer it back. */
    private void afterMembershipChange() {
        members = groups.members(group);
        selectedMembers = new ArrayList<>();
        chosen = new ArrayList<>();
        if (members.isEmpty()) {
            wholeGroupMessaging = false;
        }
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public ContactGroup getGroup() { return group; }
    public Organization getOrganization() { return organization; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public boolean isWholeGroupMessaging() { return wholeGroupMessaging; }
    public void setWholeGroupMessaging(boolean wholeGroupMessaging) { this.wholeGroupMessaging = wholeGroupMessaging; }
    public List<User> getMembers() { return members; }
    public List<User> getSelectedMembers() { return selectedMembers; }
    public void setSelectedMembers(List<User> selectedMembers) { this.selectedMembers = selectedMembers; }
    public List<Candidate> getCandidates() { return candidates; }
    public List<Long> getChosen() { return chosen; }
    public void setChosen(List<Long> chosen) { this.chosen = chosen; }
}
