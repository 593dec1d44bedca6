package org.carebridge.user;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.carebridge.access.AdminScope;
import org.carebridge.access.CurrentAdmin;
import org.carebridge.access.NotInScopeException;
import org.carebridge.organization.Organization;
import org.carebridge.organization.TimeZones;
import org.carebridge.platform.web.Messages;
import org.carebridge.platform.web.ConsolePages;

/** Create User Profile: every field of the profile; the new user then opens in Update User Profile. */
@Named
@ViewScoped
public class CreateUserPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient AdminScope scope;

    @Inject
    transient UserService users;

    @Inject
    transient CurrentAdmin admin;

    private String organizationParam;
    private Organization organization;
    private ProfileForm form;

    public void load() throws IOException {
        try {
            organization = scope.organization(ConsolePages.parseId(organizationParam));
        } catch (NotInScopeException | NumberFormatException e) {
            ConsolePages.notFound();
            return;
        }
        if (form == null) {
            form = ProfileForm.blank(organization.timeZone());
        }
    }

    public String save() {
        Organization current = scope.organization(organization.getId());
        try {
            User user = users.create(current, form);
            Messages.info("User " + user.getSortName() + " created.");
            return "/console/user/edit?faces-redirect=true&id=" + user.getId();
        } catch (ProfileProblemsException e) {
            UserPages.showProblems("profile", e.problems());
        } catch (DuplicateEmailException e) {
            Messages.fieldError("profile:email", e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException e) {
            Messages.error(e.getMessage());
        }
        form.clearSecrets();
        return null;
    }

    public boolean isSystemAdminEditable() {
        return admin.isSystemAdmin();
    }

    public List<String> getTimeZones() {
        return TimeZones.choices();
    }

    public PresenceStatus[] getStatuses() {
        return PresenceStatus.values();
    }

    public StaffType[] getStaffTypes() {
        return StaffType.values();
    }

    public String getOrganizationParam() { return organizationParam; }
    public void setOrganizationParam(String organizationParam) { this.organizationParam = organizationParam; }
    public Organization getOrganization() { return organization; }
    public ProfileForm getForm() { return form; }
}
