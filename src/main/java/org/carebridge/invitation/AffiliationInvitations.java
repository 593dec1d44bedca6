package org.carebridge.invitation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.carebridge.access.AdminScope;
import org.carebridge.access.NotInScopeException;
import org.carebridge.access.SecretTokens;
import org.carebridge.affiliation.Affiliation;
import org.carebridge.affiliation.AssociationPermission;
import org.carebridge.audit.AuditAction;
import org.carebridge.audit.AuditTarget;
import org.carebridge.audit.AuditTrail;
import org.carebridge.group.ContactGroup;
import org.carebridge.group.DuplicateGroupNameException;
import org.carebridge.group.GroupService;
import org.carebridge.mail.MailLayout;
import org.carebridge.mail.MailMessage;
import org.carebridge.mail.Outbox;
import org.carebridge.organization.Organization;
import org.carebridge.platform.persistence.LikePatterns;
import org.carebridge.platform.PublicLinks;
import org.carebridge.user.User;

/**
 * Invite Existing Organization and the answer to it. An administrator invites another
 * organization; every administrator of that organization is mailed a single-use link; one of
 * them accepts for all of its members or for one group, and the two organizations become
 * affiliates. A newer invitation between the same two organizations replaces a pending one.
 * Every method goes through {@link AdminScope}: the inviting organization must be the caller's,
 * and only the invited organization's administrators (or a system administrator) may answer.
 */
@ApplicationScoped
public class AffiliationInvitations {

    private static final Logger LOG = Logger.getLogger(AffiliationInvitations.class.getName());

    /** Where the mailed link lands; under /console/ so that following it requires signing in. */
    public static final String RESPOND_PAGE = "/console/invitation/respond.xhtml";
    /** How many organizations the type-ahead suggests at most. */
    public static final int SUGGESTIONS = 10;

    /** Organizations whose name contains the text, other than the caller's own and its active affiliates. */
    static final String INVITABLE = "select o from Organization o where o.nameKey like :pattern escape '\\'"
            + " and o.id <> :ownId and not exists (select a from Affiliation a"
            + " where a.state = org.carebridge.affiliation.AffiliationState.ACTIVE"
            + " and ((a.organizationLow.id = :ownId and a.organizationHigh.id = o.id)"
            + " or (a.organizationHigh.id = :ownId and a.organizationLow.id = o.id)))"
            + " order by o.nameKey";

    @PersistenceContext
    EntityManager em;

    @Inject
    GroupService groups;

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Inject
    PublicLinks links;

    @Inject
    AdminScope scope;

    @Inject
    AuditTrail audit;

    /** How many overdue invitations one expiry run closes; the next run takes the rest. */
    static final int EXPIRY_BATCH = 500;

    /** The type-ahead: up to {@value #SUGGESTIONS} organizations {@code organizationId} may invite. */
    public List<OrganizationOption> invitable(Long organizationId, String text) {
        Organization own = scope.organization(organizationId);
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return em.createQuery(INVITABLE, Organization.class)
                .setParameter("pattern", LikePatterns.containing(text == null ? null : Organization.nameKey(text)))
                .setParameter("ownId", own.getId())
                .setMaxResults(SUGGESTIONS)
                .getResultList().stream()
                .map(o -> new OrganizationOption(o.getId(), o.getName()))
                .toList();
    }

    /** The organization's outgoing invitations that can still be accepted, newest first. */
    public List<PendingInvitation> pendingFrom(Long organizationId) {
        Organization own = scope.organization(organizationId);
        Instant now = clock.instant();
        return em.createNamedQuery(OrganizationInvitation.PENDING_FROM_INVITING, OrganizationInvitation.class)
                .setParameter("invitingId", own.getId())
                .getResultList().stream()
                .filter(i -> i.isAcceptable(now))
                .map(i -> new PendingInvitation(i.getId(), i.getInvitedOrganization().getName(), i.getCreatedAt(),
                        i.getExpiresAt()))
                .toList();
    }

    /**
     * Invites {@code invitedId} on behalf of {@code inviting}, replacing a pending invitation
     * between the two, and mails each administrator of the invited organization the link.
     *
     * @throws InvitationRefusedException for the caller's own organization, an unknown one, an
     *                                    active affiliate, or one without an administrator to mail
     */
    @Transactional
    public OrganizationInvitation invite(Organization inviting, long invitedId, User inviter) {
        Objects.requireNonNull(inviter, "inviter");
        long invitingId = scope.organization(inviting.getId()).getId();
        if (invitingId == invitedId) {
            throw new InvitationRefusedException("An organization cannot invite itself.");
        }
        Pair pair = lockPair(invitingId, invitedId);
        Organization from = pair.get(invitingId);
        Organization invited = pair.get(invitedId);
        if (invited == null) {
            throw new InvitationRefusedException("That organization does not exist. Choose one of the suggestions.");
        }
        if (activeAffiliation(from, invited).isPresent()) {
            throw new InvitationRefusedException(invited.getName() + " is already an affiliate of " + from.getName()
                    + ".");
        }
        List<User> recipients = administratorsToMail(invited);
        if (recipients.isEmpty()) {
            throw new InvitationRefusedException(invited.getName()
                    + " has no administrator who could receive the invitation. Contact Carebridge support.");
        }
        Instant now = clock.instant();
        for (OrganizationInvitation older : pendingBetween(from, invited)) {
            if (!older.expireIfDue(now)) {
                older.replace(now);
            }
        }
        String token = SecretTokens.newToken();
        OrganizationInvitation invitation = new OrganizationInvitation(from, invited,
                em.find(User.class, inviter.getId()), SecretTokens.hash(token), now);
        em.persist(invitation);
        String link = links.withToken(RESPOND_PAGE, token);
        for (User recipient : recipients) {
            outbox.enqueue(invitationMail(invitation, recipient, link));
        }
        audit.record(from, AuditAction.AFFILIATION_INVITED, invitationTarget(invitation),
                "Invited " + invited.getName() + " (" + recipients.size() + " administrators mailed)");
        LOG.info(() -> "Organization " + from.getId() + " invited organization " + invited.getId() + " (invitation "
                + invitation.getId() + ", " + recipients.size() + " administrators mailed)");
        return invitation;
    }

    /**
     * Withdraws a pending invitation the organization sent: its link stops working at once.
     *
     * @throws NotInScopeException         when the invitation is not one the organization sent
     * @throws UnusableInvitationException when it was already answered, replaced or expired
     */
    @Transactional
    public void withdraw(Long organizationId, long invitationId, User administrator) {
        Organization own = scope.organization(organizationId);
        OrganizationInvitation invitation = em.find(OrganizationInvitation.class, invitationId);
        if (invitation == null || !invitation.getInvitingOrganization().getId().equals(own.getId())) {
            throw new NotInScopeException("Invitation " + invitationId + " was not sent by organization " + own.getId());
        }
        lockPair(own.getId(), invitation.getInvitedOrganization().getId());
        em.refresh(invitation);
        Instant now = clock.instant();
        LinkStatus status = LinkStatus.of(invitation, now);
        if (!status.isUsable()) {
            throw new UnusableInvitationException(status);
        }
        invitation.withdraw(em.find(User.class, administrator.getId()), now);
        audit.record(own, AuditAction.AFFILIATION_INVITATION_WITHDRAWN, invitationTarget(invitation),
                "Withdrew the invitation to " + invitation.getInvitedOrganization().getName());
        LOG.info(() -> "Organization " + own.getId() + " withdrew invitation " + invitation.getId());
    }

    /**
     * Marks pending invitations past their expiry as expired, so that the stored state says
     * what the links already do. Links never depend on this having run.
     *
     * @return how many were marked
     */
    @Transactional
    public int expireOverdue() {
        Instant now = clock.instant();
        List<OrganizationInvitation> overdue = em.createNamedQuery(OrganizationInvitation.OVERDUE,
                        OrganizationInvitation.class)
                .setParameter("now", now)
                .setMaxResults(EXPIRY_BATCH)
                .getResultList();
        int expired = 0;
        for (OrganizationInvitation invitation : overdue) {
            if (invitation.expireIfDue(now)) {
                expired++;
            }
        }
        return expired;
    }

    /** What the link leads to, for the landing page. Never changes anything. */
    @Transactional
    public InvitationView check(String token) {
        OrganizationInvitation invitation = find(token);
        if (invitation == null) {
            return InvitationView.of(LinkStatus.UNKNOWN);
        }
        Organization invited;
        try {
            invited = scope.organization(invitation.getInvitedOrganization().getId());
        } catch (NotInScopeException e) {
            return InvitationView.of(LinkStatus.NOT_YOURS);
        }
        LinkStatus status = LinkStatus.of(invitation, clock.instant());
        // An invitation closed because the two became affiliates through another one says so,
        // rather than that a newer invitation replaced it.
        if ((status.isUsable() || status == LinkStatus.REPLACED)
                && activeAffiliation(invitation.getInvitingOrganization(), invited).isPresent()) {
            status = LinkStatus.ALREADY_AFFILIATES;
        }
        List<InvitationView.GroupOption> groups = status.isUsable() ? groupsOf(invited) : List.of();
        return new InvitationView(status, InvitationView.Details.of(invitation), groups);
    }

    /**
     * Accepts for all members of the invited organization: both sides let the other reach
     * their whole organization.
     *
     * @throws UnusableInvitationException when the link can no longer be accepted
     * @throws NotInScopeException         when the caller does not administer the invited organization
     */
    @Transactional
    public Affiliation acceptForAll(String token, User administrator) {
        Accepting accepting = open(token);
        Affiliation affiliation = affiliate(accepting, AssociationPermission.WHOLE_ORGANIZATION, List.of());
        close(accepting, administrator);
        return affiliation;
    }

    /**
     * Accepts for the members of one group of the invited organization, existing or created
     * now; the inviting organization still exposes all of its members.
     *
     * @return the group, for the administrator to fill on Update Group
     * @throws IllegalArgumentException    when the group is not the invited organization's, or the
     *                                     new group's name is empty, too long or already taken
     * @throws UnusableInvitationException when the link can no longer be accepted
     * @throws NotInScopeException         when the caller does not administer the invited organization
     */
    @Transactional
    public ContactGroup acceptForGroup(String token, User administrator, GroupChoice choice) {
        Objects.requireNonNull(choice, "choice");
        Accepting accepting = open(token);
        ContactGroup group = choice.isNew() ? createGroup(accepting.invited(), choice.newGroupName())
                : existingGroup(accepting.invited(), choice.existingGroupId());
        affiliate(accepting, AssociationPermission.GROUPS, List.of(group));
        close(accepting, administrator);
        return group;
    }

    private record Accepting(OrganizationInvitation invitation, Organization inviting, Organization invited,
            Instant now) {
    }

    /** The invitation behind a link, checked, with both organizations locked for the change. */
    private Accepting open(String token) {
        OrganizationInvitation invitation = find(token);
        if (invitation == null) {
            throw new UnusableInvitationException(LinkStatus.UNKNOWN);
        }
        long invitedId = scope.organization(invitation.getInvitedOrganization().getId()).getId();
        long invitingId = invitation.getInvitingOrganization().getId();
        Pair pair = lockPair(invitingId, invitedId);
        // Read again under the lock: a concurrent acceptance or newer invitation may have closed it.
        em.refresh(invitation);
        Instant now = clock.instant();
        LinkStatus status = LinkStatus.of(invitation, now);
        if (!status.isUsable()) {
            throw new UnusableInvitationException(status);
        }
        Organization inviting = pair.get(invitingId);
        Organization invited = pair.get(invitedId);
        if (activeAffiliation(inviting, invited).isPresent()) {
            throw new UnusableInvitationException(LinkStatus.ALREADY_AFFILIATES);
        }
        return new Accepting(invitation, inviting, invited, now);
    }

    /** Creates the pair's affiliation, or restarts the ended one (the pair has one row for good). */
    private Affiliation affiliate(Accepting accepting, AssociationPermission invitedSide, List<ContactGroup> groups) {
        Organization inviting = accepting.inviting();
        Organization invited = accepting.invited();
        Affiliation affiliation = pairRow(inviting, invited).orElse(null);
        if (affiliation == null) {
            affiliation = new Affiliation(inviting, invited, accepting.now());
            em.persist(affiliation);
        } else {
            affiliation.restart(accepting.now());
        }
        affiliation.setPermission(inviting, AssociationPermission.WHOLE_ORGANIZATION, List.of());
        affiliation.setPermission(invited, invitedSide, groups);
        return affiliation;
    }

    /**
     * Marks the invitation accepted. Other invitations still pending between the two (in either
     * direction) are closed as replaced: the affiliation now in place supersedes them, and the
     * lists of pending invitations should not show them any longer.
     */
    private void close(Accepting accepting, User administrator) {
        OrganizationInvitation invitation = accepting.invitation();
        Instant now = accepting.now();
        invitation.accept(em.find(User.class, administrator.getId()), now);
        List<OrganizationInvitation> others = new ArrayList<>(
                pendingBetween(accepting.inviting(), accepting.invited()));
        others.addAll(pendingBetween(accepting.invited(), accepting.inviting()));
        for (OrganizationInvitation other : others) {
            if (!other.getId().equals(invitation.getId()) && !other.expireIfDue(now)) {
                other.replace(now);
            }
        }
        User answeredBy = invitation.getRespondedBy();
        audit.record(accepting.invited(), AuditAction.AFFILIATION_ACCEPTED, invitationTarget(invitation),
                "Accepted the invitation of " + accepting.inviting().getName());
        for (User recipient : administratorsToMail(accepting.inviting())) {
            outbox.enqueue(acceptedMail(invitation, recipient, answeredBy));
        }
        LOG.info(() -> "Organization " + accepting.invited().getId() + " accepted invitation " + invitation.getId()
                + " from organization " + accepting.inviting().getId() + " (answered by user " + administrator.getId()
                + ")");
    }

    private ContactGroup createGroup(Organization invited, String name) {
        try {
            return groups.create(invited, name, false);
        } catch (DuplicateGroupNameException e) {
            throw new IllegalArgumentException(e.getMessage() + " Choose it from the existing groups instead.");
        }
    }

    private ContactGroup existingGroup(Organization invited, long groupId) {
        ContactGroup group = em.find(ContactGroup.class, groupId);
        if (group == null || !group.belongsTo(invited)) {
            throw new IllegalArgumentException("Choose one of the groups of " + invited.getName() + ".");
        }
        return group;
    }

    private List<InvitationView.GroupOption> groupsOf(Organization organization) {
        return em.createNamedQuery(ContactGroup.OF_ORGANIZATION, ContactGroup.class)
                .setParameter("organizationId", organization.getId())
                .getResultList().stream()
                .map(g -> new InvitationView.GroupOption(g.getId(), g.getName()))
                .toList();
    }

    /**
     * The administrators who can follow the link: those allowed to sign in to the console (native
     * users whose login is not disabled).
     */
    private List<User> administratorsToMail(Organization organization) {
        return em.createNamedQuery(User.ADMINS_OF, User.class)
                .setParameter("organizationId", organization.getId())
                .getResultList().stream()
                .filter(User::mayUseConsole)
                .toList();
    }

    private MailMessage invitationMail(OrganizationInvitation invitation, User recipient, String link) {
        String inviting = invitation.getInvitingOrganization().getName();
        String invited = invitation.getInvitedOrganization().getName();
        User inviter = invitation.getInvitedBy();
        return MailLayout.compose(recipient.getEmail(),
                inviting + " invites " + invited + " to communicate on Carebridge", invited,
                List.of("Hello " + recipient.getFirstName() + ",",
                        inviter.getFirstName() + " " + inviter.getLastName() + " of " + inviting + " has invited "
                                + invited + " to become an affiliate on Carebridge. Once the invitation is accepted, "
                                + "members of the two organizations find each other in their directories and can "
                                + "exchange secure messages.",
                        "You receive this mail because you are an administrator of " + invited + ". Open the link "
                                + "below and sign in to the administration console to accept, either for all of your "
                                + "members or only for a group of them. The link can be used once, by any one of your "
                                + "organization's administrators, until "
                                + MailLayout.dateTime(invitation.getExpiresAt(), recipient.timeZone()) + "."),
                new MailLayout.Action("Answer the invitation", link),
                "If you do not administer " + invited + " on Carebridge, please pass this mail on to someone who "
                        + "does.");
    }

    /** Tells the inviting organization's administrators that their invitation was accepted. */
    private MailMessage acceptedMail(OrganizationInvitation invitation, User recipient, User answeredBy) {
        String inviting = invitation.getInvitingOrganization().getName();
        String invited = invitation.getInvitedOrganization().getName();
        return MailLayout.compose(recipient.getEmail(), invited + " accepted your invitation on Carebridge", inviting,
                List.of("Hello " + recipient.getFirstName() + ",",
                        answeredBy.getFirstName() + " " + answeredBy.getLastName() + " of " + invited
                                + " accepted the invitation " + inviting + " sent on "
                                + MailLayout.dateTime(invitation.getCreatedAt(), recipient.timeZone())
                                + ". The two organizations are now affiliates: their members can find each other "
                                + "in the directory and exchange secure messages, within each side's association "
                                + "permissions.",
                        "You can narrow what " + invited + " sees of " + inviting + " at any time under Affiliates "
                                + "on the Update Organization page of the administration console."),
                new MailLayout.Action("Open Update Organization", links.page("/console/organization/edit.xhtml")),
                "You receive this mail because you are an administrator of " + inviting + ".");
    }

    private static AuditTarget invitationTarget(OrganizationInvitation invitation) {
        return AuditTarget.of("OrganizationInvitation", invitation.getId());
    }

    private List<OrganizationInvitation> pendingBetween(Organization inviting, Organization invited) {
        return em.createNamedQuery(OrganizationInvitation.PENDING_BETWEEN, OrganizationInvitation.class)
                .setParameter("invitingId", inviting.getId())
                .setParameter("invitedId", invited.getId())
                .getResultList();
    }

    private Optional<Affiliation> pairRow(Organization one, Organization other) {
        long low = Math.min(one.getId(), other.getId());
        long high = Math.max(one.getId(), other.getId());
        return em.createNamedQuery(Affiliation.BY_PAIR, Affiliation.class)
                .setParameter("lowId", low).setParameter("highId", high)
                .getResultList().stream().findFirst();
    }

    private Optional<Affiliation> activeAffiliation(Organization one, Organization other) {
        return pairRow(one, other).filter(Affiliation::isActive);
    }

    private record Pair(Organization low, Organization high) {
        Organization get(long id) {
            if (low != null && low.getId() == id) {
                return low;
            }
            return high != null && high.getId() == id ? high : null;
        }
    }

    /**
     * Locks both organizations' rows, lower id first so that two transactions never wait for
     * each other: invitations and acceptances between the same two organizations then happen one
     * after the other, and double clicks cannot create two invitations or two affiliations.
     */
    private Pair lockPair(long one, long other) {
        Organization low = em.find(Organization.class, Math.min(one, other), LockModeType.PESSIMISTIC_WRITE);
        Organization high = em.find(Organization.class, Math.max(one, other), LockModeType.PESSIMISTIC_WRITE);
        return new Pair(low, high);
    }

    private OrganizationInvitation find(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return null;
        }
        return em.createNamedQuery(OrganizationInvitation.BY_HASH, OrganizationInvitation.class)
                .setParameter("hash", SecretTokens.hash(token))
                .getResultList().stream().findFirst().orElse(null);
    }
}
