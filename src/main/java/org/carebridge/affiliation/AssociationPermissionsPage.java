package org.carebridge.affiliation;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.carebridge.access.AdminScope;
import org.carebridge.access.NotInScopeException;
import org.carebridge.group.ContactGroup;
import org.carebridge.organization.Organization;
import org.carebridge.platform.web.Messages;

/**
 * Association Permissions: which of our members an affiliate may reach — none (communication
 * ended for now), everyone, or members of chosen groups.
 */
@Named
@ViewScoped
public class AssociationPermissionsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient AdminScope scope;

    @Inject
    transient AffiliationService affiliations;

    /** The affiliation, from the URL. */
    private Long id;
    /** Our side, from the URL; empty means the administrator's own organization. */
    private Long org;

    private Organization side;
    private String affiliateName;
    private AssociationPermission permission;
    private List<Long> chosenGroups = new ArrayList<>();
    private List<ContactGroup> groups;

    public void load() throws IOException {
        try {
            side = scope.organization(org);
            Affiliation affiliation = scope.affiliation(id, side);
            affiliateName = affiliation.otherSide(side).getName();
            permission = affiliation.permissionOf(side);
            chosenGroups = new ArrayList<>(affiliation.groupsOf(side).stream().map(ContactGroup::getId).toList());
            groups = affiliations.groupsOf(side);
        } catch (NotInScopeException e) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "Not found");
            FacesContext.getCurrentInstance().responseComplete();
        }
    }

    public void save() {
        Organization checkedSide = scope.organization(side.getId());
        Affiliation affiliation = scope.affiliation(id, checkedSide);
        if (permission == null) {
            Messages.fieldError("permissions:permission", "Choose who may communicate with " + affiliateName + ".");
            return;
        }
        if (permission == AssociationPermission.GROUPS && chosenGroups.isEmpty()) {
            Messages.fieldError("permissions:groups", "Choose at least one group.");
            return;
        }
        try {
            affiliations.setPermission(affiliation, checkedSide, permission,
                    permission == AssociationPermission.GROUPS ? chosenGroups : List.of());
            if (permission != AssociationPermission.GROUPS) {
                chosenGroups = new ArrayList<>();
            }
            Messages.info("Permissions updated successfully");
        } catch (IllegalArgumentException e) {
            Messages.error(e.getMessage());
        }
    }

    public AssociationPermission[] getPermissions() {
        return AssociationPermission.values();
    }

    /** The choice as the page words it: the whole organization is named. */
    public String label(AssociationPermission choice) {
        return switch (choice) {
            case NONE -> "None: nobody in " + side.getName() + " (communication paused)";
            case WHOLE_ORGANIZATION -> "Everyone in " + side.getName();
            case GROUPS -> "Only members of the groups chosen below";
        };
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getOrg() { return org; }
    public void setOrg(Long org) { this.org = org; }
    public Organization getSide() { return side; }
    public String getAffiliateName() { return affiliateName; }
    public AssociationPermission getPermission() { return permission; }
    public void setPermission(AssociationPermission permission) { this.permission = permission; }
    public List<Long> getChosenGroups() { return chosenGroups; }
    public void setChosenGroups(List<Long> chosenGroups) { this.chosenGroups = chosenGroups == null ? new ArrayList<>() : chosenGroups; }
    public List<ContactGroup> getGroups() { return groups; }
}
