package org.carebridge.user;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.carebridge.access.PinAttempts;
import org.carebridge.organization.Organization;

/**
 * A person in an organization's directory: a native user (created in Carebridge, may sign in)
 * or an external user synced from an on-premises system. The private cell number never leaves
 * the server except to the telephony provider.
 */
@Entity
@Table(name = "app_user")
@NamedQuery(name = User.BY_EMAIL, query = "select u from User u where u.email = :email")
@NamedQuery(name = User.ADMINS_OF, query = "select u from User u where u.organization.id = :organizationId"
        + " and u.orgAdmin = true order by u.lastName, u.firstName, u.id")
@NamedQuery(name = User.MEMBERS_OF, query = "select u from User u where u.organization.id = :organizationId"
        + " and u.removedAt is null order by u.lastName, u.firstName, u.id")
@NamedQuery(name = User.COUNT_MEMBERS_OF, query = "select count(u) from User u where u.organization.id = :organizationId"
        + " and u.removedAt is null")
@NamedQuery(name = User.LINKED_TO, query = "select u from User u where u.linkedUser.id = :userId order by u.externalId")
public class User implements PinAttempts {

    public static final String BY_EMAIL = "User.byEmail";
    public static final String ADMINS_OF = "User.adminsOf";
    public static final String MEMBERS_OF = "User.membersOf";
    public static final String COUNT_MEMBERS_OF = "User.countMembersOf";
    /** External (synced) users linked to a native profile: its "Linked accounts". */
    public static final String LINKED_TO = "User.linkedTo";
    public static final int PIN_LENGTH = 4;
    public static final int EMAIL_MAX = 254;
    public static final int HOME_PAGE_URL_MAX = 500;

    @Id
    @SequenceGenerator(name = "app_user_seq", sequenceName = "app_user_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "app_user_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "organization_id", nullable = false, updatable = false)
    private Organization organization;

    @Column(name = "staff_id", nullable = false, updatable = false)
    private String staffId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private UserKind kind;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "linked_user_id")
    private User linkedUser;

    @Column(name = "external_id")
    private String externalId;

    /** When a sync removed this external user ({@code null}: present); see {@link #removeFromSync}. */
    @Column(name = "removed_at")
    private Instant removedAt;

    /** The external id a removed user had; its {@code externalId} is cleared so the id can come back. */
    @Column(name = "removed_external_id")
    private String removedExternalId;

    private String title;
    @Column(name = "first_name", nullable = false)
    private String firstName;
    @Column(name = "middle_name")
    private String middleName;
    @Column(name = "last_name", nullable = false)
    private String lastName;
    private String nickname;
    private String credentials;
    @Column(name = "job_title")
    private String jobTitle;

    private String email;
    @Column(name = "cell_phone")
    private String cellPhone;

    @Column(name = "pin_hash")
    private String pinHash;
    @Column(name = "pin_temporary", nullable = false)
    private boolean pinTemporary;
    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "time_zone", nullable = false)
    private String timeZone;

    @Column(name = "org_admin", nullable = false)
    private boolean orgAdmin;
    @Column(name = "system_admin", nullable = false)
    private boolean systemAdmin;

    @Column(name = "office_street")
    private String officeStreet;
    @Column(name = "office_street2")
    private String officeStreet2;
    @Column(name = "office_city")
    private String officeCity;
    @Column(name = "office_state")
    private String officeState;
    @Column(name = "office_postal_code")
    private String officePostalCode;
    @Column(name = "office_phone")
    private String officePhone;
    @Column(name = "office_fax")
    private String officeFax;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PresenceStatus status = PresenceStatus.AVAILABLE;

    @Enumerated(EnumType.STRING)
    @Column(name = "login_state", nullable = false)
    private LoginState loginState = LoginState.ENABLED;

    @Enumerated(EnumType.STRING)
    @Column(name = "staff_type", nullable = false)
    private StaffType staffType = StaffType.NON_PHYSICIAN;

    private String specialty;
    @Column(name = "sub_specialty")
    private String subSpecialty;
    @Column(name = "medical_school")
    private String medicalSchool;
    private String residency;
    private String fellowship;
    @Column(name = "practice_description")
    private String practiceDescription;
    @Column(name = "home_page_url")
    private String homePageUrl;

    @Column(name = "guest_access_number")
    private String guestAccessNumber;
    @Column(name = "desk_phone")
    private String deskPhone;

    /** An administrator renamed this external user by hand since its last import. */
    @Column(name = "names_edited", nullable = false)
    private boolean namesEdited;

    /** A linked user's voice/messaging status as the connector reported it; {@code null} when never reported. */
    @Enumerated(EnumType.STRING)
    @Column(name = "badge_status")
    private BadgeStatus badgeStatus;

    @Column(name = "failed_pin_attempts", nullable = false)
    private int failedPinAttempts;
    @Column(name = "last_failed_pin_at")
    private Instant lastFailedPinAt;
    @Column(name = "next_pin_attempt_at")
    private Instant nextPinAttemptAt;
    @Column(name = "last_client_login_at")
    private Instant lastClientLoginAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /**
     * The directory clock's value at the last change clients must see (name, title, status, ...);
     * see {@code directory.DirectoryClock}. Incremental directory sync sends users stamped after
     * the client's token.
     */
    @Column(name = "directory_version", nullable = false)
    private long directoryVersion;

    @Version
    private long version;

    protected User() {
    }

    private User(Organization organization, UserKind kind, String firstName, String lastName, ZoneId timeZone,
            Instant now) {
        this.organization = organization;
        this.kind = kind;
        this.timeZone = timeZone.getId();
        this.createdAt = now;
        this.updatedAt = now;
        rename(firstName, null, lastName);
    }

    /** A person created in Carebridge, identified by e-mail. */
    public static User nativeUser(Organization organization, String email, String firstName, String lastName,
            ZoneId timeZone, Instant now) {
        User user = new User(organization, UserKind.NATIVE, firstName, lastName, timeZone, now);
        user.changeEmail(email);
        return user;
    }

    /** A person synced from an organization's on-premises system, identified by its external id. */
    public static User externalUser(Organization organization, String externalId, String firstName,
            String lastName, ZoneId timeZone, Instant now) {
        if (externalId == null || externalId.isBlank()) {
            throw new IllegalArgumentException("An external user needs its external id");
        }
        User user = new User(organization, UserKind.EXTERNAL, firstName, lastName, timeZone, now);
        user.externalId = externalId.strip();
        return user;
    }

    /** E-mail addresses are compared and stored in lower case. */
    public static String normalizeEmail(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Gives the user its staff id, derived from the database id (unique and never reused). Called
     * once, right after {@code persist} assigned the id; the column is never updated afterwards.
     */
    public void assignStaffId() {
        if (staffId != null) {
            throw new IllegalStateException("Staff id already assigned");
        }
        if (id == null) {
            throw new IllegalStateException("Persist the user before assigning its staff id");
        }
        this.staffId = String.valueOf(100_000 + id);
    }

    public void rename(String first, String middle, String last) {
        if (first == null || first.isBlank()) {
            throw new IllegalArgumentException("Enter a first name.");
        }
        if (last == null || last.isBlank()) {
            throw new IllegalArgumentException("Enter a last name.");
        }
        this.firstName = first.strip();
        this.middleName = middle == null || middle.isBlank() ? null : middle.strip();
        this.lastName = last.strip();
    }

    public void changeEmail(String newEmail) {
        String problem = emailProblem(newEmail);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        this.email = normalizeEmail(newEmail);
    }

    /** What is wrong with an e-mail address as a user id, or {@code null} when it will do. */
    public static String emailProblem(String email) {
        String normalized = normalizeEmail(email);
        if (normalized == null || normalized.isEmpty()) {
            return "Enter an e-mail address.";
        }
        if (normalized.length() > EMAIL_MAX || !normalized.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            return "Enter an e-mail address such as jane.doe@hospital.org.";
        }
        return null;
    }

    /** The client PIN rule: exactly four digits. Returns the message to show, or {@code null}. */
    public static String pinProblem(String pin) {
        if (pin == null || pin.isEmpty()) {
            return "Enter a PIN of " + PIN_LENGTH + " digits.";
        }
        if (!pin.matches("\\d{" + PIN_LENGTH + "}")) {
            return "The PIN must be exactly " + PIN_LENGTH + " digits (0-9).";
        }
        return null;
    }

    /** A home page must be an absolute http or https address. Returns the message, or {@code null}. */
    public static String homePageUrlProblem(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String text = url.strip();
        if (text.length() > HOME_PAGE_URL_MAX) {
            return "The home page address can be at most " + HOME_PAGE_URL_MAX + " characters.";
        }
        try {
            java.net.URI uri = new java.net.URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isBlank()) {
                return null;
            }
        } catch (java.net.URISyntaxException e) {
            // answered below
        }
        return "Enter a web address starting with http:// or https://, such as https://www.example.org.";
    }

    /**
     * An import from the on-premises system sets what that system owns: the names and the badge
     * phone parts. An administrator's earlier rename is replaced (the import counts it).
     */
    public void importedAs(String first, String middle, String last, String guestAccess, String desk) {
        if (kind != UserKind.EXTERNAL) {
            throw new IllegalStateException("Only external users are imported");
        }
        requirePresent();
        rename(first, middle, last);
        this.guestAccessNumber = guestAccess;
        this.deskPhone = desk;
        this.namesEdited = false;
    }

    /** An administrator's rename of an imported user: kept until the next import brings another name. */
    public void renameImported(String first, String middle, String last) {
        if (kind != UserKind.EXTERNAL) {
            throw new IllegalStateException("Only imported users are renamed here");
        }
        requirePresent();
        rename(first, middle, last);
        this.namesEdited = true;
    }

    /**
     * Links this imported (external) user to the native profile of the same person in the same
     * organization, so directories show the person once and badge and app work together.
     */
    public void linkTo(User nativeProfile) {
        if (kind != UserKind.EXTERNAL) {
            throw new IllegalStateException("Only imported users are linked to a native profile.");
        }
        requirePresent();
        if (nativeProfile == null || nativeProfile.kind != UserKind.NATIVE) {
            throw new IllegalArgumentException("Choose a Carebridge user profile to link to.");
        }
        if (!nativeProfile.organization.getId().equals(organization.getId())) {
            throw new IllegalArgumentException("Link only to a profile of the same organization.");
        }
        if (linkedUser != null) {
            throw new IllegalArgumentException("This imported user is already linked to " + linkedUser.getSortName()
                    + ". Unlink it on that profile first.");
        }
        this.linkedUser = nativeProfile;
    }

    public void unlink() {
        this.linkedUser = null;
    }

    /**
     * The on-premises system no longer lists this external user. The row stays, so the
     * conversations, deliveries and audit lines that name the person keep their name; but the
     * user leaves every directory and list (everything that lists users asks for present ones),
     * is unlinked from the native profile it was linked to, and gives up its external id, so the
     * same id listed again later creates a new user. Group memberships and favorites are the
     * caller's to drop, as they belong to other aggregates.
     *
     * @return the native profile it was linked to, or {@code null}
     */
    public User removeFromSync(Instant now) {
        if (kind != UserKind.EXTERNAL) {
            throw new IllegalStateException("Only synced users are removed by a sync.");
        }
        requirePresent();
        User wasLinkedTo = linkedUser;
        this.removedAt = java.util.Objects.requireNonNull(now, "now");
        this.removedExternalId = externalId;
        this.externalId = null;
        this.linkedUser = null;
        return wasLinkedTo;
    }

    /** Whether a sync removed this user: kept for history, shown nowhere else. */
    public boolean isRemoved() {
        return removedAt != null;
    }

    private void requirePresent() {
        if (removedAt != null) {
            throw new IllegalStateException("This imported user was removed by a sync from the on-premises system.");
        }
    }

    /** The badge phone number: the guest access number followed by the desk phone or extension. */
    public String getBadgePhoneNumber() {
        String number = (guestAccessNumber == null ? "" : guestAccessNumber) + (deskPhone == null ? "" : deskPhone);
        return number.isEmpty() ? null : number;
    }

    public void reportBadgeStatus(BadgeStatus status) {
        this.badgeStatus = status;
    }

    public void grantOrganizationAdmin(boolean admin) {
        this.orgAdmin = admin;
    }

    public void grantSystemAdmin(boolean admin) {
        this.systemAdmin = admin;
    }

    public void changePasswordHash(String hash) {
        this.passwordHash = hash;
    }

    public void changePinHash(String hash, boolean temporary) {
        this.pinHash = hash;
        this.pinTemporary = temporary;
    }

    public void changeStatus(PresenceStatus newStatus) {
        this.status = java.util.Objects.requireNonNull(newStatus, "status");
    }

    /** Stamps a change clients must see with the directory clock's new value (never moves back). */
    public void directoryChanged(long clockValue) {
        if (clockValue > directoryVersion) {
            this.directoryVersion = clockValue;
        }
    }

    public void changeLoginState(LoginState state) {
        this.loginState = state;
    }

    /**
     * "Can Login" as an administrator sets it on the profile, with the PIN typed in the same
     * save ({@code null} when the PIN field was left blank). A locked account is only enabled
     * again together with a new PIN; only the client login locks an account.
     *
     * @return whether this unlocked a locked account
     */
    public boolean changeCanLogin(LoginState requested, String newPinHash, boolean temporary) {
        if (requested == null) {
            throw new IllegalArgumentException("Choose whether the user can log in.");
        }
        if (loginState == requested) {
            return false;
        }
        if (requested == LoginState.LOCKED) {
            throw new IllegalArgumentException("Only repeated wrong PINs lock an account. Choose Login Enabled or Login Disabled.");
        }
        if (loginState == LoginState.LOCKED && requested == LoginState.ENABLED) {
            if (newPinHash == null) {
                throw new IllegalArgumentException("This account is locked after too many wrong PINs. "
                        + "Enter a new PIN together with Login Enabled to unlock it.");
            }
            unlock(newPinHash, temporary);
            return true;
        }
        this.loginState = requested;
        return false;
    }

    /**
     * Lifts a lock after too many wrong PINs: the user gets the new PIN (temporary or not), the
     * failure count and waiting time start afresh, and login is enabled.
     */
    public void unlock(String newPinHash, boolean temporary) {
        if (newPinHash == null || newPinHash.isBlank()) {
            throw new IllegalArgumentException("Enter a new PIN to unlock the account.");
        }
        changePinHash(newPinHash, temporary);
        clearPinFailures();
        this.loginState = LoginState.ENABLED;
    }

    /**
     * The user chose a new PIN through a mailed link, which proves they hold the mailbox: the PIN
     * is permanent, the failure count starts afresh, and a lock from wrong PINs is lifted. An
     * administrator's "Login Disabled" stays as it is.
     */
    public void resetPinByLink(String newPinHash) {
        if (newPinHash == null || newPinHash.isBlank()) {
            throw new IllegalArgumentException("A new PIN is needed.");
        }
        changePinHash(newPinHash, false);
        clearPinFailures();
        if (loginState == LoginState.LOCKED) {
            loginState = LoginState.ENABLED;
        }
    }

    /**
     * The client login's record of a wrong PIN, as {@code LockoutPolicy} decided it. Reaching the
     * hard limit locks the account whatever "Can Login" said before (also a disabled one: after
     * that many guesses it needs an administrator and a new PIN either way).
     */
    @Override
    public void pinFailed(int consecutiveFailures, Instant at, Instant nextAttemptAt, boolean hardLimitReached) {
        this.failedPinAttempts = consecutiveFailures;
        this.lastFailedPinAt = at;
        this.nextPinAttemptAt = nextAttemptAt;
        if (hardLimitReached) {
            this.loginState = LoginState.LOCKED;
        }
    }

    @Override
    public void pinAccepted(Instant at) {
        clearPinFailures();
    }

    /** The user signed in to a client with the right PIN. */
    public void clientLoggedIn(Instant at) {
        this.lastClientLoginAt = at;
    }

    /** Whether the client login may let this user in at all (given the right PIN). */
    public boolean mayUseClients() {
        return kind == UserKind.NATIVE && removedAt == null && loginState == LoginState.ENABLED && pinHash != null;
    }

    private void clearPinFailures() {
        this.failedPinAttempts = 0;
        this.lastFailedPinAt = null;
        this.nextPinAttemptAt = null;
    }

    /**
     * Converts between physician and non-physician staff. The physician attributes stay stored
     * while the user is a non-physician (they are neither shown nor offered), so converting
     * back brings them back unchanged. Synced external users take their type from their system.
     *
     * @return whether the type changed
     */
    public boolean convertTo(StaffType type) {
        if (type == null) {
            throw new IllegalArgumentException("Choose a staff type.");
        }
        if (kind != UserKind.NATIVE) {
            throw new IllegalStateException("External users are kept by their organization's on-premises system.");
        }
        if (staffType == type) {
            return false;
        }
        this.staffType = type;
        return true;
    }

    /** Whether the physician attributes (specialty, schooling, practice) are part of the profile now. */
    public boolean isPhysician() {
        return staffType == StaffType.PHYSICIAN;
    }

    /** "Physician", "Non-Physician" or "External User", as Find Users lists people. */
    public String getUserTypeLabel() {
        return kind == UserKind.EXTERNAL ? "External User" : staffType.label();
    }

    /** Whether the client login refuses PIN attempts after too many wrong PINs, until an administrator unlocks. */
    @Override
    public boolean isLocked() {
        return loginState == LoginState.LOCKED;
    }

    @PreUpdate
    void touch() {
        this.updatedAt = Instant.now();
    }

    /**
     * What colleagues see of this user in their directory; when it differs after a change, the
     * change must be stamped on the directory clock so incremental syncs carry it.
     */
    public java.util.List<Object> directoryFields() {
        return java.util.Arrays.asList(kind, title, firstName, middleName, lastName, nickname, credentials, jobTitle,
                status);
    }

    /** "Last, First" as the console lists people. */
    public String getSortName() {
        return lastName + ", " + firstName;
    }

    /** "Dr. Jane Q. Doe, M.D." as the directory shows people. */
    public String getDisplayName() {
        StringBuilder sb = new StringBuilder();
        if (title != null && !title.isBlank()) {
            sb.append(title).append(' ');
        }
        sb.append(firstName).append(' ');
        if (middleName != null) {
            sb.append(middleName).append(' ');
        }
        sb.append(lastName);
        if (credentials != null && !credentials.isBlank()) {
            sb.append(", ").append(credentials);
        }
        return sb.toString();
    }

    public boolean isAdministrator() {
        return orgAdmin || systemAdmin;
    }

    /**
     * The one rule for who may use the administration console (sign in, reset the password,
     * receive mail meant for administrators): a native administrator whose login is not disabled.
     * Signing in also needs a password to have been chosen.
     */
    public boolean mayUseConsole() {
        return kind == UserKind.NATIVE && removedAt == null && isAdministrator() && loginState != LoginState.DISABLED;
    }

    public boolean hasPassword() {
        return passwordHash != null;
    }

    public Long getId() { return id; }
    public Organization getOrganization() { return organization; }
    public String getStaffId() { return staffId; }
    public UserKind getKind() { return kind; }
    public User getLinkedUser() { return linkedUser; }
    public void setLinkedUser(User linkedUser) { this.linkedUser = linkedUser; }
    public String getExternalId() { return externalId; }
    public Instant getRemovedAt() { return removedAt; }
    public String getRemovedExternalId() { return removedExternalId; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getFirstName() { return firstName; }
    public String getMiddleName() { return middleName; }
    public String getLastName() { return lastName; }
    public String getNickname() { return nickname; }
    public void setNickname(String nickname) { this.nickname = nickname; }
    public String getCredentials() { return credentials; }
    public void setCredentials(String credentials) { this.credentials = credentials; }
    public String getJobTitle() { return jobTitle; }
    public void setJobTitle(String jobTitle) { this.jobTitle = jobTitle; }
    public String getEmail() { return email; }
    public String getCellPhone() { return cellPhone; }
    public void setCellPhone(String cellPhone) { this.cellPhone = cellPhone; }
    public String getPinHash() { return pinHash; }
    public boolean isPinTemporary() { return pinTemporary; }
    public String getPasswordHash() { return passwordHash; }
    public ZoneId timeZone() { return ZoneId.of(timeZone); }
    public String getTimeZone() { return timeZone; }
    public void setTimeZone(ZoneId zone) { this.timeZone = zone.getId(); }
    public boolean isOrgAdmin() { return orgAdmin; }
    public boolean isSystemAdmin() { return systemAdmin; }
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
    public LoginState getLoginState() { return loginState; }
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
    public void setHomePageUrl(String homePageUrl) {
        String problem = homePageUrlProblem(homePageUrl);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        this.homePageUrl = homePageUrl == null || homePageUrl.isBlank() ? null : homePageUrl.strip();
    }
    public String getGuestAccessNumber() { return guestAccessNumber; }
    public void setGuestAccessNumber(String guestAccessNumber) { this.guestAccessNumber = guestAccessNumber; }
    public String getDeskPhone() { return deskPhone; }
    public void setDeskPhone(String deskPhone) { this.deskPhone = deskPhone; }
    public boolean isNamesEdited() { return namesEdited; }
    public BadgeStatus getBadgeStatus() { return badgeStatus; }
    public int getFailedPinAttempts() { return failedPinAttempts; }
    public Instant getLastFailedPinAt() { return lastFailedPinAt; }
    public Instant getNextPinAttemptAt() { return nextPinAttemptAt; }
    public Instant getLastClientLoginAt() { return lastClientLoginAt; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public long getDirectoryVersion() { return directoryVersion; }
    public long getVersion() { return version; }
}
