package org.carebridge.user;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.carebridge.access.PasswordHasher;
import org.carebridge.organization.PhoneNumber;
import org.carebridge.organization.TimeZones;

/**
 * The fields of Create User Profile and Update User Profile as typed. {@link #problems} names
 * what is wrong field by field (the keys are the fields' ids on the page); {@link UserService}
 * applies a form that has none. The PIN and password are never filled from a stored user: blank
 * means "keep the current one" on update.
 */
public class ProfileForm implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Column sizes of app_user, so a long entry gets a message instead of a database error. */
    private static final Map<String, Integer> MAX = Map.ofEntries(
            Map.entry("title", 40), Map.entry("firstName", 100), Map.entry("middleName", 100),
            Map.entry("lastName", 100), Map.entry("nickname", 100), Map.entry("credentials", 100),
            Map.entry("jobTitle", 150), Map.entry("officeStreet", 200), Map.entry("officeStreet2", 200),
            Map.entry("officeCity", 100), Map.entry("officeState", 100), Map.entry("officePostalCode", 20),
            Map.entry("officePhone", 32), Map.entry("officeFax", 32), Map.entry("specialty", 150),
            Map.entry("subSpecialty", 150), Map.entry("medicalSchool", 200), Map.entry("residency", 200),
            Map.entry("fellowship", 200), Map.entry("practiceDescription", 4000));

    private String title;
    private String firstName;
    private String middleName;
    private String lastName;
    private String nickname;
    private String credentials;
    private String jobTitle;
    private String email;
    private String cellPhone;
    private String pin;
    private boolean pinTemporary;
    private String password;
    private String timeZone;
    private boolean orgAdmin;
    private boolean systemAdmin;
    private String officeStreet;
    private String officeStreet2;
    private String officeCity;
    private String officeState;
    private String officePostalCode;
    private String officePhone;
    private String officeFax;
    private PresenceStatus status = PresenceStatus.AVAILABLE;
    private LoginState loginState = LoginState.ENABLED;
    private StaffType staffType = StaffType.NON_PHYSICIAN;
    private String specialty;
    private String subSpecialty;
    private String medicalSchool;
    private String residency;
    private String fellowship;
    private String practiceDescription;
    private String homePageUrl;

    /** An empty form for a new user in an organization whose clocks show {@code zone}. */
    public static ProfileForm blank(ZoneId zone) {
        ProfileForm form = new ProfileForm();
        form.timeZone = zone.getId();
        return form;
    }

    /** The stored profile, ready to edit; PIN and password stay blank. */
    public static ProfileForm of(User user) {
        ProfileForm f = new ProfileForm();
        f.title = user.getTitle();
        f.firstName = user.getFirstName();
        f.middleName = user.getMiddleName();
        f.lastName = user.getLastName();
        f.nickname = user.getNickname();
        f.credentials = user.getCredentials();
        f.jobTitle = user.getJobTitle();
        f.email = user.getEmail();
        f.cellPhone = user.getCellPhone();
        f.pinTemporary = user.isPinTemporary();
        f.timeZone = user.getTimeZone();
        f.orgAdmin = user.isOrgAdmin();
        f.systemAdmin = user.isSystemAdmin();
        f.officeStreet = user.getOfficeStreet();
        f.officeStreet2 = user.getOfficeStreet2();
        f.officeCity = user.getOfficeCity();
        f.officeState = user.getOfficeState();
        f.officePostalCode = user.getOfficePostalCode();
        f.officePhone = user.getOfficePhone();
        f.officeFax = user.getOfficeFax();
        f.status = user.getStatus();
        f.loginState = user.getLoginState();
        f.staffType = user.getStaffType();
        f.specialty = user.getSpecialty();
        f.subSpecialty = user.getSubSpecialty();
        f.medicalSchool = user.getMedicalSchool();
        f.residency = user.getResidency();
        f.fellowship = user.getFellowship();
        f.practiceDescription = user.getPracticeDescription();
        f.homePageUrl = user.getHomePageUrl();
        return f;
    }

    /**
     * What is wrong, by field id, in the order the page shows the fields; empty when the form
     * can be saved. {@code creating}: a new user needs a PIN; on update a blank PIN keeps the old one.
     */
    public Map<String, String> problems(boolean creating) {
        Map<String, String> problems = new LinkedHashMap<>();
        lengths(problems);
        if (isBlank(firstName)) {
            problems.put("firstName", "Enter a first name.");
        }
        if (isBlank(lastName)) {
            problems.put("lastName", "Enter a last name.");
        }
        putIfProblem(problems, "email", User.emailProblem(email));
        if (!isBlank(cellPhone)) {
            try {
                PhoneNumber.parse(cellPhone);
            } catch (IllegalArgumentException e) {
                problems.put("cellPhone", e.getMessage());
            }
        }
        if (creating || !isBlank(pin)) {
            putIfProblem(problems, "pin", User.pinProblem(pin == null ? null : pin.strip()));
        }
        if (!isBlank(password)) {
            try {
                PasswordHasher.checkPasswordRule(password);
            } catch (IllegalArgumentException e) {
                problems.put("password", e.getMessage());
            }
        }
        try {
            TimeZones.parse(timeZone);
        } catch (IllegalArgumentException e) {
            problems.put("timeZone", e.getMessage());
        }
        if (status == null) {
            problems.put("status", "Choose a status.");
        }
        if (staffType == null) {
            problems.put("staffType", "Choose a staff type.");
        }
        if (staffType == StaffType.PHYSICIAN) {
            putIfProblem(problems, "homePageUrl", User.homePageUrlProblem(homePageUrl));
        }
        return problems;
    }

    private void lengths(Map<String, String> problems) {
        Map<String, String> values = Map.ofEntries(Map.entry("title", text(title)), Map.entry("firstName", text(firstName)),
                Map.entry("middleName", text(middleName)), Map.entry("lastName", text(lastName)),
                Map.entry("nickname", text(nickname)), Map.entry("credentials", text(credentials)),
                Map.entry("jobTitle", text(jobTitle)), Map.entry("officeStreet", text(officeStreet)),
                Map.entry("officeStreet2", text(officeStreet2)), Map.entry("officeCity", text(officeCity)),
                Map.entry("officeState", text(officeState)), Map.entry("officePostalCode", text(officePostalCode)),
                Map.entry("officePhone", text(officePhone)), Map.entry("officeFax", text(officeFax)),
                Map.entry("specialty", text(specialty)), Map.entry("subSpecialty", text(subSpecialty)),
                Map.entry("medicalSchool", text(medicalSchool)), Map.entry("residency", text(residency)),
                Map.entry("fellowship", text(fellowship)), Map.entry("practiceDescription", text(practiceDescription)));
        MAX.forEach((field, max) -> {
            if (values.get(field).length() > max) {
                problems.put(field, "At most " + max + " characters.");
            }
        });
    }

    /**
     * Writes the plain profile fields onto {@code user}: names, e-mail, contact, office, status
     * and, for physicians, the physician attributes (a non-physician's stored attributes are left
     * alone, so converting back restores them). PIN, password, roles, login and type are the
     * service's business.
     */
    void applyDetailsTo(User user) {
        user.setTitle(clean(title));
        user.rename(firstName, middleName, lastName);
        user.setNickname(clean(nickname));
        user.setCredentials(clean(credentials));
        user.setJobTitle(clean(jobTitle));
        user.changeEmail(email);
        user.setCellPhone(isBlank(cellPhone) ? null : PhoneNumber.parse(cellPhone).formatted());
        user.setTimeZone(TimeZones.parse(timeZone));
        user.setOfficeStreet(clean(officeStreet));
        user.setOfficeStreet2(clean(officeStreet2));
        user.setOfficeCity(clean(officeCity));
        user.setOfficeState(clean(officeState));
        user.setOfficePostalCode(clean(officePostalCode));
        user.setOfficePhone(clean(officePhone));
        user.setOfficeFax(clean(officeFax));
        user.changeStatus(status);
        if (user.isPhysician()) {
            user.setSpecialty(clean(specialty));
            user.setSubSpecialty(clean(subSpecialty));
            user.setMedicalSchool(clean(medicalSchool));
            user.setResidency(clean(residency));
            user.setFellowship(clean(fellowship));
            user.setPracticeDescription(clean(practiceDescription));
            user.setHomePageUrl(clean(homePageUrl));
        }
    }

    /** The PIN typed, or {@code null} when the field was left blank. */
    public String typedPin() {
        return isBlank(pin) ? null : pin.strip();
    }

    /** The password typed, or {@code null} when the field was left blank. */
    public String typedPassword() {
        return isBlank(password) ? null : password;
    }

    /** Forgets the secrets typed, so a redisplayed form never carries them back to the browser. */
    public void clearSecrets() {
        pin = null;
        password = null;
    }

    private static void putIfProblem(Map<String, String> problems, String field, String problem) {
        if (problem != null) {
            problems.put(field, problem);
        }
    }

    static String clean(String value) {
        return isBlank(value) ? null : value.strip();
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getFirstName() { return firstName; }
    public void setFirstName(String firstName) { this.firstName = firstName; }
    public String getMiddleName() { return middleName; }
    public void setMiddleName(String middleName) { this.middleName = middleName; }
    public String getLastName() { return lastName; }
    public void setLastName(String lastName) { this.lastName = lastName; }
    public String getNickname() { return nickname; }
    public void setNickname(String nickname) { this.nickname = nickname; }
    public String getCredentials() { return credentials; }
    public void setCredentials(String credentials) { this.credentials = credentials; }
    public String getJobTitle() { return jobTitle; }
    public void setJobTitle(String jobTitle) { this.jobTitle = jobTitle; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getCellPhone() { return cellPhone; }
    public void setCellPhone(String cellPhone) { this.cellPhone = cellPhone; }
    public String getPin() { return pin; }
    public void setPin(String pin) { this.pin = pin; }
    public boolean isPinTemporary() { return pinTemporary; }
    public void setPinTemporary(boolean pinTemporary) { this.pinTemporary = pinTemporary; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getTimeZone() { return timeZone; }
    public void setTimeZone(String timeZone) { this.timeZone = timeZone; }
    public boolean isOrgAdmin() { return orgAdmin; }
    public void setOrgAdmin(boolean orgAdmin) { this.orgAdmin = orgAdmin; }
    public boolean isSystemAdmin() { return systemAdmin; }
    public void setSystemAdmin(boolean systemAdmin) { this.systemAdmin = systemAdmin; }
    public String getOfficeStreet() { return officeStreet; }
    public void setOfficeStreet(String officeStreet) { this.officeStreet = officeStreet; }
    public String getOfficeStreet2() { return officeStreet2; }
    public void setOfficeStreet2(String officeStreet2) { this.officeStreet2 = officeStreet2; }
    public String getOfficeCity() { return officeCity; }
    public void setOfficeCity(String officeCity) { this.officeCity = officeCity; }
    public String getOfficeState() { return officeState; }
    public void setOfficeState(String officeState) { this.officeState = officeState; }
    public String getOfficePostalCode() { return officePostalCode; }
    public void setOfficePostalCode(String officePostalCode) { this.officePostalCode = officePostalCode; }
    public String getOfficePhone() { return officePhone; }
    public void setOfficePhone(String officePhone) { this.officePhone = officePhone; }
    public String getOfficeFax() { return officeFax; }
    public void setOfficeFax(String officeFax) { this.officeFax = officeFax; }
    public PresenceStatus getStatus() { return status; }
    public void setStatus(PresenceStatus status) { this.status = status; }
    public LoginState getLoginState() { return loginState; }
    public void setLoginState(LoginState loginState) { this.loginState = loginState; }
    public StaffType getStaffType() { return staffType; }
    public void setStaffType(StaffType staffType) { this.staffType = staffType; }
    public String getSpecialty() { return specialty; }
    public void setSpecialty(String specialty) { this.specialty = specialty; }
    public String getSubSpecialty() { return subSpecialty; }
    public void setSubSpecialty(String subSpecialty) { this.subSpecialty = subSpecialty; }
    public String getMedicalSchool() { return medicalSchool; }
    public void setMedicalSchool(String medicalSchool) { this.medicalSchool = medicalSchool; }
    public String getResidency() { return residency; }
    public void setResidency(String residency) { this.residency = residency; }
    public String getFellowship() { return fellowship; }
    public void setFellowship(String fellowship) { this.fellowship = fellowship; }
    public String getPracticeDescription() { return practiceDescription; }
    public void setPracticeDescription(String practiceDescription) { this.practiceDescription = practiceDescription; }
    public String getHomePageUrl() { return homePageUrl; }
    public void setHomePageUrl(String homePageUrl) { this.homePageUrl = homePageUrl; }
}
