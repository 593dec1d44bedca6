package org.carebridge.integration;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.carebridge.audit.AuditAction;
import org.carebridge.audit.AuditTarget;
import org.carebridge.audit.AuditTrail;
import org.carebridge.audit.FieldChanges;
import org.carebridge.directory.DirectoryClock;
import org.carebridge.platform.persistence.LikePatterns;
import org.carebridge.user.User;
import org.carebridge.user.UserKind;

/**
 * Imported (external) users in the console: renaming by an administrator, likely native
 * profiles to link to, linking and unlinking. Users come already checked by {@code AdminScope}.
 */
@ApplicationScoped
public class ImportedUsers {

    public static final int MATCHES_SHOWN = 20;

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    DirectoryClock directoryClock;

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

    @Transactional
    public User link(User imported, Long nativeProfileId) {
        User user = external(imported);
        User profile = nativeProfileId == null ? null : em.find(User.class, nativeProfileId);
        if (profile == null || !profile.getOrganization().getId().equals(user.getOrganization().getId())) {
            throw new IllegalArgumentException("Choose one of the profiles listed.");
        }
        user.linkTo(profile);
        directoryClock.changed(user);
        audit.record(user.getOrganization(), AuditAction.USER_LINKED, AuditTarget.user(user),
                "External id " + user.getExternalId() + " linked to " + profile.getSortName() + " ("
                        + profile.getStaffId() + ")");
        return user;
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
