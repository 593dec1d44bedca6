package org.carebridge.invitation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import org.carebridge.access.AdminScope;
import org.carebridge.access.CurrentAdmin;
import org.carebridge.access.NotInScopeException;
import org.carebridge.access.SecretTokens;
import org.carebridge.audit.AuditAction;
import org.carebridge.audit.AuditTarget;
import org.carebridge.audit.AuditTrail;
import org.carebridge.group.ContactGroup;
import org.carebridge.group.GroupService;
import org.carebridge.mail.MailLayout;
import org.carebridge.mail.MailMessage;
import org.carebridge.mail.OutboundMail;
import org.carebridge.mail.Outbox;
import org.carebridge.organization.Organization;
import org.carebridge.platform.PublicLinks;
import org.carebridge.platform.csv.CsvRejectedException;
import org.carebridge.platform.persistence.LikePatterns;
import org.carebridge.user.User;

/**
 * Inviting people to register as users of an organization: the Invite Users page, the
 * Invitations page (list, resend, delete) and Create Practice (its administrator and first users)
 * all come here. A batch is checked whole before anything is written, so one bad address means
 * nothing is created and nothing is mailed. Each invitation mail is queued in the same
 * transaction as its invitation; the status then follows the mail ({@link #followMails}).
 */
@ApplicationScoped
public class UserInvitations {

    private static final Logger LOG = Logger.getLogger(UserInvitations.class.getName());

    /** Where the mailed link lands: a public page, since invitees have no account yet. */
    public static final String REGISTER_PAGE = "/register.xhtml";
    /** How many rows one IN (...) list carries, well below every database's limit. */
    static final int CHUNK = 500;
    /** How many settled invitation mails one reconciliation run handles; the next run takes the rest. */
    static final int FOLLOW_BATCH = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Inject
    PublicLinks links;

    @Inject
    AdminScope scope;

    @Inject
    CurrentAdmin admin;

    @Inject
    AuditTrail audit;

    @Inject
    GroupService groups;

    // --- reading what the administrator gave --------------------------------------------------

    /**
     * The addresses in {@code text}, separated by spaces, commas, semicolons or line breaks, each
     * once. Empty text gives an empty list.
     *
     * @throws InvitationRefusedException naming every entry that is not an e-mail address
     */
    public static List<Invitee> fromAddressList(String text) {
        return InviteeLists.fromAddressList(text);
    }

    /**
     * An uploaded invitation file: Email (required), First Name and Last Name (used for the
     * invitation when present), Department (groups to create), any other column ignored.
     *
     * @throws CsvRejectedException with a line-numbered problem for each unusable line, or the file's
     */
    public static InviteeFile fromCsv(String fileName, String contentType, byte[] content) {
        return InviteeLists.fromCsv(fileName, contentType, content);
    }

    // --- inviting ------------------------------------------------------------------------------

    /** {@link #invite(Organization, List, List, boolean)} without departments. */
    @Transactional
    public InvitationBatch invite(Organization organization, List<Invitee> invitees, boolean administrators) {
        return invite(organization, invitees, List.of(), administrators);
    }

    /**
     * Invites each person (each address once) to register in {@code organization}, as its
     * administrators when {@code administrators} is set, and creates the named department groups
     * the organization does not have yet (matching existing names in any letter case). Invitees
     * are not put into those groups. An open invitation of the organization for the same address
     * is sent again with a new link instead of a second invitation.
     * <p>
     * The caller has checked that it may act on the organization (through {@link AdminScope}, or
     * because it has just created it, as Create Practice does). The signed-in administrator, if
     * any, is recorded as the inviter.
     *
     * @throws InvitationRefusedException when the list is empty, or names an address that already belongs
     *                                    to a user (naming it); nothing has been created then
     * @throws IllegalArgumentException   when a department is not a usable group name
     */
    @Transactional
    public InvitationBatch invite(Organization organization, List<Invitee> invitees, List<String> departments,
            boolean administrators) {
        Objects.requireNonNull(organization, "organization");
        List<Invitee> people = InviteeLists.distinct(invitees);
        if (people.isEmpty()) {
            throw new InvitationRefusedException("Enter at least one e-mail address, or choose a CSV file.");
        }
        for (String department : departments) {
            String problem = ContactGroup.nameProblem(department);
            if (problem != null) {
                throw new IllegalArgumentException("Department \"" + department + "\": " + problem);
            }
        }
        // One batch at a time per organization, so two administrators inviting the same address at
        // once cannot both create an invitation for it.
        Organization org = em.find(Organization.class, organization.getId(), LockModeType.PESSIMISTIC_WRITE);
        if (org == null) {
            throw new NotInScopeException("Organization " + organization.getId() + " no longer exists");
        }
        List<String> emails = people.stream().map(Invitee::email).toList();
        Set<String> registered = registeredAmong(emails);
        if (!registered.isEmpty()) {
            throw new InvitationRefusedException(alreadyRegistered(emails, registered));
        }
        Map<String, List<UserInvitation>> open = openInvitations(org, emails);

        // Everything is checked: from here on the batch is written whole.
        Instant now = clock.instant();
        List<String> created = createMissingGroups(org, departments);
        User inviter = CurrentAdmin.signedInOrNull(admin);
        List<Long> ids = new ArrayList<>();
        int invited = 0;
        int resent = 0;
        for (Invitee person : people) {
            String token = SecretTokens.newToken();
            List<UserInvitation> existing = open.getOrDefault(person.email(), List.of());
            UserInvitation reused = existing.stream().filter(i -> i.isAdministrator() == administrators)
                    .findFirst().orElse(null);
            // Older duplicates (and an open invitation of the other kind) would keep a second live
            // link for the same person: they stop working now.
            existing.stream().filter(i -> i != reused).forEach(i -> i.delete(now));
            OutboundMail mail = outbox.enqueue(invitationMail(org, person, administrators, inviter, token, now));
            if (reused != null) {
                reused.resend(SecretTokens.hash(token), mail, now);
                ids.add(reused.getId());
                resent++;
            } else {
                UserInvitation invitation = new UserInvitation(org, person.email(), person.firstName(),
                        person.lastName(), administrators, inviter, SecretTokens.hash(token), mail, now);
                em.persist(invitation);
                ids.add(invitation.getId());
                invited++;
            }
        }
        String details = (administrators ? "Invited as administrators: " : "Invited: ") + String.join(", ", emails)
                + (resent > 0 ? " (" + resent + " open invitations sent again)" : "")
                + (created.isEmpty() ? "" : "; groups created: " + String.join(", ", created));
        audit.record(org, AuditAction.INVITATIONS_SENT, AuditTarget.organization(org), details);
        int newOnes = invited;
        int again = resent;
        LOG.info(() -> "Organization " + org.getId() + ": " + newOnes + " invitations created, " + again
                + " sent again, " + created.size() + " groups created");
        return new InvitationBatch(invited, resent, created, ids);
    }

    /**
     * Invites one person to register, and to have their new profile linked to {@code imported}
     * (an imported user the caller checked: of an organization the administrator may act on,
     * present, not linked). The invitation goes out as any other (an open invitation for the same
     * address is sent again with a new link) and carries the pending link, which registration
     * completes through the one linking rule.
     *
     * @throws InvitationRefusedException when the address belongs to a user, or an open invitation to
     *                                    another address already links this imported user
     * @throws IllegalArgumentException   when the invitation cannot carry the link
     */
    @Transactional
    public UserInvitation inviteToLink(User imported, Invitee person) {
        Instant now = clock.instant();
        for (UserInvitation open : linking(imported, now)) {
            if (!open.getEmail().equals(person.email())) {
                throw new InvitationRefusedException("The invitation sent to " + open.getEmail() + " already links "
                        + imported.getFirstName() + " " + imported.getLastName() + " when it is used. Delete it on the"
                        + " Invitations page first to invite someone else.");
            }
        }
        InvitationBatch batch = invite(imported.getOrganization(), List.of(person), List.of(), false);
        UserInvitation invitation = em.find(UserInvitation.class, batch.invitationIds().get(0));
        invitation.linkOnRegistration(em.find(User.class, imported.getId()), now);
        audit.record(invitation.getOrganization(), AuditAction.LINK_INVITED, AuditTarget.user(imported),
                "Invitation sent to " + person.email() + ": the profile registered with it will be linked to external"
                        + " id " + imported.getExternalId() + " (" + imported.getStaffId() + ")");
        LOG.info(() -> "Invitation " + invitation.getId() + " will link imported user " + imported.getId());
        return invitation;
    }

    /** Open invitations whose registration will link {@code imported}, newest first. */
    public List<UserInvitation> linking(User imported, Instant now) {
        return em.createNamedQuery(UserInvitation.LINKING, UserInvitation.class).setParameter("userId", imported.getId())
                .setParameter("now", now).getResultList();
    }

    /**
     * Sends the chosen invitations again, each with a new link (the old one stops working).
     * Registered invitations are skipped.
     *
     * @throws NotInScopeException when an id is not an invitation of an organization the administrator
     *                             may act on (nothing is resent then)
     */
    @Transactional
    public ResendOutcome resend(Collection<Long> invitationIds) {
        List<UserInvitation> chosen = load(invitationIds);
        Instant now = clock.instant();
        int resent = 0;
        int skipped = 0;
        for (UserInvitation invitation : chosen) {
            if (invitation.getStatus() == UserInvitationStatus.REGISTERED) {
                skipped++;
                continue;
            }
            String token = SecretTokens.newToken();
            OutboundMail mail = outbox.enqueue(invitationMail(invitation.getOrganization(),
                    new Invitee(invitation.getEmail(), invitation.getFirstName(), invitation.getLastName()),
                    invitation.isAdministrator(), CurrentAdmin.signedInOrNull(admin), token, now));
            invitation.resend(SecretTokens.hash(token), mail, now);
            audit.record(invitation.getOrganization(), AuditAction.INVITATION_RESENT, target(invitation),
                    "Invitation for " + invitation.getEmail() + " sent again");
            resent++;
        }
        int done = resent;
        LOG.info(() -> "Resent " + done + " invitations");
        return new ResendOutcome(resent, skipped);
    }

    /** How a resend went: how many were sent, how many were skipped because the person had registered. */
    public record ResendOutcome(int resent, int skippedRegistered) {
    }

    /**
     * Deletes the chosen invitations: they leave the list, and a person who has not registered
     * yet can no longer use the link.
     *
     * @return how many were deleted
     * @throws NotInScopeException when an id is not an invitation of an organization the administrator
     *                             may act on (nothing is deleted then)
     */
    @Transactional
    public int delete(Collection<Long> invitationIds) {
        List<UserInvitation> chosen = load(invitationIds);
        Instant now = clock.instant();
        for (UserInvitation invitation : chosen) {
            invitation.delete(now);
            audit.record(invitation.getOrganization(), AuditAction.INVITATION_DELETED, target(invitation),
                    "Invitation for " + invitation.getEmail() + " deleted (status was "
                            + invitation.getStatus().label() + ")");
        }
        LOG.info(() -> "Deleted " + chosen.size() + " invitations");
        return chosen.size();
    }

    // --- the Invitations list ----------------------------------------------------------------

    /**
     * A page of the organization's invitations (not deleted) whose address, last name and first
     * name contain the filters' texts, any case; newest change first.
     */
    public List<InvitationRow> search(Organization organization, InvitationFilter filter, int first, int max) {
        TypedQuery<InvitationRow> query = em.createQuery("select new org.carebridge.invitation.InvitationRow("
                + "i.id, i.email, i.lastName, i.firstName, i.status, i.statusChangedAt, i.administrator)"
                + " from UserInvitation i" + where(filter) + " order by i.statusChangedAt desc, i.id desc",
                InvitationRow.class);
        bind(query, organization, filter);
        return query.setFirstResult(first).setMaxResults(max).getResultList();
    }

    public int count(Organization organization, InvitationFilter filter) {
        TypedQuery<Long> query = em.createQuery("select count(i) from UserInvitation i" + where(filter), Long.class);
        bind(query, organization, filter);
        return query.getSingleResult().intValue();
    }

    private static String where(InvitationFilter filter) {
        StringBuilder where = new StringBuilder(" where i.organization.id = :organizationId and i.deletedAt is null");
        if (filter.hasEmail()) {
            where.append(" and i.email like :email escape '\\'");
        }
        if (filter.hasLastName()) {
            where.append(" and lower(i.lastName) like :lastName escape '\\'");
        }
        if (filter.hasFirstName()) {
            where.append(" and lower(i.firstName) like :firstName escape '\\'");
        }
        return where.toString();
    }

    private static void bind(TypedQuery<?> query, Organization organization, InvitationFilter filter) {
        query.setParameter("organizationId", organization.getId());
        if (filter.hasEmail()) {
            query.setParameter("email", pattern(filter.email()));
        }
        if (filter.hasLastName()) {
            query.setParameter("lastName", pattern(filter.lastName()));
        }
        if (filter.hasFirstName()) {
            query.setParameter("firstName", pattern(filter.firstName()));
        }
    }

    private static String pattern(String text) {
        return LikePatterns.containing(text.strip().toLowerCase(Locale.ROOT));
    }

    // --- following the mail --------------------------------------------------------------------

    /**
     * Moves pending invitations whose current mail among {@code mailIds} has an outcome to Email
     * Sent or Failure. Mails of other kinds, and mails an invitation no longer uses, are ignored.
     *
     * @return how many invitations changed
     */
    @Transactional
    public int followMails(Collection<Long> mailIds) {
        if (mailIds.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        int changed = 0;
        for (List<Long> chunk : chunks(List.copyOf(new LinkedHashSet<>(mailIds)))) {
            for (UserInvitation invitation : em.createNamedQuery(UserInvitation.PENDING_FOR_MAILS,
                    UserInvitation.class).setParameter("mailIds", chunk).getResultList()) {
                if (invitation.followMail(now)) {
                    changed++;
                }
            }
        }
        return changed;
    }

    /**
     * The safety net for {@link #followMails}: every pending invitation whose mail already has
     * an outcome (e.g. decided just before a restart) takes it now, up to {@value #FOLLOW_BATCH}.
     *
     * @return how many invitations changed
     */
    @Transactional
    public int followSettledMails() {
        Instant now = clock.instant();
        int changed = 0;
        for (UserInvitation invitation : em.createNamedQuery(UserInvitation.AWAITING_MAIL_OUTCOME,
                UserInvitation.class).setMaxResults(FOLLOW_BATCH).getResultList()) {
            if (invitation.followMail(now)) {
                changed++;
            }
        }
        return changed;
    }

    // --- helpers -----------------------------------------------------------------------------

    /** Every id through the tenant check before anything changes; deleted invitations count as unknown. */
    private List<UserInvitation> load(Collection<Long> invitationIds) {
        List<UserInvitation> chosen = new ArrayList<>();
        for (Long id : new LinkedHashSet<>(invitationIds)) {
            chosen.add(scope.invitation(id));
        }
        return chosen;
    }

    private Set<String> registeredAmong(List<String> emails) {
        Set<String> found = new HashSet<>();
        for (List<String> chunk : chunks(emails)) {
            found.addAll(em.createQuery("select u.email from User u where u.email in :emails", String.class)
                    .setParameter("emails", chunk).getResultList());
        }
        return found;
    }

    private static String alreadyRegistered(List<String> emails, Set<String> registered) {
        List<String> named = emails.stream().filter(registered::contains).toList();
        String list = named.stream().limit(InviteeLists.NAMED).collect(Collectors.joining(", "));
        int more = named.size() - InviteeLists.NAMED;
        return (named.size() == 1 ? list + " already belongs to a Carebridge user."
                : list + (more > 0 ? " and " + more + " more" : "") + " already belong to Carebridge users.")
                + " Nobody was invited: remove " + (named.size() == 1 ? "it" : "them") + " and try again.";
    }

    private Map<String, List<UserInvitation>> openInvitations(Organization org, List<String> emails) {
        Map<String, List<UserInvitation>> byEmail = new LinkedHashMap<>();
        for (List<String> chunk : chunks(emails)) {
            for (UserInvitation invitation : em.createNamedQuery(UserInvitation.OPEN_FOR_EMAILS, UserInvitation.class)
                    .setParameter("organizationId", org.getId()).setParameter("emails", chunk)
                    .getResultList()) {
                byEmail.computeIfAbsent(invitation.getEmail(), e -> new ArrayList<>()).add(invitation);
            }
        }
        return byEmail;
    }

    /** Creates the departments the organization has no group for yet; returns the names created. */
    private List<String> createMissingGroups(Organization org, List<String> departments) {
        Set<String> seen = new TreeSet<>();
        List<String> created = new ArrayList<>();
        for (String department : departments) {
            String key = ContactGroup.nameKey(department);
            if (!seen.add(key)) {
                continue;
            }
            boolean exists = !em.createNamedQuery(ContactGroup.BY_NAME_KEY, ContactGroup.class)
                    .setParameter("organizationId", org.getId()).setParameter("nameKey", key)
                    .getResultList().isEmpty();
            if (!exists) {
                // GroupService records the creation in the audit trail.
                created.add(groups.create(org, department, false).getName());
            }
        }
        return created;
    }

    private MailMessage invitationMail(Organization org, Invitee person, boolean administrator, User inviter,
            String token, Instant now) {
        String name = org.getName();
        String link = links.withToken(REGISTER_PAGE, token);
        String expires = MailLayout.dateTime(now.plus(UserInvitation.LIFETIME), org.timeZone());
        // The inviter's own organization: a hospital administrator creating a practice invites its
        // administrator from the hospital.
        String who = inviter == null ? name
                : inviter.getFirstName() + " " + inviter.getLastName() + " of " + inviter.getOrganization().getName();
        String greeting = person.firstName() == null ? "Hello," : "Hello " + person.firstName() + ",";
        String invitation = administrator
                ? who + " invites you to administer " + name + " on Carebridge, the secure messaging service for "
                        + "hospitals and the practices that work with them. As its administrator you manage the "
                        + "organization, its users and its groups in the Carebridge administration console."
                : who + " invites you to join " + name + " on Carebridge, the secure messaging service its staff "
                        + "use to reach each other and the practices they work with.";
        String howTo = "To register, open the link below. You will confirm your name and choose a four-digit PIN"
                + (administrator ? " and a password for the administration console" : "")
                + ". The link can be used once, until " + expires + ".";
        return MailLayout.compose(person.email(),
                administrator ? "Set up " + name + " on Carebridge" : name + " invites you to Carebridge", name,
                List.of(greeting, invitation, howTo), new MailLayout.Action("Register", link),
                "If you did not expect this invitation, you can ignore this mail: nothing is set up for you until "
                        + "you register.");
    }

    private static AuditTarget target(UserInvitation invitation) {
        return AuditTarget.of("UserInvitation", invitation.getId());
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return chunks;
    }
}
