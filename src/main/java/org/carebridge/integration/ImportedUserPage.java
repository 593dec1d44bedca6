package org.carebridge.integration;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.carebridge.access.AdminScope;
import org.carebridge.access.NotInScopeException;
import org.carebridge.platform.web.ConsolePages;
import org.carebridge.platform.web.Messages;
import org.carebridge.user.BadgeStatus;
import org.carebridge.user.User;
import org.carebridge.user.UserKind;

/**
 * Imported User: what the on-premises system sent about a synced user (staff id, names, badge
 * phone number, external id), the names editable by administrators, and "Link to a native
 * profile" with likely matches. Every action loads the user again through {@link AdminScope}.
 */
@Named
@ViewScoped
public class ImportedUserPage implements Serializable {

    private static final long serialVersionUID = 1L;

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

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public User getUser() { return user; }
    /** The linked badge's voice and messaging status, as the connector last reported it. */
    public String getBadgeStatus() { return BadgeStatus.describe(user.getBadgeStatus()); }
    public String getFirstName() { return firstName; }
    public void setFirstName(String firstName) { this.firstName = firstName; }
    public String getMiddleName() { return middleName; }
    public void setMiddleName(String middleName) { this.middleName = middleName; }
    public String getLastName() { return lastName; }
    public void setLastName(String lastName) { this.lastName = lastName; }
    public String getSearch() { return search; }
    public void setSearch(String search) { this.search = search; }
    public List<User> getMatches() { return matches; }
}
