package org.carebridge.group;

import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.carebridge.access.NotInScopeException;
import org.carebridge.audit.AuditAction;
import org.carebridge.audit.AuditEvent;
import org.carebridge.audit.AuditTarget;
import org.carebridge.audit.AuditTrail;
import org.carebridge.audit.FieldChanges;
import org.carebridge.organization.Organization;
import org.carebridge.platform.persistence.LikePatterns;
import org.carebridge.user.User;

/**
 * Creating, renaming and listing an organization's contacts groups, and changing who is in
 * them. Callers pass organizations and groups they loaded through {@code AdminScope}, so the
 * administrator's right to act on them is already checked; user ids are checked here against
 * the group's own organization, because a group only ever holds its organization's members.
 */
@ApplicationScoped
public class GroupService {

    private static final Logger LOG = Logger.getLogger(GroupService.class.getName());

    /** SQLSTATE of a unique-constraint violation, on PostgreSQL and H2 alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    private static final String WHOLE_GROUP = "Members can send messages to whole group";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    /**
     * Creates a group. A new group has no members, so asking for whole-group messaging is
     * refused by the group itself.
     */
    @Transactional
    public ContactGroup create(Organization organization, String name, boolean wholeGroupMessaging) {
        Organization org = em.find(Organization.class, organization.getId());
        requireUniqueName(org.getId(), name, null);
        ContactGroup group = new ContactGroup(org, name, clock.instant());
        group.changeWholeGroupMessaging(wholeGroupMessaging);
        em.persist(group);
        flushRefusingDuplicate(group);
        // The name alone: it is what people search the trail for.
        record(org, AuditAction.GROUP_CREATED, group, group.getName());
        LOG.info(() -> "Created group " + group.getId() + " in organization " + org.getId());
        return group;
    }

    /** Applies the Update Group details: the name and whole-group messaging. */
    @Transactional
    public ContactGroup update(ContactGroup group, String name, boolean wholeGroupMessaging) {
        ContactGroup current = find(group);
        requireUniqueName(current.getOrganization().getId(), name, current.getId());
        String nameBefore = current.getName();
        boolean wholeGroupBefore = current.isWholeGroupMessaging();
        current.rename(name);
        current.changeWholeGroupMessaging(wholeGroupMessaging);
        flushRefusingDuplicate(current);
        FieldChanges changes = new FieldChanges()
                .field("Group name", nameBefore, current.getName())
                .flag(WHOLE_GROUP, wholeGroupBefore, current.isWholeGroupMessaging());
        if (!changes.isEmpty()) {
            record(current.getOrganization(), AuditAction.GROUP_UPDATED, current, changes.describe());
        }
        LOG.info(() -> "Updated group " + current.getId());
        return current;
    }

    /**
     * Adds members of the group's organization; current members are left as they are. If any
     * id is not a user of that organization nothing is added, and the refusal does not say
     * whose id it was.
     */
    @Transactional
    public ContactGroup addMembers(ContactGroup group, Collection<Long> userIds) {
        ContactGroup current = find(group);
        Set<Long> wanted = new LinkedHashSet<>(userIds);
        if (wanted.isEmpty()) {
            return current;
        }
        Long organizationId = current.getOrganization().getId();
        List<User> users = em.createQuery("select u from User u where u.id in :ids"
                + " and u.organization.id = :organizationId and u.removedAt is null", User.class)
                .setParameter("ids", wanted).setParameter("organizationId", organizationId).getResultList();
        if (users.size() != wanted.size()) {
            LOG.warning(() -> "Refused to add users outside organization " + organizationId + " to group "
                    + current.getId());
            throw new NotInScopeException("Only members of the group's organization can join it.");
        }
        List<User> joining = users.stream().filter(u -> !current.hasMember(u)).toList();
        joining.forEach(current::addMember);
        if (!joining.isEmpty()) {
            record(current.getOrganization(), AuditAction.GROUP_MEMBERS_ADDED, current,
                    "Group \"" + current.getName() + "\": " + people(joining));
        }
        LOG.info(() -> "Added " + users.size() + " member(s) to group " + current.getId());
        return current;
    }

    /**
     * Takes users out of the group. They stay members of the organization; ids of people who
     * are not in the group are ignored.
     */
    @Transactional
    public ContactGroup removeMembers(ContactGroup group, Collection<Long> userIds) {
        ContactGroup current = find(group);
        Set<Long> leaving = Set.copyOf(userIds);
        List<User> removed = current.getMembers().stream().filter(m -> leaving.contains(m.getId())).toList();
        boolean wholeGroupBefore = current.isWholeGroupMessaging();
        removed.forEach(current::removeMember);
        if (!removed.isEmpty()) {
            String emptied = new FieldChanges().flag(WHOLE_GROUP, wholeGroupBefore, current.isWholeGroupMessaging())
                    .describe();
            record(current.getOrganization(), AuditAction.GROUP_MEMBERS_REMOVED, current,
                    "Group \"" + current.getName() + "\": " + people(removed) + (emptied == null ? "" : "; " + emptied));
        }
        LOG.info(() -> "Removed " + removed.size() + " member(s) from group " + current.getId());
        return current;
    }

    private void record(Organization organization, AuditAction action, ContactGroup group, String details) {
        audit.record(organization, action, AuditTarget.group(group), details);
    }

    /** "Brown, Charlie (100123); Davis, Miles (100124)", in the order the console lists people. */
    static String people(Collection<User> users) {
        return users.stream().sorted(Comparator.comparing(User::getSortName, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(User::getId, Comparator.nullsLast(Comparator.naturalOrder())))
                .map(AuditEvent::labelOf).collect(Collectors.joining("; "));
    }

    /** The group's members, by last name then first name. */
    public List<User> members(ContactGroup group) {
        return em.createNamedQuery(ContactGroup.MEMBERS, User.class).setParameter("groupId", group.getId())
                .getResultList();
    }

    /**
     * A page of the members of the group's organization who are not in the group yet (the
     * people one can add) whose first name, last name or e-mail contains {@code text}, any case.
     */
    public List<User> candidates(ContactGroup group, String text, int first, int max) {
        return em.createNamedQuery(ContactGroup.CANDIDATES, User.class)
                .setParameter("organizationId", group.getOrganization().getId())
                .setParameter("groupId", group.getId())
                .setParameter("pattern", personPattern(text))
                .setFirstResult(first).setMaxResults(max).getResultList();
    }

    public int countCandidates(ContactGroup group, String text) {
        return em.createNamedQuery(ContactGroup.COUNT_CANDIDATES, Long.class)
                .setParameter("organizationId", group.getOrganization().getId())
                .setParameter("groupId", group.getId())
                .setParameter("pattern", personPattern(text))
                .getSingleResult().intValue();
    }

    /** The organization's groups whose name contains {@code text} (any case), with their sizes. */
    public List<GroupSummary> search(Organization organization, String text, int first, int max) {
        return em.createNamedQuery(ContactGroup.SEARCH, GroupSummary.class)
                .setParameter("organizationId", organization.getId()).setParameter("pattern", pattern(text))
                .setFirstResult(first).setMaxResults(max).getResultList();
    }

    public int countMatching(Organization organization, String text) {
        return em.createNamedQuery(ContactGroup.COUNT_MATCHING, Long.class)
                .setParameter("organizationId", organization.getId()).setParameter("pattern", pattern(text))
                .getSingleResult().intValue();
    }

    private ContactGroup find(ContactGroup group) {
        ContactGroup current = em.find(ContactGroup.class, group.getId());
        if (current == null) {
            throw new NotInScopeException("Group " + group.getId() + " no longer exists");
        }
        return current;
    }

    /**
     * Runs before the group changes, so the query does not flush a colliding name first. A blank
     * name is left to the group's own rule, which words its refusal better.
     */
    private void requireUniqueName(Long organizationId, String name, Long exceptGroupId) {
        if (name == null || name.isBlank()) {
            return;
        }
        boolean taken = em.createNamedQuery(ContactGroup.BY_NAME_KEY, ContactGroup.class)
                .setParameter("organizationId", organizationId).setParameter("nameKey", ContactGroup.nameKey(name))
                .getResultList().stream().anyMatch(other -> !other.getId().equals(exceptGroupId));
        if (taken) {
            throw new DuplicateGroupNameException(name.strip());
        }
    }

    /**
     * The check above cannot see a group another administrator is creating at the same moment;
     * the database's unique key on the name does, and this turns its refusal into the same answer.
     */
    private void flushRefusingDuplicate(ContactGroup group) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw new DuplicateGroupNameException(group.getName());
            }
            throw e;
        }
    }

    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            // A batched insert reports the row's own error as the batch's next exception.
            for (SQLException sql = t instanceof SQLException s ? s : null; sql != null; sql = sql.getNextException()) {
                if (UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String personPattern(String text) {
        return LikePatterns.containing(text == null ? null : text.strip().toLowerCase(java.util.Locale.ROOT));
    }

    private static String pattern(String text) {
        return LikePatterns.containing(text == null ? null : ContactGroup.nameKey(text));
    }
}
