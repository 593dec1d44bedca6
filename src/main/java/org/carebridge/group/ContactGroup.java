package org.carebridge.group;

import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.carebridge.organization.Organization;
import org.carebridge.user.User;

/**
 * A contacts group: a named sub-group of one organization's members. Members can be addressed
 * together, and an organization can let an affiliate reach only chosen groups. Names are
 * unique within the organization regardless of case.
 */
@Entity
@Table(name = "contact_group")
@NamedQuery(name = ContactGroup.OF_ORGANIZATION, query = "select g from ContactGroup g"
        + " where g.organization.id = :organizationId order by g.nameKey")
@NamedQuery(name = ContactGroup.BY_NAME_KEY, query = "select g from ContactGroup g"
        + " where g.organization.id = :organizationId and g.nameKey = :nameKey")
@NamedQuery(name = ContactGroup.OF_MEMBER, query = "select g from ContactGroup g join g.members m"
        + " where m.id = :userId order by g.nameKey")
@NamedQuery(name = ContactGroup.MEMBERS, query = "select m from ContactGroup g join g.members m"
        + " where g.id = :groupId order by m.lastName, m.firstName, m.id")
@NamedQuery(name = ContactGroup.CANDIDATES, query = "select u from User u where u.organization.id = :organizationId"
        + " and u.removedAt is null and not exists (select m.id from ContactGroup g join g.members m where g.id = :groupId and m.id = u.id)"
        + " and (lower(u.lastName) like :pattern escape '\\' or lower(u.firstName) like :pattern escape '\\'"
        + " or u.email like :pattern escape '\\')"
        + " order by u.lastName, u.firstName, u.id")
@NamedQuery(name = ContactGroup.COUNT_CANDIDATES, query = "select count(u) from User u"
        + " where u.organization.id = :organizationId and u.removedAt is null"
        + " and not exists (select m.id from ContactGroup g join g.members m where g.id = :groupId and m.id = u.id)"
        + " and (lower(u.lastName) like :pattern escape '\\' or lower(u.firstName) like :pattern escape '\\'"
        + " or u.email like :pattern escape '\\')")
@NamedQuery(name = ContactGroup.SEARCH, query = "select new org.carebridge.group.GroupSummary(g.id, g.name, count(m))"
        + " from ContactGroup g left join g.members m"
        + " where g.organization.id = :organizationId and g.nameKey like :pattern escape '\\'"
        + " group by g.id, g.name, g.nameKey order by g.nameKey, g.id")
@NamedQuery(name = ContactGroup.COUNT_MATCHING, query = "select count(g) from ContactGroup g"
        + " where g.organization.id = :organizationId and g.nameKey like :pattern escape '\\'")
public class ContactGroup {

    public static final String OF_ORGANIZATION = "ContactGroup.ofOrganization";
    public static final String BY_NAME_KEY = "ContactGroup.byNameKey";
    public static final String OF_MEMBER = "ContactGroup.ofMember";
    public static final String MEMBERS = "ContactGroup.members";
    public static final String CANDIDATES = "ContactGroup.candidates";
    public static final String COUNT_CANDIDATES = "ContactGroup.countCandidates";
    public static final String SEARCH = "ContactGroup.search";
    public static final String COUNT_MATCHING = "ContactGroup.countMatching";
    public static final int NAME_MAX = 100;

    @Id
    @SequenceGenerator(name = "contact_group_seq", sequenceName = "contact_group_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "contact_group_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "organization_id", nullable = false, updatable = false)
    private Organization organization;

    @Column(nullable = false)
    private String name;

    @Column(name = "name_key", nullable = false)
    private String nameKey;

    @Column(name = "whole_group_messaging", nullable = false)
    private boolean wholeGroupMessaging;

    @ManyToMany
    @JoinTable(name = "group_member",
            joinColumns = @JoinColumn(name = "group_id"),
            inverseJoinColumns = @JoinColumn(name = "user_id"))
    private Set<User> members = new HashSet<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected ContactGroup() {
    }

    public ContactGroup(Organization organization, String name, Instant now) {
        this.organization = Objects.requireNonNull(organization, "organization");
        this.createdAt = now;
        rename(name);
    }

    /** The key that makes group names unique regardless of case and surrounding spaces. */
    public static String nameKey(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    /** What is wrong with {@code name} as a group name, or {@code null} when it will do. */
    public static String nameProblem(String name) {
        if (name == null || name.isBlank()) {
            return "Enter the group's name.";
        }
        if (name.strip().length() > NAME_MAX) {
            return "The group name can be at most " + NAME_MAX + " characters.";
        }
        return null;
    }

    public void rename(String newName) {
        String problem = nameProblem(newName);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        String stripped = newName.strip();
        this.name = stripped;
        this.nameKey = nameKey(stripped);
    }

    /** Adds a member of the group's own organization; adding a current member changes nothing. */
    public void addMember(User user) {
        if (!sameOrganization(user.getOrganization())) {
            throw new IllegalArgumentException(user.getDisplayName() + " is not a member of "
                    + organization.getName() + " and cannot join its groups.");
        }
        if (!hasMember(user)) {
            members.add(user);
        }
    }

    /**
     * Removes a member. A group left empty also loses whole-group messaging, which the console
     * only offers while the group has members.
     */
    public void removeMember(User user) {
        members.removeIf(m -> sameUser(m, user));
        if (members.isEmpty()) {
            wholeGroupMessaging = false;
        }
    }

    public boolean hasMember(User user) {
        return members.stream().anyMatch(m -> sameUser(m, user));
    }

    /** "Members can send messages to whole group": only possible while the group has members. */
    public void changeWholeGroupMessaging(boolean allowed) {
        if (allowed && members.isEmpty()) {
            throw new IllegalArgumentException("Add members to the group before letting them send to the whole group.");
        }
        this.wholeGroupMessaging = allowed;
    }

    public boolean belongsTo(Organization candidate) {
        return sameOrganization(candidate);
    }

    private boolean sameOrganization(Organization candidate) {
        return candidate == organization
                || candidate != null && candidate.getId() != null && candidate.getId().equals(organization.getId());
    }

    private static boolean sameUser(User a, User b) {
        return a == b || a.getId() != null && a.getId().equals(b.getId());
    }

    public Long getId() { return id; }
    public Organization getOrganization() { return organization; }
    public String getName() { return name; }
    public String getNameKey() { return nameKey; }
    public boolean isWholeGroupMessaging() { return wholeGroupMessaging; }
    public Set<User> getMembers() { return Collections.unmodifiableSet(members); }
    public int getMemberCount() { return members.size(); }
    public Instant getCreatedAt() { return createdAt; }
    public long getVersion() { return version; }
}
