package org.carebridge.reachability;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import org.carebridge.affiliation.AssociationPermission;
import org.carebridge.group.ContactGroup;
import org.carebridge.organization.OrganizationKind;
import org.carebridge.platform.persistence.LikePatterns;
import org.carebridge.user.User;

/**
 * Who may reach whom: the one implementation of the community rule ({@link AudienceRule}) over
 * the database. The directory, sending, group addressing and the connector's reverse sync all
 * ask here. Works in a handful of small queries whatever the number of users: the
 * affiliations around the user's organization, the user's groups, then one set-based query for
 * the users themselves.
 */
@ApplicationScoped
public class Reachability {

    private static final List<Long> NONE = List.of(-1L);
    /** Ids per IN list: far below every database's parameter limit. */
    private static final int CHUNK = 1_000;

    @PersistenceContext
    EntityManager em;

    /** Everyone {@code user} may reach. */
    public Audience audienceOf(User user) {
        long organization = user.getOrganization().getId();
        List<AffiliationEdge> edges = edgesAround(organization);
        return AudienceRule.audience(organization, groupsOf(user.getId()), edges);
    }

    /** Whether {@code from} may reach {@code to} (message, call, see in the directory). */
    public boolean mayReach(User from, User to) {
        if (from.isRemoved() || to.isRemoved()) {
            return false;
        }
        if (from.getId().equals(to.getId())) {
            return true;
        }
        return audienceOf(from).includes(to.getOrganization().getId(), groupsOf(to.getId()));
    }

    /** Whether {@code from} may address {@code group} as a whole (its own whole-group setting aside). */
    public boolean mayReachGroup(User from, ContactGroup group) {
        return audienceOf(from).includesGroup(group.getId(), group.getOrganization().getId());
    }

    /**
     * The users an organization's on-premises connector lists (the reverse sync), in directory
     * order: its own native users, the native users its direct affiliates expose to it, and
     * their external users only when linked to a native profile. Its own external users come
     * from the connector itself and are not sent back.
     */
    public List<User> connectorListing(long organizationId) {
        Audience audience = AudienceRule.affiliatesOf(organizationId, edgesAround(organizationId));
        return em.createQuery("select u from User u join fetch u.organization"
                        + " where (u.organization.id in :organizations or exists (select g.id from ContactGroup g"
                        + " join g.members m where m = u and g.id in :groups))"
                        + " and (u.kind = org.carebridge.user.UserKind.NATIVE or (u.linkedUser is not null"
                        + " and u.organization.id <> :own)) and u.removedAt is null"
                        + " order by u.lastName, u.firstName, u.id", User.class)
                .setParameter("organizations", nonEmpty(audience.wholeOrganizations()))
                .setParameter("groups", nonEmpty(audience.groups()))
                .setParameter("own", organizationId)
                .getResultList();
    }

    /** The users of an audience, in directory order; excludes {@code except} (the asking user). */
    public List<User> users(Audience audience, Long except, int first, int max) {
        return usersQuery(audience, except, UserFilter.ALL, User.class, "select u").setFirstResult(first)
                .setMaxResults(max).getResultList();
    }

    /**
     * The users of an audience that pass {@code filter}, in directory order (last name, first
     * name, id), at most {@code max}; excludes {@code except} (the asking user). Organizations
     * come with them, so listing their names costs no further query.
     */
    public List<User> users(Audience audience, Long except, UserFilter filter, int max) {
        return usersQuery(audience, except, filter, User.class, "select u").setMaxResults(max).getResultList();
    }

    public long countUsers(Audience audience, Long except) {
        return usersQuery(audience, except, UserFilter.ALL, Long.class, "select count(u)").getSingleResult();
    }

    /** Ids of every user in an audience: for fan-out and sync, where no paging applies. */
    public List<Long> userIds(Audience audience) {
        return usersQuery(audience, null, UserFilter.ALL, Long.class, "select u.id").getResultList();
    }

    /** Ids of the users in an audience that pass {@code filter}, unordered; excludes {@code except}. */
    public List<Long> userIds(Audience audience, Long except, UserFilter filter) {
        return usersQuery(audience, except, filter, Long.class, "select u.id").getResultList();
    }

    /**
     * Which of {@code candidates} may reach {@code user} (and so see its presence). Reachability
     * is symmetric (u reaches v exactly when v reaches u; {@code AudienceRuleTest} checks it on
     * random worlds), so this is the candidates in {@code user}'s own audience: one query per
     * chunk of candidates, never one per candidate.
     */
    public Set<Long> whoMayReach(User user, Collection<Long> candidates) {
        Set<Long> found = new HashSet<>();
        if (candidates.isEmpty()) {
            return found;
        }
        Audience audience = audienceOf(user);
        List<Long> all = new ArrayList<>(new HashSet<>(candidates));
        for (int from = 0; from < all.size(); from += CHUNK) {
            Set<Long> chunk = new HashSet<>(all.subList(from, Math.min(all.size(), from + CHUNK)));
            found.addAll(userIds(audience, null, UserFilter.ALL.only(chunk)));
        }
        if (candidates.contains(user.getId())) {
            found.add(user.getId());
        }
        return found;
    }

    /**
     * Groups of an audience that may be addressed as a whole now: whole-group messaging is on,
     * and {@link Audience#includesGroup} passes (a group of an organization reachable in full,
     * or a group its organization shared). Sorted by name, then id.
     */
    public List<ContactGroup> addressableGroups(Audience audience) {
        return em.createQuery("select g from ContactGroup g join fetch g.organization where g.wholeGroupMessaging = true"
                        + " and (g.organization.id in :organizations or g.id in :groups) order by g.name, g.id",
                        ContactGroup.class)
                .setParameter("organizations", nonEmpty(audience.wholeOrganizations()))
                .setParameter("groups", nonEmpty(audience.groups()))
                .getResultList();
    }

    /**
     * Everyone a message to a whole organization reaches: its members, except users a sync
     * removed. Whether the sender may address the organization is the caller's question.
     */
    public List<User> organizationMembers(long organizationId) {
        return em.createQuery("select u from User u where u.organization.id = :organization and u.removedAt is null"
                + " order by u.id", User.class).setParameter("organization", organizationId).getResultList();
    }

    /**
     * Everyone a message to a whole group reaches: its members, except users a sync removed
     * (a removal also takes the user out of its groups; this holds whatever the order).
     */
    public List<User> groupMembers(ContactGroup group) {
        return group.getMembers().stream().filter(u -> !u.isRemoved())
                .sorted(java.util.Comparator.comparing(User::getId)).toList();
    }

    private <T> TypedQuery<T> usersQuery(Audience audience, Long except, UserFilter filter, Class<T> type,
            String select) {
        boolean entities = type == User.class;
        StringBuilder jpql = new StringBuilder(select).append(" from User u");
        if (entities) {
            jpql.append(" join fetch u.organization");
        }
        jpql.append(" where (u.organization.id in :organizations or exists (select g.id from ContactGroup g"
                + " join g.members m where m = u and g.id in :groups)) and u.id <> :except"
                // Users a sync removed stay for history only: nobody reaches them.
                + " and u.removedAt is null");
        for (int i = 0; i < filter.nameWords().size(); i++) {
            jpql.append(" and (lower(u.firstName) like :w").append(i).append(" escape '\\'")
                    .append(" or lower(u.lastName) like :w").append(i).append(" escape '\\'")
                    .append(" or lower(u.nickname) like :w").append(i).append(" escape '\\')");
        }
        if (filter.onlyIds() != null) {
            jpql.append(" and u.id in :only");
        }
        if (filter.exceptIds() != null && !filter.exceptIds().isEmpty()) {
            jpql.append(" and u.id not in :exceptIds");
        }
        if (filter.changedSince() != null) {
            jpql.append(" and u.directoryVersion > :since");
        }
        if (filter.asListed()) {
            jpql.append(" and u.linkedUser is null");
        }
        if (filter.after() != null) {
            jpql.append(" and (u.lastName > :afterLast or (u.lastName = :afterLast and (u.firstName > :afterFirst"
                    + " or (u.firstName = :afterFirst and u.id > :afterId))))");
        }
        if (entities) {
            jpql.append(" order by u.lastName, u.firstName, u.id");
        }
        TypedQuery<T> query = em.createQuery(jpql.toString(), type)
                .setParameter("organizations", nonEmpty(audience.wholeOrganizations()))
                .setParameter("groups", nonEmpty(audience.groups()))
                .setParameter("except", except == null ? -1L : except);
        for (int i = 0; i < filter.nameWords().size(); i++) {
            query.setParameter("w" + i, LikePatterns.containing(filter.nameWords().get(i)));
        }
        if (filter.onlyIds() != null) {
            query.setParameter("only", nonEmpty(filter.onlyIds()));
        }
        if (filter.exceptIds() != null && !filter.exceptIds().isEmpty()) {
            query.setParameter("exceptIds", filter.exceptIds());
        }
        if (filter.changedSince() != null) {
            query.setParameter("since", filter.changedSince());
        }
        if (filter.after() != null) {
            query.setParameter("afterLast", filter.after().lastName())
                    .setParameter("afterFirst", filter.after().firstName())
                    .setParameter("afterId", filter.after().id());
        }
        return query;
    }

    private Set<Long> groupsOf(long userId) {
        return new HashSet<>(em.createQuery("select g.id from ContactGroup g join g.members m where m.id = :user",
                Long.class).setParameter("user", userId).getResultList());
    }

    /** Active affiliations of the organization and of every hospital among its affiliates. */
    private List<AffiliationEdge> edgesAround(long organization) {
        List<Object[]> direct = edgeRows(List.of(organization));
        Set<Long> hospitals = new HashSet<>();
        for (Object[] row : direct) {
            long low = (Long) row[1];
            long high = (Long) row[4];
            if (low != organization && row[2] == OrganizationKind.HOSPITAL) {
                hospitals.add(low);
            }
            if (high != organization && row[5] == OrganizationKind.HOSPITAL) {
                hospitals.add(high);
            }
        }
        Map<Long, Object[]> rows = new HashMap<>();
        direct.forEach(r -> rows.put((Long) r[0], r));
        if (!hospitals.isEmpty()) {
            edgeRows(hospitals).forEach(r -> rows.put((Long) r[0], r));
        }
        Map<Long, Map<Long, Set<Long>>> chosen = chosenGroups(rows.keySet());
        List<AffiliationEdge> edges = new ArrayList<>(rows.size());
        for (Object[] r : rows.values()) {
            edges.add(new AffiliationEdge((Long) r[1], r[2] == OrganizationKind.HOSPITAL, (AssociationPermission) r[3],
                    (Long) r[4], r[5] == OrganizationKind.HOSPITAL, (AssociationPermission) r[6],
                    chosen.getOrDefault((Long) r[0], Map.of())));
        }
        return edges;
    }

    private List<Object[]> edgeRows(Collection<Long> organizations) {
        return em.createQuery("select a.id, a.organizationLow.id, a.organizationLow.kind, a.lowPermission,"
                        + " a.organizationHigh.id, a.organizationHigh.kind, a.highPermission from Affiliation a"
                        + " where a.state = org.carebridge.affiliation.AffiliationState.ACTIVE"
                        + " and (a.organizationLow.id in :organizations or a.organizationHigh.id in :organizations)",
                Object[].class).setParameter("organizations", organizations).getResultList();
    }

    private Map<Long, Map<Long, Set<Long>>> chosenGroups(Collection<Long> affiliationIds) {
        Map<Long, Map<Long, Set<Long>>> chosen = new HashMap<>();
        if (affiliationIds.isEmpty()) {
            return chosen;
        }
        List<Object[]> rows = em.createQuery("select a.id, c.organization.id, c.group.id from Affiliation a"
                + " join a.chosenGroups c where a.id in :ids", Object[].class)
                .setParameter("ids", affiliationIds).getResultList();
        for (Object[] row : rows) {
            chosen.computeIfAbsent((Long) row[0], k -> new HashMap<>())
                    .computeIfAbsent((Long) row[1], k -> new HashSet<>()).add((Long) row[2]);
        }
        return chosen;
    }

    private static Collection<Long> nonEmpty(Set<Long> ids) {
        return ids.isEmpty() ? NONE : ids;
    }
}
