package org.carebridge.user;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.transaction.Transactional;

import org.carebridge.access.ClientTokens;
import org.carebridge.access.CurrentAdmin;
import org.carebridge.access.NotInScopeException;
import org.carebridge.access.PasswordHasher;
import org.carebridge.audit.AuditAction;
import org.carebridge.audit.AuditTarget;
import org.carebridge.audit.AuditTrail;
import org.carebridge.audit.FieldChanges;
import org.carebridge.directory.DirectoryClock;
import org.carebridge.events.PresenceChanged;
import org.carebridge.group.ContactGroup;
import org.carebridge.group.GroupService;
import org.carebridge.organization.Organization;
import org.carebridge.platform.persistence.LikePatterns;

/**
 * Finding, creating and updating an organization's users from the console. Callers pass
 * organizations and users they loaded through {@code AdminScope}, so the administrator's right
 * to act on them is already checked; what only a system administrator may do (grant the system
 * administrator role) is checked here, whatever the page offered.
 */
@ApplicationScoped
public class UserService {

    private static final Logger LOG = Logger.getLogger(UserService.class.getName());
    private static final String UNIQUE_VIOLATION = "23505";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    PasswordHasher hasher;

    @Inject
    AuditTrail audit;

    @Inject
    CurrentAdmin admin;

    @Inject
    DirectoryClock directoryClock;

    @Inject
    Event<PresenceChanged> presenceChanges;

    @Inject
    GroupService groups;

    @Inject
    ClientTokens clientTokens;

    // --- Find Users ----------------------------------------------------------------------------

    /** One page of the organization's users matching {@code search}, ordered by the database. */
    public List<User> search(Organization organization, UserSearch search, UserSearch.Order order, boolean ascending,
            int first, int max) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<User> query = cb.createQuery(User.class);
        Root<User> user = query.from(User.class);
        query.select(user).where(matching(cb, user, organization, search));
        List<Order> orders = new ArrayList<>();
        if (order == UserSearch.Order.TYPE) {
            // "External User" < "Non-Physician" < "Physician", as the labels sort.
            orders.add(ascending ? cb.asc(user.get("kind")) : cb.desc(user.get("kind")));
            orders.add(ascending ? cb.asc(user.get("staffType")) : cb.desc(user.get("staffType")));
            orders.add(cb.asc(user.get("lastName")));
            orders.add(cb.asc(user.get("firstName")));
        } else {
            orders.add(ascending ? cb.asc(user.get("lastName")) : cb.desc(user.get("lastName")));
            orders.add(ascending ? cb.asc(user.get("firstName")) : cb.desc(user.get("firstName")));
        }
        orders.add(cb.asc(user.get("id")));
        query.orderBy(orders);
        return em.createQuery(query).setFirstResult(first).setMaxResults(max).getResultList();
    }

    public int count(Organization organization, UserSearch search) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<User> user = query.from(User.class);
        query.select(cb.count(user)).where(matching(cb, user, organization, search));
        return em.createQuery(query).getSingleResult().intValue();
    }

    private static Predicate[] matching(CriteriaBuilder cb, Root<User> user, Organization organization,
            UserSearch search) {
        List<Predicate> where = new ArrayList<>();
        where.add(cb.equal(user.get("organization").get("id"), organization.getId()));
        where.add(cb.isNull(user.get("removedAt")));
        contains(cb, where, cb.lower(user.get("firstName")), search.firstName());
        contains(cb, where, cb.lower(user.get("lastName")), search.lastName());
        contains(cb, where, user.get("email"), search.email());
        switch (search.type()) {
            case PHYSICIAN -> {
                where.add(cb.equal(user.get("kind"), UserKind.NATIVE));
                where.add(cb.equal(user.get("staffType"), StaffType.PHYSICIAN));
            }
            case NON_PHYSICIAN -> {
                where.add(cb.equal(user.get("kind"), UserKind.NATIVE));
                where.add(cb.equal(user.get("staffType"), StaffType.NON_PHYSICIAN));
            }
            case EXTERNAL -> where.add(cb.equal(user.get("kind"), UserKind.EXTERNAL));
            case ALL -> { }
        }
        return where.toArray(Predicate[]::new);
    }

    private static void contains(CriteriaBuilder cb, List<Predicate> where,
            jakarta.persistence.criteria.Expression<String> lowerColumn, String typed) {
        if (typed != null && !typed.isBlank()) {
            where.add(cb.like(lowerColumn, LikePatterns.containing(typed.strip().toLowerCase(Locale.ROOT)), '\\'));
        }
    }

    // --- Create and update ---------------------------------------------------------------------

    /** Creates a native user of {@code organization} from a complete form. */
    @Transactional
    public User create(Organization organization, ProfileForm form) {
        requireNoProblems(form.problems(true));
        requireSystemAdminRight(false, form.isSystemAdmin());
        requireUniqueEmail(form.getEmail(), null);
        Organization org = em.find(Organization.class, organization.getId());
        User user = User.nativeUser(org, form.getEmail(), form.getFirstName(), form.getLastName(),
                java.time.ZoneId.of(form.getTimeZone().strip()), clock.instant());
        user.convertTo(form.getStaffType());
        form.applyDetailsTo(user);
        user.changePinHash(hasher.hash(form.typedPin()), form.isPinTemporary());
        if (form.typedPassword() != null) {
            user.changePasswordHash(hasher.hash(form.typedPassword()));
        }
        user.grantOrganizationAdmin(form.isOrgAdmin());
        user.grantSystemAdmin(form.isSystemAdmin());
        em.persist(user);
        user.assignStaffId();
        flushRefusingDuplicate(user.getEmail());
        audit.record(org, AuditAction.USER_CREATED, AuditTarget.user(user), new FieldChanges()
                .field("Name", null, user.getSortName()).field("E-mail", null, user.getEmail())
                .field("User type", null, user.getUserTypeLabel()).field("Roles", null, roles(user))
                .privateField("Cell (private)", null, user.getCellPhone()).secret("PIN", true)
                .field("PIN is temporary", null, yesNo(user.isPinTemporary()))
                .secret("Password", user.hasPassword()).describe());
        LOG.info(() -> "Created user " + user.getId() + " in organization " + org.getId());
        return user;
    }

    /** What an update did besides saving the fields, for the page to say so. */
    public record Updated(User user, boolean pinChanged, boolean unlocked) {
    }

    /**
     * Saves Update User Profile. A blank PIN or password keeps the current one; "Can Login" follows
     * the user's own rule (a locked account needs a new PIN to be enabled again).
     */
    @Transactional
    public Updated update(User user, ProfileForm form) {
        User current = find(user);
        if (current.getKind() != UserKind.NATIVE) {
            throw new IllegalStateException("External users are kept by their organization's on-premises system.");
        }
        requireNoProblems(form.problems(false));
        requireSystemAdminRight(current.isSystemAdmin(), form.isSystemAdmin());
        if (isSelf(current) && current.isOrgAdmin() && !form.isOrgAdmin()) {
            throw new ProfileProblemsException(Map.of("orgAdmin",
                    "You cannot take away your own administrator role; ask another administrator."));
        }
        requireUniqueEmail(form.getEmail(), current.getId());

        ProfileForm before = ProfileForm.of(current);
        String rolesBefore = roles(current);
        java.util.List<Object> shownBefore = current.directoryFields();
        PresenceStatus statusBefore = current.getStatus();
        form.applyDetailsTo(current);
        if (!shownBefore.equals(current.directoryFields())) {
            directoryClock.changed(current);
        }
        if (current.getStatus() != statusBefore) {
            // Connected clients see a status an administrator set as promptly as one set in the app.
            presenceChanges.fire(new PresenceChanged(current.getId(), current.getStatus().label()));
        }
        String pinHash = form.typedPin() == null ? null : hasher.hash(form.typedPin());
        boolean unlocked;
        try {
            unlocked = current.changeCanLogin(form.getLoginState(), pinHash, form.isPinTemporary());
        } catch (IllegalArgumentException e) {
            throw new ProfileProblemsException(Map.of("loginState", e.getMessage()));
        }
        if (!unlocked) {
            if (pinHash != null) {
                current.changePinHash(pinHash, form.isPinTemporary());
            } else if (before.isPinTemporary() != form.isPinTemporary()) {
                current.changePinHash(current.getPinHash(), form.isPinTemporary());
            }
        }
        if (form.typedPassword() != null) {
            current.changePasswordHash(hasher.hash(form.typedPassword()));
        }
        current.grantOrganizationAdmin(form.isOrgAdmin());
        current.grantSystemAdmin(form.isSystemAdmin());
        flushRefusingDuplicate(current.getEmail());

        FieldChanges changes = changes(before, ProfileForm.of(current))
                .field("Roles", rolesBefore, roles(current))
                .secret("Password", form.typedPassword() != null);
        Organization org = current.getOrganization();
        if (!changes.isEmpty()) {
            audit.record(org, AuditAction.USER_UPDATED, AuditTarget.user(current), changes.describe());
        }
        if (pinHash != null) {
            audit.record(org, AuditAction.USER_PIN_CHANGED, AuditTarget.user(current), new FieldChanges()
                    .secret("PIN", true).field("PIN is temporary", yesNo(before.isPinTemporary()),
                            yesNo(current.isPinTemporary())).describe());
        }
        if (unlocked) {
            audit.record(org, AuditAction.USER_UNLOCKED, AuditTarget.user(current),
                    "Can Login: \"" + LoginState.LOCKED.label() + "\" \u2192 \"" + LoginState.ENABLED.label() + "\"");
        }
        if (before.getLoginState() != LoginState.DISABLED && current.getLoginState() == LoginState.DISABLED) {
            // "Login Disabled" takes effect at once: every client of the user is signed out now.
            int ended = clientTokens.revokeAllOfUser(current.getId());
            audit.record(org, AuditAction.USER_SESSIONS_REVOKED, AuditTarget.user(current),
                    "Can Login set to \"" + LoginState.DISABLED.label() + "\": " + ended + " client sessions ended");
            LOG.info(() -> "Login disabled for user " + current.getId() + "; ended " + ended + " client sessions");
        }
        LOG.info(() -> "Updated user " + current.getId());
        return new Updated(current, pinHash != null, unlocked);
    }

    /** "Convert to": physician ⇄ non-physician; the physician attributes are kept either way. */
    @Transactional
    public User convert(User user, StaffType type) {
        User current = find(user);
        String before = current.getUserTypeLabel();
        if (current.convertTo(type)) {
            audit.record(current.getOrganization(), AuditAction.USER_TYPE_CONVERTED, AuditTarget.user(current),
                    new FieldChanges().field("User type", before, current.getUserTypeLabel()).describe());
            LOG.info(() -> "Converted user " + current.getId() + " to " + type);
        }
        return current;
    }

    // --- Profile image -------------------------------------------------------------------------

    /**
     * Stores a new profile picture, or refuses it (with a message for the page) and keeps the
     * current one.
     */
    @Transactional
    public void changeImage(User user, byte[] data) {
        User current = find(user);
        UserProfileImage image = em.find(UserProfileImage.class, current.getId());
        if (image == null) {
            em.persist(new UserProfileImage(current.getId(), data, clock.instant()));
        } else {
            image.replace(data, clock.instant());
        }
        audit.record(current.getOrganization(), AuditAction.USER_IMAGE_CHANGED, AuditTarget.user(current),
                "Profile image: " + UserProfileImage.detectContentType(data) + ", " + data.length + " bytes");
        LOG.info(() -> "Changed the profile image of user " + current.getId());
    }

    /** The user's picture, or {@code null} when they have none. */
    public UserProfileImage image(User user) {
        return em.find(UserProfileImage.class, user.getId());
    }

    public boolean hasImage(User user) {
        return em.createQuery("select count(i) from UserProfileImage i where i.userId = :userId", Long.class)
                .setParameter("userId", user.getId()).getSingleResult() > 0;
    }

    // --- Groups and linked accounts -------------------------------------------------------------

    /** The contacts groups the user is in, by name. */
    public List<ContactGroup> groupsOf(User user) {
        return em.createNamedQuery(ContactGroup.OF_MEMBER, ContactGroup.class).setParameter("userId", user.getId())
                .getResultList();
    }

    /** Takes the user out of one of their groups (loaded through {@code AdminScope}); they stay in the organization. */
    @Transactional
    public void removeFromGroup(User user, ContactGroup group) {
        User current = find(user);
        if (!group.getOrganization().getId().equals(current.getOrganization().getId())) {
            throw new NotInScopeException("Group " + group.getId() + " is not of user " + current.getId() + "'s organization");
        }
        // GroupService records the removal in the audit trail.
        groups.removeMembers(group, List.of(current.getId()));
    }

    /** External (synced) users linked to this profile. */
    public List<User> linkedAccounts(User user) {
        return em.createNamedQuery(User.LINKED_TO, User.class).setParameter("userId", user.getId()).getResultList();
    }

    // --- helpers -------------------------------------------------------------------------------

    private User find(User user) {
        User current = em.find(User.class, user.getId());
        if (current == null) {
            throw new NotInScopeException("User " + user.getId() + " no longer exists");
        }
        return current;
    }

    private boolean isSelf(User user) {
        try {
            return admin.isSignedIn() && user.getId().equals(admin.userId());
        } catch (NotInScopeException | jakarta.enterprise.context.ContextNotActiveException e) {
            return false;
        }
    }

    /** Only a system administrator grants or takes away the system administrator role. */
    private void requireSystemAdminRight(boolean before, boolean after) {
        if (before != after && !actorIsSystemAdmin()) {
            LOG.warning("Refused a change of the system administrator role by an organization administrator");
            throw new ProfileProblemsException(Map.of("systemAdmin",
                    "Only a system administrator can change the system administrator role."));
        }
    }

    private boolean actorIsSystemAdmin() {
        try {
            return admin.isSystemAdmin();
        } catch (NotInScopeException | jakarta.enterprise.context.ContextNotActiveException e) {
            return false;
        }
    }

    private static void requireNoProblems(Map<String, String> problems) {
        if (!problems.isEmpty()) {
            throw new ProfileProblemsException(problems);
        }
    }

    /** E-mail addresses are user ids: unique across all organizations, whatever their case. */
    private void requireUniqueEmail(String email, Long exceptUserId) {
        String normalized = User.normalizeEmail(email);
        boolean taken = em.createNamedQuery(User.BY_EMAIL, User.class).setParameter("email", normalized)
                .getResultList().stream().anyMatch(other -> !other.getId().equals(exceptUserId));
        if (taken) {
            throw new DuplicateEmailException(normalized);
        }
    }

    /** Someone saving the same address at the same moment is caught by the database's unique key. */
    private void flushRefusingDuplicate(String email) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw new DuplicateEmailException(email);
            }
            throw e;
        }
    }

    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            for (SQLException sql = t instanceof SQLException s ? s : null; sql != null; sql = sql.getNextException()) {
                if (UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Before and after of the profile fields; the cell number is private and never written out. */
    static FieldChanges changes(ProfileForm a, ProfileForm b) {
        return new FieldChanges()
                .field("Title", a.getTitle(), b.getTitle())
                .field("First name", a.getFirstName(), b.getFirstName())
                .field("Middle name", a.getMiddleName(), b.getMiddleName())
                .field("Last name", a.getLastName(), b.getLastName())
                .field("Nickname", a.getNickname(), b.getNickname())
                .field("Credentials", a.getCredentials(), b.getCredentials())
                .field("Job title", a.getJobTitle(), b.getJobTitle())
                .field("E-mail", a.getEmail(), b.getEmail())
                .privateField("Cell (private)", a.getCellPhone(), b.getCellPhone())
                .field("PIN is temporary", yesNo(a.isPinTemporary()), yesNo(b.isPinTemporary()))
                .field("Time zone", a.getTimeZone(), b.getTimeZone())
                .field("Address 1", a.getOfficeStreet(), b.getOfficeStreet())
                .field("Address 2", a.getOfficeStreet2(), b.getOfficeStreet2())
                .field("City", a.getOfficeCity(), b.getOfficeCity())
                .field("State", a.getOfficeState(), b.getOfficeState())
                .field("Zip", a.getOfficePostalCode(), b.getOfficePostalCode())
                .field("Office phone", a.getOfficePhone(), b.getOfficePhone())
                .field("Office fax", a.getOfficeFax(), b.getOfficeFax())
                .field("Status", a.getStatus().label(), b.getStatus().label())
                .field("Can Login", a.getLoginState().label(), b.getLoginState().label())
                .field("Specialty", a.getSpecialty(), b.getSpecialty())
                .field("Sub-specialty", a.getSubSpecialty(), b.getSubSpecialty())
                .field("Medical school", a.getMedicalSchool(), b.getMedicalSchool())
                .field("Residency", a.getResidency(), b.getResidency())
                .field("Fellowship", a.getFellowship(), b.getFellowship())
                .field("Practice description", a.getPracticeDescription(), b.getPracticeDescription())
                .field("Home page", a.getHomePageUrl(), b.getHomePageUrl());
    }

    private static String roles(User user) {
        List<String> roles = new ArrayList<>();
        if (user.isOrgAdmin()) {
            roles.add("Organization administrator");
        }
        if (user.isSystemAdmin()) {
            roles.add("System administrator");
        }
        return roles.isEmpty() ? "None" : String.join(", ", roles);
    }

    private static String yesNo(boolean value) {
        return value ? "Yes" : "No";
    }
}
