package org.carebridge.invitation;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.carebridge.mail.MailState;
import org.carebridge.mail.OutboundMail;
import org.carebridge.organization.Organization;
import org.carebridge.user.User;

/**
 * An invitation for one person to register as a user of an organization, or as its
 * administrator when the organization was just created for them. The mailed link carries a
 * token of which only the SHA-256 is kept. The status follows the invitation mail, then the
 * person; a deleted invitation keeps its row but its link stops working.
 */
@Entity
@Table(name = "user_invitation")
@NamedQuery(name = UserInvitation.BY_HASH, query = "select i from UserInvitation i where i.tokenHash = :hash")
@NamedQuery(name = UserInvitation.OF_ORGANIZATION, query = "select i from UserInvitation i"
        + " where i.organization.id = :organizationId and i.deletedAt is null"
        + " order by i.statusChangedAt desc, i.id desc")
@NamedQuery(name = UserInvitation.OPEN_FOR_EMAIL, query = "select i from UserInvitation i"
        + " where i.organization.id = :organizationId and i.email = :email and i.deletedAt is null"
        + " and i.status <> org.carebridge.invitation.UserInvitationStatus.REGISTERED")
@NamedQuery(name = UserInvitation.AWAITING_MAIL_OUTCOME, query = "select i from UserInvitation i"
        + " where i.status = org.carebridge.invitation.UserInvitationStatus.PENDING"
        + " and i.outboundMail.state <> org.carebridge.mail.MailState.QUEUED")
@NamedQuery(name = UserInvitation.OPEN_FOR_EMAILS, query = "select i from UserInvitation i"
        + " where i.organization.id = :organizationId and i.email in :emails and i.deletedAt is null"
        + " and i.status <> org.carebridge.invitation.UserInvitationStatus.REGISTERED order by i.id desc")
@NamedQuery(name = UserInvitation.PENDING_FOR_MAILS, query = "select i from UserInvitation i"
        + " where i.outboundMail.id in :mailIds"
        + " and i.status = org.carebridge.invitation.UserInvitationStatus.PENDING")
@NamedQuery(name = UserInvitation.LINKING, query = "select i from UserInvitation i"
        + " where i.linkExternalUser.id = :userId and i.deletedAt is null and i.expiresAt > :now"
        + " and i.status <> org.carebridge.invitation.UserInvitationStatus.REGISTERED order by i.id desc")
public class UserInvitation {

    public static final String BY_HASH = "UserInvitation.byHash";
    public static final String OF_ORGANIZATION = "UserInvitation.ofOrganization";
    public static final String OPEN_FOR_EMAIL = "UserInvitation.openForEmail";
    public static final String AWAITING_MAIL_OUTCOME = "UserInvitation.awaitingMailOutcome";
    public static final String OPEN_FOR_EMAILS = "UserInvitation.openForEmails";
    public static final String PENDING_FOR_MAILS = "UserInvitation.pendingForMails";
    /** Open invitations whose registration will link an imported user ({@code :userId}) at {@code :now}. */
    public static final String LINKING = "UserInvitation.linking";
    public static final Duration LIFETIME = Duration.ofDays(7);
    public static final int NAME_MAX = 100;
    public static final int EMAIL_MAX = 254;
    // Deliberately loose: one @, something on both sides, a dot in the domain. The mail server
    // is the real judge; this only catches typing slips before a batch is sent.
    private static final Pattern EMAIL_SHAPE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    @Id
    @SequenceGenerator(name = "user_invitation_seq", sequenceName = "user_invitation_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "user_invitation_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "organization_id", nullable = false, updatable = false)
    private Organization organization;

    @Column(nullable = false, updatable = false)
    private String email;

    @Column(name = "first_name")
    private String firstName;

    @Column(name = "last_name")
    private String lastName;

    @Column(nullable = false, updatable = false)
    private boolean administrator;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private UserInvitationStatus status;

    @Column(name = "token_hash", nullable = false)
    private String tokenHash;

    @ManyToOne
    @JoinColumn(name = "invited_by_id", updatable = false)
    private User invitedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    /** "Last Updated" on the Invitations page. */
    @Column(name = "status_changed_at", nullable = false)
    private Instant statusChangedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "clicked_at")
    private Instant clickedAt;

    @ManyToOne
    @JoinColumn(name = "registered_user_id")
    private User registeredUser;

    /** The latest invitation mail; the status follows its delivery. */
    @ManyToOne
    @JoinColumn(name = "outbound_mail_id")
    private OutboundMail outboundMail;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    /**
     * The imported (external) user the profile registered with this invitation is linked to: a
     * pending link, completed by registration, dropped with the invitation.
     */
    @ManyToOne
    @JoinColumn(name = "link_external_user_id")
    private User linkExternalUser;

    @Version
    private long version;

    protected UserInvitation() {
    }

    /**
     * A new invitation whose mail ({@code mail}, carrying the raw token) was just queued.
     * {@code invitedBy} is {@code null} when the system invites, e.g. a new practice's administrator
     * created by a system administrator acting outside the organization.
     */
    public UserInvitation(Organization organization, String email, String firstName, String lastName,
            boolean administrator, User invitedBy, String tokenHash, OutboundMail mail, Instant now) {
        this.organization = Objects.requireNonNull(organization, "organization");
        this.email = normalizeEmail(email);
        this.firstName = optionalName(firstName, "first");
        this.lastName = optionalName(lastName, "last");
        this.administrator = administrator;
        this.invitedBy = invitedBy;
        this.createdAt = now;
        restart(tokenHash, mail, now);
    }

    /**
     * The address in the form stored and compared (trimmed, lower case).
     *
     * @throws IllegalArgumentException naming the address when it cannot be one
     */
    public static String normalizeEmail(String email) {
        String normalized = User.normalizeEmail(email);
        if (normalized == null || normalized.isEmpty()) {
            throw new IllegalArgumentException("Enter an e-mail address.");
        }
        if (normalized.length() > EMAIL_MAX || !EMAIL_SHAPE.matcher(normalized).matches()) {
            throw new IllegalArgumentException("\"" + email.strip() + "\" is not a valid e-mail address.");
        }
        return normalized;
    }

    private static String optionalName(String name, String which) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String stripped = name.strip();
        if (stripped.length() > NAME_MAX) {
            throw new IllegalArgumentException("The " + which + " name can be at most " + NAME_MAX + " characters.");
        }
        return stripped;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** Whether the registration link still works. */
    public boolean isUsable(Instant now) {
        return !isDeleted() && status != UserInvitationStatus.REGISTERED && !isExpired(now);
    }

    /**
     * Moves PENDING to EMAIL_SENT or FAILURE once the outbox has an outcome for the invitation
     * mail. Does nothing otherwise: the person may already have clicked the link before the
     * outcome was noticed, and the status never moves back.
     *
     * @return whether the status changed
     */
    public boolean followMail(Instant now) {
        if (status != UserInvitationStatus.PENDING || outboundMail == null) {
            return false;
        }
        MailState mailState = outboundMail.getState();
        if (mailState == MailState.SENT) {
            changeStatus(UserInvitationStatus.EMAIL_SENT, now);
            return true;
        }
        if (mailState == MailState.FAILED) {
            changeStatus(UserInvitationStatus.FAILURE, now);
            return true;
        }
        return false;
    }

    /** The person opened the registration link. The first click is the one remembered. */
    public void clicked(Instant now) {
        requireUsable(now);
        if (clickedAt == null) {
            clickedAt = now;
        }
        if (status != UserInvitationStatus.USER_CLICKED) {
            changeStatus(UserInvitationStatus.USER_CLICKED, now);
        }
    }

    /**
     * The person registered as {@code user}, who must have the invited address and belong to the
     * inviting organization. An administrator invitation makes that user an organization administrator.
     */
    public void register(User user, Instant now) {
        Objects.requireNonNull(user, "user");
        requireUsable(now);
        if (!email.equals(user.getEmail())) {
            throw new IllegalArgumentException("This invitation was sent to " + email
                    + "; register with that address.");
        }
        Organization userOrganization = user.getOrganization();
        if (userOrganization != organization
                && (userOrganization == null || !Objects.equals(userOrganization.getId(), organization.getId()))) {
            throw new IllegalArgumentException("This invitation is for " + organization.getName() + ".");
        }
        if (administrator) {
            user.grantOrganizationAdmin(true);
        }
        if (clickedAt == null) {
            clickedAt = now;
        }
        registeredUser = user;
        changeStatus(UserInvitationStatus.REGISTERED, now);
    }

    /**
     * Sends the invitation again with a new token and a new expiry; the old link stops working.
     * Any invitation can be resent except a registered or deleted one.
     */
    public void resend(String newTokenHash, OutboundMail mail, Instant now) {
        if (status == UserInvitationStatus.REGISTERED) {
            throw new IllegalStateException(email + " has already registered; the invitation cannot be resent.");
        }
        if (isDeleted()) {
            throw new IllegalStateException("The invitation for " + email + " was deleted; invite the person again.");
        }
        restart(newTokenHash, mail, now);
    }

    /**
     * Removes the invitation from the list; a person who has not registered can no longer use it,
     * and a link it was to complete is dropped.
     */
    public void delete(Instant now) {
        if (deletedAt == null) {
            deletedAt = now;
            if (status != UserInvitationStatus.REGISTERED) {
                linkExternalUser = null;
            }
        }
    }

    /**
     * Makes this open invitation link {@code imported}, an imported user of the same organization,
     * to the profile the invitee registers. The link itself is made then, by the one linking rule.
     */
    public void linkOnRegistration(User imported, Instant now) {
        Objects.requireNonNull(imported, "imported");
        requireUsable(now);
        if (administrator) {
            throw new IllegalArgumentException("An administrator invitation does not link an imported user.");
        }
        if (imported.getKind() != org.carebridge.user.UserKind.EXTERNAL || imported.isRemoved()) {
            throw new IllegalArgumentException("Only a present imported user can be linked.");
        }
        if (!Objects.equals(imported.getOrganization().getId(), organization.getId())) {
            throw new IllegalArgumentException("Link only an imported user of " + organization.getName() + ".");
        }
        this.linkExternalUser = imported;
    }

    /** Whether registering with this invitation is still to link an imported user. */
    public boolean isLinkPending(Instant now) {
        return linkExternalUser != null && isUsable(now);
    }

    private void restart(String newTokenHash, OutboundMail mail, Instant now) {
        this.tokenHash = Objects.requireNonNull(newTokenHash, "tokenHash");
        this.outboundMail = Objects.requireNonNull(mail, "mail");
        this.expiresAt = now.plus(LIFETIME);
        this.clickedAt = null;
        changeStatus(UserInvitationStatus.PENDING, now);
    }

    private void requireUsable(Instant now) {
        if (isDeleted()) {
            throw new IllegalStateException("This invitation was withdrawn. Ask your administrator for a new one.");
        }
        if (status == UserInvitationStatus.REGISTERED) {
            throw new IllegalStateException("This invitation has already been used to register.");
        }
        if (isExpired(now)) {
            throw new IllegalStateException("This invitation has expired. Ask your administrator to send it again.");
        }
    }

    private void changeStatus(UserInvitationStatus newStatus, Instant now) {
        this.status = newStatus;
        this.statusChangedAt = now;
    }

    public Long getId() { return id; }
    public Organization getOrganization() { return organization; }
    public String getEmail() { return email; }
    public String getFirstName() { return firstName; }
    public String getLastName() { return lastName; }
    public boolean isAdministrator() { return administrator; }
    public UserInvitationStatus getStatus() { return status; }
    public String getTokenHash() { return tokenHash; }
    public User getInvitedBy() { return invitedBy; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getStatusChangedAt() { return statusChangedAt; }
    public Instant getExpiresAt() { return expiresAt; }
    public Instant getClickedAt() { return clickedAt; }
    public User getRegisteredUser() { return registeredUser; }
    public OutboundMail getOutboundMail() { return outboundMail; }
    public Instant getDeletedAt() { return deletedAt; }
    public User getLinkExternalUser() { return linkExternalUser; }
    public long getVersion() { return version; }
}
