package org.carebridge.organization;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A hospital or a practice: the tenant. Its id is the "Group ID" administrators see. The
 * entity owns the rules on its own settings (valid expiration, retention, sound length,
 * when a voice number is due).
 */
@Entity
@Table(name = "organization")
@NamedQuery(name = Organization.BY_NAME_KEY, query = "select o from Organization o where o.nameKey = :nameKey")
@NamedQuery(name = Organization.SEARCH, query = "select o from Organization o where o.nameKey like :pattern escape '\\' order by o.nameKey")
public class Organization {

    public static final String BY_NAME_KEY = "Organization.byNameKey";
    public static final String SEARCH = "Organization.search";
    public static final int NAME_MAX = 200;

    @Id
    @SequenceGenerator(name = "organization_seq", sequenceName = "organization_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "organization_seq")
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private OrganizationKind kind;

    @Column(nullable = false)
    private String name;

    @Column(name = "name_key", nullable = false)
    private String nameKey;

    @Column(name = "office_number", nullable = false)
    private String officeNumber;

    @Column(name = "voice_number")
    private String voiceNumber;

    @Column(name = "time_zone", nullable = false)
    private String timeZone;

    @Column(name = "whole_org_messaging", nullable = false)
    private boolean wholeOrganizationMessaging;

    @Column(name = "non_user_messaging", nullable = false)
    private boolean nonUserMessaging;

    @Column(name = "message_expiration_minutes", nullable = false)
    private int messageExpirationMinutes = MessageExpiration.DEFAULT_MINUTES;

    @Column(name = "retention_amount")
    private Integer retentionAmount;

    @Enumerated(EnumType.STRING)
    @Column(name = "retention_unit")
    private RetentionUnit retentionUnit;

    @Column(name = "priority_sound_seconds", nullable = false)
    private int prioritySoundSeconds = PrioritySoundLength.DEFAULT_SECONDS;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrganizationLicense license = OrganizationLicense.NONE;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Organization() {
    }

    public Organization(OrganizationKind kind, String name, PhoneNumber officeNumber, ZoneId timeZone, Instant now) {
        this.kind = kind;
        this.createdAt = now;
        rename(name);
        changeOfficeNumber(officeNumber);
        changeTimeZone(timeZone);
    }

    /** The key that makes names unique regardless of case and surrounding spaces. */
    public static String nameKey(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    public void rename(String newName) {
        if (newName == null || newName.isBlank()) {
            throw new IllegalArgumentException("Enter the organization's name.");
        }
        String stripped = newName.strip();
        if (stripped.length() > NAME_MAX) {
            throw new IllegalArgumentException("The name can be at most " + NAME_MAX + " characters.");
        }
        this.name = stripped;
        this.nameKey = nameKey(stripped);
    }

    public void changeOfficeNumber(PhoneNumber number) {
        this.officeNumber = number.digits();
    }

    public void changeLicense(OrganizationLicense newLicense) {
        this.license = java.util.Objects.requireNonNull(newLicense, "license");
    }

    public void changeTimeZone(ZoneId zone) {
        this.timeZone = zone.getId();
    }

    /**
     * A voice number is assigned once, from the office number's area code, unless that code is
     * toll-free. An organization that has one keeps it whatever its office number becomes.
     */
    public boolean needsVoiceNumber() {
        return voiceNumber == null && !officeNumber().isTollFree();
    }

    public void assignVoiceNumber(PhoneNumber number) {
        if (voiceNumber != null) {
            throw new IllegalStateException("Organization " + id + " already has a voice number");
        }
        this.voiceNumber = number.digits();
    }

    public void changeMessaging(boolean wholeOrganization, boolean nonUsers) {
        this.wholeOrganizationMessaging = wholeOrganization;
        this.nonUserMessaging = nonUsers;
    }

    public void changeMessageExpiration(int minutes) {
        MessageExpiration.duration(minutes);
        this.messageExpirationMinutes = minutes;
    }

    /** {@code null} keeps message content forever. */
    public void changeRetention(RetentionPeriod period) {
        this.retentionAmount = period == null ? null : period.amount();
        this.retentionUnit = period == null ? null : period.unit();
    }

    public void changePrioritySoundLength(int seconds) {
        if (!PrioritySoundLength.isValid(seconds)) {
            throw new IllegalArgumentException("The sound length must be between "
                    + PrioritySoundLength.MIN_SECONDS + " and " + PrioritySoundLength.MAX_SECONDS + " seconds.");
        }
        this.prioritySoundSeconds = seconds;
    }

    public Long getId() {
        return id;
    }

    public OrganizationLicense getLicense() { return license; }
    public OrganizationKind getKind() {
        return kind;
    }

    public boolean isHospital() {
        return kind == OrganizationKind.HOSPITAL;
    }

    public String getName() {
        return name;
    }

    public PhoneNumber officeNumber() {
        return new PhoneNumber(officeNumber);
    }

    public String getOfficeNumber() {
        return officeNumber().formatted();
    }

    /** The formatted voice number, or {@code null} when none has been assigned. */
    public String getVoiceNumber() {
        return voiceNumber == null ? null : new PhoneNumber(voiceNumber).formatted();
    }

    public ZoneId timeZone() {
        return ZoneId.of(timeZone);
    }

    public String getTimeZone() {
        return timeZone;
    }

    public boolean isWholeOrganizationMessaging() {
        return wholeOrganizationMessaging;
    }

    public boolean isNonUserMessaging() {
        return nonUserMessaging;
    }

    public int getMessageExpirationMinutes() {
        return messageExpirationMinutes;
    }

    /** {@code null} when content is kept forever. */
    public RetentionPeriod retention() {
        return retentionAmount == null ? null : new RetentionPeriod(retentionAmount, retentionUnit);
    }

    public int getPrioritySoundSeconds() {
        return prioritySoundSeconds;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }
}
