package org.carebridge.system;

import java.io.IOException;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.carebridge.access.CurrentAdmin;
import org.carebridge.organization.DuplicateNameException;
import org.carebridge.organization.Organization;
import org.carebridge.organization.OrganizationFields;
import org.carebridge.organization.PhoneNumber;
import org.carebridge.organization.TimeZones;
import org.carebridge.platform.web.Messages;

/** System Admin ▸ Create Hospital. */
@Named
@RequestScoped
public class CreateHospitalPage {

    @Inject
    HospitalOnboarding onboarding;

    @Inject
    CurrentAdmin admin;

    private String name;
    private String officeNumber;
    private String timeZone = "America/New_York";
    private String adminFirstName;
    private String adminLastName;
    private String adminEmail;

    public void create() throws IOException {
        if (!admin.isSystemAdmin()) {
            Messages.error("Only system administrators create hospitals.");
            return;
        }
        PhoneNumber office = OrganizationFields.officeNumber("hospital:officeNumber", officeNumber);
        java.time.ZoneId zone = OrganizationFields.timeZone("hospital:timeZone", timeZone);
        boolean ok = office != null && zone != null;
        if (adminEmail == null || !adminEmail.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            Messages.fieldError("hospital:adminEmail", "Enter the administrator's e-mail address.");
            ok = false;
        }
        if (!ok) {
            return;
        }
        try {
            Organization hospital = onboarding.createHospital(new HospitalOnboarding.NewHospital(name, office, zone,
                    adminFirstName, adminLastName, adminEmail));
            Messages.info("Hospital " + hospital.getName() + " created. " + adminEmail.strip()
                    + " has been mailed a link to choose a password.");
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            external.redirect(external.getRequestContextPath() + "/console/organization/edit.xhtml?id=" + hospital.getId());
        } catch (DuplicateNameException e) {
            Messages.fieldError("hospital:name", e.getMessage());
        } catch (HospitalOnboarding.EmailTakenException e) {
            Messages.fieldError("hospital:adminEmail", e.getMessage());
        } catch (IllegalArgumentException e) {
            Messages.error(e.getMessage());
        }
    }

    public java.util.List<String> getTimeZones() {
        return TimeZones.choices();
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getOfficeNumber() { return officeNumber; }
    public void setOfficeNumber(String officeNumber) { this.officeNumber = officeNumber; }
    public String getTimeZone() { return timeZone; }
    public void setTimeZone(String timeZone) { this.timeZone = timeZone; }
    public String getAdminFirstName() { return adminFirstName; }
    public void setAdminFirstName(String adminFirstName) { this.adminFirstName = adminFirstName; }
    public String getAdminLastName() { return adminLastName; }
    public void setAdminLastName(String adminLastName) { this.adminLastName = adminLastName; }
    public String getAdminEmail() { return adminEmail; }
    public void setAdminEmail(String adminEmail) { this.adminEmail = adminEmail; }
}
