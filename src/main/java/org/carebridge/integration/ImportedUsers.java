package org.carebridge.integration;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.carebridge.access.NotInScopeException;
import org.carebridge.audit.AuditAction;
import org.carebridge.audit.AuditTarget;
import org.carebridge.audit.AuditTrail;
import org.carebridge.audit.FieldChanges;
import org.carebridge.directory.DirectoryClock;
import org.carebridge.invitation.Invitee;
import org.carebridge.invitation.UserInvitation;
import org.carebridge.invitation.UserInvitations;
import org.carebridge.organization.Organization;
import org.carebridge.platform.persistence.LikePatterns;
import org.carebridge.user.ProfileForm;
import org.carebridge.user.User;
import org.carebridge.user.UserKind;
import org.carebridge.user.UserService;

/**
 * Imported (external) users in the console: renaming by an administrator, likely native
 * profiles to link to, linking and unlinking. A link is made to an existing profile, to one
 * created by hand, or to the one an invitee registers; all three go through {@link #linkNow}.
 * Users come already checked by {@code AdminScope}.
 */
@ApplicationScoped
public class ImportedUsers {

    private static final Logger LOG = Logger.getLogger(ImportedUsers.class.getName());

    public static final int MATCHES_SHOWN = 20;

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    DirectoryClock directoryClock;

    @Inject
    UserService users;

    @Inject
    UserInvitations invitations;

    @Inject
    Clock clock;

    @Transactional
    public User rename(User imported, String first, String middle, String last) {
        User user = external(imported);
        String before = user.getDisplayName();
        user.renameImported(first, middle, last);
        directoryClock.changed(user);
        audit.record(user.getOrganization(), AuditAction.IMPORTED_USER_RENAMED, AuditTarget.user(user),
                new FieldChanges().field("Name", before, user.getDisplayName()).describe());
        return user;
    }

    /**
     * Native profiles of the imported user's organization that may be the same person: those whose
     * first or last name contains a word of {@code search} (the imported user's name when blank),
     * the ones sharing the last name first.
     */
    @Transactional
    public List<User> likelyMatches(User imported, String search) {
        User user = external(imported);
        String text = search == null || search.isBlank() ? user.getFirstName() + " " + user.getLastName() : search;
        List<String> words = List.of(text.toLowerCase(Locale.ROOT).strip().split("\\s+"));
        StringBuilder jpql = new StringBuilder("select u from User u where u.organization.id = :org"
                + " and u.kind = org.carebridge.user.UserKind.NATIVE and (");
        for (int i = 0; i < words.size(); i++) {
            jpql.append(i == 0 ? "" : " or ").append("lower(u.firstName) like :w").append(i).append(" escape '\\'")
                    .append(" or lower(u.lastName) like :w").append(i).append(" escape '\\'");
        }
        jpql.append(") order by u.lastName, u.firstName, u.id");
        var query = em.createQuery(jpql.toString(), User.class).setParameter("org", user.getOrganization().getId());
        for (int i = 0; i < words.size(); i++) {
            query.setParameter("w" + i, LikePatterns.containing(words.get(i)));
        }
        String last = user.getLastName().toLowerCase(Locale.ROOT);
        return query.setMaxResults(200).getResultList().stream()
                .sorted(Comparator.comparing((User u) -> !u.getLastName().toLowerCase(Locale.ROOT).equals(last)))
                .limit(MATCHES_SHOWN).toList();
    }

    /** Links an imported user to one of the likely matches (an existing native profile of its organization). */
    @Transactional
    public User link(User imported, Long nativeProfileId) {
        User user = external(imported);
        User profile = nativeProfileId == null ? null : em.find(User.class, nativeProfileId);
        if (profile == null || !profile.getOrganization().getId().equals(user.getOrganization().getId())) {
            throw new IllegalArgumentException("Choose one of the profiles listed.");
        }
        linkNow(user, profile, null, "");
        return user;
    }

    /**
     * "Create the user manually" from the Imported User page: creates the native profile from the
     * Create User Profile form and links the imported user to it, both or neither.
     *
     * @param organization the organization the page works in, already checked through {@code AdminScope}
     * @throws NotInScopeException when the imported user is not of that organization
     */
    @Transactional
    public User createLinkedProfile(User imported, Organization organization, ProfileForm form) {
        User user = linkable(imported);
        if (!user.getOrganization().getId().equals(organization.getId())) {
            throw new NotInScopeException("Imported user " + user.getId() + " is not of organization "
                    + organization.getId());
        }
        User profile = users.create(organization, form);
        linkNow(user, profile, null, " (profile created for it)");
        return profile;
    }

    /**
     * "Send an invitation by e-mail" from the Imported User page: invites the person, and the
     * profile they register with is linked to the imported user then (see {@link #linkRegistered}).
     */
    @Transactional
    public UserInvitation inviteToLink(User imported, String email, String firstName, String lastName) {
        User user = linkable(imported);
        return invitations.inviteToLink(user, new Invitee(email, firstName, lastName));
    }

    /** Open invitations whose registration will link {@code imported}, newest first. */
    @Transactional
    public List<UserInvitation> pendingInvitations(User imported) {
        return invitations.linking(imported, clock.instant());
    }

    /**
     * Completes a link an invitation carried, as its invitee registers (in the registration's
     * transaction). When the link can no longer be made (the imported user was linked meanwhile,
     * or a sync removed it) the registration still stands; the returned note says why.
     *
     * @return what happened, for the registration's audit line
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String linkRegistered(User imported, User registered) {
        User user = em.find(User.class, imported.getId());
        try {
            linkNow(user, registered, registered, " on registration from the invitation");
            return "linked to imported user " + user.getStaffId();
        } catch (IllegalArgumentException | IllegalStateException e) {
            LOG.info(() -> "Registered user " + registered.getId() + " not linked to imported user " + user.getId()
                    + ": " + e.getMessage());
            return "not linked to imported user " + user.getStaffId() + ": " + e.getMessage();
        }
    }

    /**
     * The one way a link is made, whichever path leads here: {@link User#linkTo} decides whether it
     * may be, the directory clock carries it to clients, the audit trail records it ({@code actor}
     * {@code null}: the signed-in administrator, or the system).
     */
    private void linkNow(User imported, User profile, User actor, String how) {
        imported.linkTo(profile);
        directoryClock.changed(imported);
        String details = "External id " + imported.getExternalId() + " linked to " + profile.getSortName() + " ("
                + profile.getStaffId() + ")" + how;
        if (actor == null) {
            audit.record(imported.getOrganization(), AuditAction.USER_LINKED, AuditTarget.user(imported), details);
        } else {
            audit.recordBy(actor, imported.getOrganization(), AuditAction.USER_LINKED, AuditTarget.user(imported),
                    details);
        }
    }

    /** Unlinks an imported user from {@code nativeProfile} (both already in the administrator's scope). */
    @Transactional
    public void unlink(User nativeProfile, Long importedUserId) {
        User user = importedUserId == null ? null : em.find(User.class, importedUserId);
        if (user == null || user.getLinkedUser() == null || !user.getLinkedUser().getId().equals(nativeProfile.getId())) {
            throw new IllegalArgumentException("That account is not linked to this profile.");
        }
        user.unlink();
        directoryClock.changed(user);
        audit.record(user.getOrganization(), AuditAction.USER_UNLINKED, AuditTarget.user(user),
                "External id " + user.getExternalId() + " unlinked from " + nativeProfile.getSortName() + " ("
                        + nativeProfile.getStaffId() + ")");
    }

    /** An imported user a new link may be made for: present and not linked yet. */
    private User linkable(User imported) {
        User user = external(imported);
        if (user.getLinkedUser() != null) {
            throw new IllegalArgumentException("This imported user is already linked to "
                    + user.getLinkedUser().getSortName() + ". Unlink it on that profile first.");
        }
        return user;
    }

    private User external(User imported) {
        User user = em.find(User.class, imported.getId());
        if (user == null || user.getKind() != UserKind.EXTERNAL) {
            throw new IllegalArgumentException("Not an imported user.");
        }
        if (user.isRemoved()) {
            throw new IllegalArgumentException("This imported user was removed by a sync from the on-premises system.");
        }
        return user;
    }
}
