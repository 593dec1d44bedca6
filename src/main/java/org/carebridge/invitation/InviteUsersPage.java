package org.carebridge.invitation;

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
import org.carebridge.platform.csv.CsvProblem;
import org.carebridge.platform.csv.CsvRejectedException;
import org.carebridge.platform.csv.CsvUpload;
import org.carebridge.platform.web.Messages;
import org.primefaces.model.file.UploadedFile;

/**
 * Invite Users: addresses typed in a box, a CSV file, or both. Everything is read and checked
 * before anyone is invited; any problem is shown and nobody is invited. A system administrator
 * names the organization in the address ({@code ?organization=}).
 */
@Named
@ViewScoped
public class InviteUsersPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient AdminScope scope;

    @Inject
    transient UserInvitations invitations;

    private String organizationParam;
    private Organization organization;
    private String addresses;
    private transient UploadedFile file;

    public void load() throws IOException {
        try {
            organization = scope.organization(InvitationPages.parseId(organizationParam));
        } catch (NotInScopeException | NumberFormatException e) {
            InvitationPages.notFound();
        }
    }

    public String invite() {
        Organization current = scope.organization(organization.getId());
        List<Invitee> invitees = new ArrayList<>();
        List<String> departments = List.of();
        try {
            if (file != null && file.getSize() > 0) {
                InviteeFile read = UserInvitations.fromCsv(file.getFileName(), file.getContentType(),
                        file.getContent());
                invitees.addAll(read.invitees());
                departments = read.departments();
            }
            invitees.addAll(UserInvitations.fromAddressList(addresses));
            InvitationBatch batch = invitations.invite(current, invitees, departments, false);
            Messages.info("Invitations have been sent.");
            if (!batch.groupsCreated().isEmpty()) {
                Messages.info("Groups created from the Department column: " + String.join(", ", batch.groupsCreated())
                        + ".");
            }
            return "/console/user/invite?faces-redirect=true&organization=" + current.getId();
        } catch (CsvRejectedException e) {
            Messages.error("The file " + (file == null ? "" : file.getFileName() + " ")
                    + "was not used and nobody was invited. Correct it and upload it again.");
            e.problems().stream().limit(20).map(CsvProblem::describe).forEach(Messages::error);
        } catch (InvitationRefusedException | IllegalArgumentException e) {
            Messages.error(e.getMessage());
        }
        return null;
    }

    public int getSizeLimit() {
        return CsvUpload.MAX_BYTES;
    }

    public String getOrganizationParam() { return organizationParam; }
    public void setOrganizationParam(String organizationParam) { this.organizationParam = organizationParam; }
    public Organization getOrganization() { return organization; }
    public String getAddresses() { return addresses; }
    public void setAddresses(String addresses) { this.addresses = addresses; }
    public UploadedFile getFile() { return file; }
    public void setFile(UploadedFile file) { this.file = file; }
}
