package org.carebridge.practice;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.carebridge.platform.web.ConsolePages;
import org.carebridge.access.AdminScope;
import org.carebridge.access.NotInScopeException;
import org.carebridge.invitation.InvitationRefusedException;
import org.carebridge.invitation.Invitee;
import org.carebridge.invitation.InviteeFile;
import org.carebridge.invitation.UserInvitation;
import org.carebridge.invitation.UserInvitations;
import org.carebridge.organization.DuplicateNameException;
import org.carebridge.organization.Organization;
import org.carebridge.organization.OrganizationFields;
import org.carebridge.organization.OrganizationLicense;
import org.carebridge.organization.PhoneNumber;
import org.carebridge.platform.csv.CsvProblem;
import org.carebridge.platform.csv.CsvRejectedException;
import org.carebridge.platform.csv.CsvUpload;
import org.carebridge.platform.web.Messages;
import org.primefaces.model.file.UploadedFile;

/**
 * Create Practice, reached from the affiliates section of a hospital's Update Organization
 * page ({@code ?organization=} names the hospital, so system administrators can act for any).
 * Practices are never offered it, and the service refuses them too.
 */
@Named
@ViewScoped
public class CreatePracticePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient AdminScope scope;

    @Inject
    transient PracticeOnboarding onboarding;

    private String organizationParam;
    private Organization hospital;
    private String name;
    private String officeNumber;
    private String adminFirstName;
    private String adminLastName;
    private String adminEmail;
    private OrganizationLicense license = OrganizationLicense.NONE;
    private String addresses;
    private transient UploadedFile csv;
    private List<String> csvProblems = List.of();

    public void load() throws IOException {
        try {
            hospital = scope.organization(ConsolePages.parseId(organizationParam));
        } catch (NotInScopeException | NumberFormatException e) {
            ConsolePages.notFound();
            return;
        }
        if (!PracticeOnboarding.createsPractices(hospital)) {
            // Practices never create practices; the page does not exist for them.
            ConsolePages.notFound();
        }
    }

    public String create() {
        csvProblems = List.of();
        boolean ok = true;
        if (name == null || name.isBlank()) {
            Messages.fieldError("practice:name", "Enter the practice's name.");
            ok = false;
        }
        PhoneNumber office = OrganizationFields.officeNumber("practice:officeNumber", officeNumber);
        ok &= office != null;
        ok &= required("practice:adminFirstName", adminFirstName, "Enter the administrator's first name.");
        ok &= required("practice:adminLastName", adminLastName, "Enter the administrator's last name.");
        if (required("practice:adminEmail", adminEmail, "Enter the administrator's e-mail address.")) {
            try {
                UserInvitation.normalizeEmail(adminEmail);
            } catch (IllegalArgumentException e) {
                Messages.fieldError("practice:adminEmail", e.getMessage());
                ok = false;
            }
        } else {
            ok = false;
        }
        InviteeFile initialUsers = initialUsers();
        if (!ok || initialUsers == null) {
            return null;
        }
        try {
            Organization practice = onboarding.create(hospital.getId(), new PracticeOnboarding.NewPractice(name,
                    office, adminFirstName, adminLastName, adminEmail, license, initialUsers.invitees(),
                    initialUsers.departments()));
            String admin = adminEmail.strip();
            long users = initialUsers.invitees().stream().filter(i -> !i.email().equalsIgnoreCase(admin)).count();
            Messages.info("Practice " + practice.getName() + " was created and is now an affiliate. " + admin
                    + " has been invited to register as its administrator"
                    + (users == 0 ? "." : ", and " + users + (users == 1 ? " user has" : " users have")
                            + " been invited to join it."));
            return "/console/organization/edit?faces-redirect=true&id=" + hospital.getId();
        } catch (DuplicateNameException e) {
            Messages.fieldError("practice:name", e.getMessage());
        } catch (PracticeOnboarding.AdministratorTakenException e) {
            Messages.fieldError("practice:adminEmail", e.getMessage());
        } catch (InvitationRefusedException e) {
            Messages.fieldError("practice:addresses", e.getMessage() + " Nothing was created.");
        } catch (IllegalArgumentException | IllegalStateException e) {
            Messages.error(e.getMessage());
        }
        return null;
    }

    /**
     * The initial users from the address list and the CSV file together (each address once), or
     * {@code null} after showing what is wrong with them.
     */
    private InviteeFile initialUsers() {
        try {
            List<Invitee> people = new ArrayList<>(UserInvitations.fromAddressList(addresses));
            List<String> departments = List.of();
            if (csv != null && csv.getSize() > 0) {
                InviteeFile file = UserInvitations.fromCsv(csv.getFileName(), csv.getContentType(), csv.getContent());
                people.addAll(file.invitees());
                departments = file.departments();
            }
            return new InviteeFile(people, departments);
        } catch (CsvRejectedException e) {
            Messages.fieldError("practice:csv", "The CSV file was not used and nothing was created. Correct the"
                    + " lines below and choose the file again.");
            csvProblems = e.problems().stream().map(CsvProblem::describe).toList();
            return null;
        } catch (InvitationRefusedException e) {
            Messages.fieldError("practice:addresses", e.getMessage());
            return null;
        }
    }

    private static boolean required(String clientId, String value, String message) {
        if (value == null || value.isBlank()) {
            Messages.fieldError(clientId, message);
            return false;
        }
        return true;
    }

    public long getSizeLimit() {
        return CsvUpload.MAX_BYTES;
    }

    public List<OrganizationLicense> getLicenses() {
        return Arrays.asList(OrganizationLicense.values());
    }

    public String getOrganizationParam() { return organizationParam; }
    public void setOrganizationParam(String organizationParam) { this.organizationParam = organizationParam; }
    public Organization getHospital() { return hospital; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getOfficeNumber() { return officeNumber; }
    public void setOfficeNumber(String officeNumber) { this.officeNumber = officeNumber; }
    public String getAdminFirstName() { return adminFirstName; }
    public void setAdminFirstName(String adminFirstName) { this.adminFirstName = adminFirstName; }
    public String getAdminLastName() { return adminLastName; }
    public void setAdminLastName(String adminLastName) { this.adminLastName = adminLastName; }
    public String getAdminEmail() { return adminEmail; }
    public void setAdminEmail(String adminEmail) { this.adminEmail = adminEmail; }
    public OrganizationLicense getLicense() { return license; }
    public void setLicense(OrganizationLicense license) { this.license = license; }
    public String getAddresses() { return addresses; }
    public void setAddresses(String addresses) { this.addresses = addresses; }
    public UploadedFile getCsv() { return csv; }
    public void setCsv(UploadedFile csv) { this.csv = csv; }
    public List<String> getCsvProblems() { return csvProblems; }
}
