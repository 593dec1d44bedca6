package org.carebridge.invitation;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.carebridge.access.CurrentAdmin;
import org.carebridge.access.NotInScopeException;
import org.carebridge.group.ContactGroup;
import org.carebridge.mail.MailLayout;
import org.carebridge.platform.web.Messages;

/**
 * Where the mailed invitation link lands (after sign-in): who invites whom and until when, and
 * the answer: all users, or only some users in an existing or a new group. A link that can no
 * longer be used, or an invitation for another organization, gets an explanation instead.
 */
@Named
@ViewScoped
public class RespondToInvitationPage implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String GROUP_PAGE = "/console/group/edit.xhtml";
    public static final String ORGANIZATION_PAGE = "/console/organization/edit.xhtml";

    /** Who in the invited organization the inviting organization may reach. */
    public enum Whom { ALL, SOME }

    @Inject
    transient AffiliationInvitations invitations;

    @Inject
    transient CurrentAdmin admin;

    private String token;
    private InvitationView view = InvitationView.of(LinkStatus.UNKNOWN);
    private Whom whom = Whom.ALL;
    private Long groupId;
    private String newGroupName;

    public void load() {
        view = invitations.check(token);
    }

    public void accept() throws IOException {
        InvitationView.Details details = view.details();
        if (!view.status().isUsable() || details == null) {
            return;
        }
        try {
            if (whom == Whom.ALL) {
                invitations.acceptForAll(token, admin.user());
                Messages.info(details.invitedName() + " and " + details.invitingName()
                        + " are now affiliates: all of your members can communicate with " + details.invitingName()
                        + ".");
                redirect(ORGANIZATION_PAGE + "?id=" + details.invitedId());
            } else {
                // A group chosen from the list wins over a name typed before choosing it.
                GroupChoice choice = new GroupChoice(groupId, groupId == null ? newGroupName : null);
                ContactGroup group = invitations.acceptForGroup(token, admin.user(), choice);
                Messages.info(details.invitedName() + " and " + details.invitingName() + " are now affiliates. Only "
                        + "members of the group " + group.getName() + " can communicate with " + details.invitingName()
                        + ": add the members who need to.");
                redirect(GROUP_PAGE + "?id=" + group.getId());
            }
        } catch (UnusableInvitationException e) {
            load();
        } catch (NotInScopeException e) {
            view = InvitationView.of(LinkStatus.NOT_YOURS);
        } catch (IllegalArgumentException e) {
            Messages.fieldError(groupId == null ? "respond:newGroupName" : "respond:group", e.getMessage());
        }
    }

    private static void redirect(String path) throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + path);
    }

    public boolean isOpen() {
        return view.status().isUsable();
    }

    public boolean isRefused() {
        return view.status() == LinkStatus.NOT_YOURS;
    }

    public boolean isUnusable() {
        return !isOpen() && !isRefused();
    }

    public boolean isSomeUsers() {
        return whom == Whom.SOME;
    }

    public String getExplanation() {
        return view.status().explanation();
    }

    public InvitationView.Details getDetails() {
        return view.details();
    }

    public List<InvitationView.GroupOption> getGroups() {
        return view.groups();
    }

    /** The expiry on the signed-in administrator's clock. */
    public String getExpires() {
        return view.details() == null ? "" : MailLayout.dateTime(view.details().expiresAt(), admin.user().timeZone());
    }

    public String getSent() {
        return view.details() == null ? "" : MailLayout.dateTime(view.details().sentAt(), admin.user().timeZone());
    }

    public String getToken() { return token; }
    public void setToken(String token) { this.token = token; }
    public Whom getWhom() { return whom; }
    public void setWhom(Whom whom) { this.whom = whom == null ? Whom.ALL : whom; }
    public Long getGroupId() { return groupId; }
    public void setGroupId(Long groupId) { this.groupId = groupId; }
    public String getNewGroupName() { return newGroupName; }
    public void setNewGroupName(String newGroupName) { this.newGroupName = newGroupName; }
}
