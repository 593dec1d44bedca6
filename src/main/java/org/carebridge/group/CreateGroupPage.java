package org.carebridge.group;

import java.io.IOException;
import java.io.Serializable;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.carebridge.platform.web.ConsolePages;
import org.carebridge.access.AdminScope;
import org.carebridge.access.NotInScopeException;
import org.carebridge.organization.Organization;
import org.carebridge.platform.web.Messages;

/**
 * Create Group, reached from the Sub groups section of Update Organization. The address names
 * the organization ({@code ?organization=}) so a system administrator can create groups in any
 * organization; without it the group goes to the administrator's own.
 */
@Named
@ViewScoped
public class CreateGroupPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient AdminScope scope;

    @Inject
    transient GroupService groups;

    private String organizationParam;
    private Organization organization;
    private String name;

    public void load() throws IOException {
        try {
            organization = scope.organization(ConsolePages.parseId(organizationParam));
        } catch (NotInScopeException | NumberFormatException e) {
            ConsolePages.notFound();
        }
    }

    /** Creates the group and opens it, where members are added next. */
    public String save() {
        String problem = ContactGroup.nameProblem(name);
        if (problem != null) {
            Messages.fieldError("create:name", problem);
            return null;
        }
        Organization current = scope.organization(organization.getId());
        try {
            // A new group has no members, so whole-group messaging always starts off.
            ContactGroup group = groups.create(current, name, false);
            Messages.info("Group " + group.getName() + " created. Use Add… to choose its members.");
            return "/console/group/edit?faces-redirect=true&id=" + group.getId();
        } catch (DuplicateGroupNameException e) {
            Messages.fieldError("create:name", e.getMessage());
            return null;
        }
    }

    public String getOrganizationParam() { return organizationParam; }
    public void setOrganizationParam(String organizationParam) { this.organizationParam = organizationParam; }
    public Organization getOrganization() { return organization; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
}
