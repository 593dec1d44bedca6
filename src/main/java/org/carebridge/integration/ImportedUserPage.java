package org.carebridge.integration;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.carebridge.access.AdminScope;
import org.carebridge.access.NotInScopeException;
import org.carebridge.invitation.InvitationRefusedException;
import org.carebridge.invitation.UserInvitation;
import org.carebridge.platform.web.ConsolePages;
import org.carebridge.platform.web.Messages;
import org.carebridge.user.User;
import org.carebridge.user.UserKind;

/**
 * Imported User: what the on-premises system sent about a synced user (staff id, names, badge
 * phone number, external id), the names editable by administrators, and "Link to a native
 * profile" with likely matches, or a new profile for the person: by invitation (linked when they
 * register) or by hand (Create User Profile, linked on save). Every action loads the user again
 * through {@link AdminScope}.
 */
@Named
@ViewScoped
public class ImportedUserPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String INVITE = "invite";
    static final String MANUAL = "manual";

    @Inject
    transient AdminScope scope;

    @Inject
    transient ImportedUsers imported;

    private String id;
    private User user;
    private String firstName;
    private String middleName;
    private String lastName;
    private String search;
    private List<User> matches = List.of();
    private List<UserInvitation> pending = List.of();
    private String createMethod = INVITE;
    private boolean inviting;
    private String inviteEmail;
    private String inviteFirstName;
    private String inviteLastName;

    public void load() throws IOException {
        try {
            user = scope.user(ConsolePages.parseId(id));
        } catch (NotInScopeException | NumberFormatException e) {
            ConsolePages.notFound();
            return;
        }
        if (user.getKind() != UserKind.EXTERNAL) {
            ConsolePages.notFound();
            return;
        }
        resetNames();
        refreshPending();
    }

    private void resetNames() {
        firstName = user.getFirstName();
        middleName = user.getMiddleName();
        lastName = user.getLastName();
    }

    private User current() {
        return scope.user(user.getId());
    }

    public void save() {
        try {
            user = imported.rename(current(), firstName, middleName, lastName);
            resetNames();
            Messages.info("Names saved. The next sync replaces them if the on-premises system has other names.");
        } catch (IllegalArgumentException e) {
            Messages.error(e.getMessage());
        }
    }

    /** Opens the link dialog with matches for the user's own name. */
    public void prepareLink() {
        search = user.getFirstName() + " " + user.getLastName();
        findMatches();
    }

    public void findMatches() {
        matches = imported.likelyMatches(current(), search);
    }

    public void link(Long profileId) {
        try {
            user = imported.link(current(), profileId);
            Messages.info("Linked to " + user.getLinkedUser().getSortName() + ".");
        } catch (IllegalArgumentException | IllegalStateException e) {
            Messages.error(e.getMessage());
        }
    }

    /** "Create a new profile for …": asks how, by invitation (the default) or by hand. */
    public void prepareCreate() {
        createMethod = INVITE;
        inviting = false;
        inviteEmail = null;
        inviteFirstName = user.getFirstName();
        inviteLastName = user.getLastName();
    }

    /** OK in the "how" dialog: the invitation form, or Create User Profile for this imported user. */
    public String chooseMethod() {
        if (MANUAL.equals(createMethod)) {
            return "/console/user/create?faces-redirect=true&organization=" + user.getOrganization().getId()
                    + "&linkImported=" + user.getId();
        }
        inviting = true;
        return null;
    }

    /** Send in the invitation form: the person registers from the mail, and is linked then. */
    public void invite() {
        try {
            UserInvitation sent = imported.inviteToLink(current(), inviteEmail, inviteFirstName, inviteLastName);
            refreshPending();
            Messages.info("Invitation sent to " + sent.getEmail() + ". The profile registered with it will be linked to "
                    + user.getFirstName() + " " + user.getLastName() + ".");
        } catch (InvitationRefusedException | IllegalArgumentException | IllegalStateException e) {
            Messages.fieldError("create:inviteEmail", e.getMessage());
        }
    }

    private void refreshPending() {
        pending = imported.pendingInvitations(user);
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public User getUser() { return user; }
    public String getFirstName() { return firstName; }
    public void setFirstName(String firstName) { this.firstName = firstName; }
    public String getMiddleName() { return middleName; }
    public void setMiddleName(String middleName) { this.middleName = middleName; }
    public String getLastName() { return lastName; }
    public void setLastName(String lastName) { this.lastName = lastName; }
    public String getSearch() { return search; }
    public void setSearch(String search) { this.search = search; }
    public List<User> getMatches() { return matches; }
    public List<UserInvitation> getPending() { return pending; }
    public String getCreateMethod() { return createMethod; }
    public void setCreateMethod(String createMethod) { this.createMethod = createMethod; }
    public boolean isInviting() { return inviting; }
    public String getInviteEmail() { return inviteEmail; }
    public void setInviteEmail(String inviteEmail) { this.inviteEmail = inviteEmail; }
    public String getInviteFirstName() { return inviteFirstName; }
    public void setInviteFirstName(String inviteFirstName) { this.inviteFirstName = inviteFirstName; }
    public String getInviteLastName() { return inviteLastName; }
    public void setInviteLastName(String inviteLastName) { this.inviteLastName = inviteLastName; }
}
