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
import org.carebridge.integration.ImportedUsers;
import org.carebridge.organization.Organization;
import org.carebridge.organization.TimeZones;
import org.carebridge.platform.web.Messages;
import org.carebridge.platform.web.ConsolePages;

/**
 * Create User Profile: every field of the profile; the new user then opens in Update User Profile.
 * Opened from an Imported User page ({@code ?linkImported=}), it starts from the imported user's
 * names and links the imported user to the new profile when it is saved.
 */
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

    @Inject
    transient ImportedUsers imported;

    private String organizationParam;
    private Organization organization;
    private ProfileForm form;
    /** {@code ?linkImported=}: the imported user the new profile is linked to on save. */
    private String linkImportedParam;
    private User linking;

    public void load() throws IOException {
        try {
            organization = scope.organization(ConsolePages.parseId(organizationParam));
            if (linkImportedParam != null) {
                // Opened from an Imported User page: an imported user of this organization, not linked yet.
                linking = scope.user(ConsolePages.parseId(linkImportedParam));
                if (linking.getKind() != UserKind.EXTERNAL || linking.getLinkedUser() != null
                        || !linking.getOrganization().getId().equals(organization.getId())) {
                    throw new NotInScopeException("User " + linking.getId() + " cannot be linked from here");
                }
            }
        } catch (NotInScopeException | NumberFormatException e) {
            ConsolePages.notFound();
            return;
        }
        if (form == null) {
            form = ProfileForm.blank(organization.timeZone());
            if (linking != null) {
                form.setFirstName(linking.getFirstName());
                form.setMiddleName(linking.getMiddleName());
                form.setLastName(linking.getLastName());
            }
        }
    }

    public String save() {
        Organization current = scope.organization(organization.getId());
        try {
            User user;
            if (linking == null) {
                user = users.create(current, form);
                Messages.info("User " + user.getSortName() + " created.");
            } else {
                user = imported.createLinkedProfile(scope.user(linking.getId()), current, form);
                Messages.info("User " + user.getSortName() + " created and linked to the imported user "
                        + linking.getStaffId() + ".");
            }
            return "/console/user/edit?faces-redirect=true&id=" + user.getId();
        } catch (ProfileProblemsException e) {
            UserPages.showProblems("profile", e.problems());
        } catch (DuplicateEmailException e) {
            Messages.fieldError("profile:email", e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException e) {
            Messages.error(e.getMessage());
        } catch (NotInScopeException e) {
            // Only the imported user can have gone since the page opened: a sync removed it.
            Messages.error("The imported user is no longer there (the last sync removed it). Nothing was created.");
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
    public String getLinkImportedParam() { return linkImportedParam; }
    public void setLinkImportedParam(String linkImportedParam) { this.linkImportedParam = linkImportedParam; }
    public User getLinking() { return linking; }
}
