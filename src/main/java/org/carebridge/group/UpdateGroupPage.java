package org.carebridge.group;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.context.FacesContext;

import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.carebridge.platform.web.ConsolePages;
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
    /** The Add… dialog: the search text, its results paged by the database, and the ticks. */
    private String candidateSearch;
    private CandidatesModel candidates;
    private int candidatesInOrganization;
    private Map<Long, Boolean> ticks = new HashMap<>();

    /** Someone who can be added, labelled so that namesakes can be told apart. */
    public record Candidate(Long id, String label) implements Serializable {
        static Candidate of(User user) {
            String email = user.getEmail();
            return new Candidate(user.getId(), user.getSortName() + (email == null ? "" : " (" + email + ")"));
        }
    }

    public void load() throws IOException {
        try {
            group = scope.group(ConsolePages.parseId(id));
        } catch (NotInScopeException | NumberFormatException e) {
            ConsolePages.notFound();
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

    /** Opens the Add… dialog afresh: no search, nobody ticked. */
    public void prepareAdd() {
        candidateSearch = null;
        ticks = new HashMap<>();
        candidates = new CandidatesModel(group.getId());
        candidatesInOrganization = groups.countCandidates(current(), null);
    }

    /** A new search starts at the first page; ticks made under earlier searches stay. */
    public void searchCandidates() {
        DataTable table = (DataTable) FacesContext.getCurrentInstance().getViewRoot().findComponent(":add:candidates");
        if (table != null) {
            table.setFirst(0);
        }
    }

    public int getChosenCount() {
        return chosenIds().size();
    }

    public void addChosen() {
        List<Long> chosen = chosenIds();
        if (chosen.isEmpty()) {
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

    private List<Long> chosenIds() {
        return ticks.entrySet().stream().filter(e -> Boolean.TRUE.equals(e.getValue())).map(Map.Entry::getKey)
                .sorted().toList();
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
        ticks = new HashMap<>();
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
    public CandidatesModel getCandidates() { return candidates; }
    public boolean isAnyoneToAdd() { return candidatesInOrganization > 0; }
    public String getCandidateSearch() { return candidateSearch; }
    public void setCandidateSearch(String candidateSearch) { this.candidateSearch = candidateSearch; }
    public Map<Long, Boolean> getTicks() { return ticks; }

    /** The people one can add, matching the dialog's search, one page at a time from the database. */
    public class CandidatesModel extends LazyDataModel<Candidate> {
        private static final long serialVersionUID = 1L;
        private final long groupId;

        CandidatesModel(long groupId) {
            this.groupId = groupId;
        }

        private ContactGroup checkedGroup() {
            return CDI.current().select(AdminScope.class).get().group(groupId);
        }

        private GroupService service() {
            return CDI.current().select(GroupService.class).get();
        }

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return service().countCandidates(checkedGroup(), candidateSearch);
        }

        @Override
        public List<Candidate> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                Map<String, FilterMeta> filterBy) {
            return service().candidates(checkedGroup(), candidateSearch, first, pageSize).stream()
                    .map(Candidate::of).toList();
        }

        @Override
        public String getRowKey(Candidate candidate) {
            return String.valueOf(candidate.id());
        }

        @Override
        public Candidate getRowData(String rowKey) {
            return null;
        }
    }
}
