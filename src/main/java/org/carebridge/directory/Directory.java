package org.carebridge.directory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.carebridge.group.ContactGroup;
import org.carebridge.organization.Organization;
import org.carebridge.reachability.Audience;
import org.carebridge.reachability.Reachability;
import org.carebridge.reachability.UserFilter;
import org.carebridge.user.User;

import static org.carebridge.directory.DirectoryRefusedException.Reason.BAD_REQUEST;
import static org.carebridge.directory.DirectoryRefusedException.Reason.STALE_SYNC_TOKEN;
import static org.carebridge.directory.DirectoryRefusedException.Reason.TOO_MANY_FAVORITES;
import static org.carebridge.directory.DirectoryRefusedException.Reason.UNKNOWN_CONTACT;

/**
 * A signed-in user's directory: everyone {@link Reachability} lets them reach, the groups they
 * may address as a whole, their own organization when it allows whole-organization messages,
 * favorites first; searched, paged, and synced incrementally. Who appears is decided by
 * {@link Reachability} alone: this class only narrows, orders and shapes its answers, and lists
 * people once ({@link UserFilter#LISTED}: a badge user linked to a profile is that profile).
 *
 * <h2>Incremental sync</h2>
 * The first page of the unfiltered directory stores a snapshot of the ids it holds and returns a
 * token naming the snapshot and the {@link DirectoryClock} value read before anything else.
 * {@link #changes} compares that snapshot with the present: ids no longer there are removed (for
 * any reason: permissions, affiliations, groups, deleted users), new ids are sent in full, and
 * so is everyone still there whose directory version is after the token's clock value. The
 * answer carries a new token. See docs/client-api.md.
 */
@ApplicationScoped
public class Directory {

    public static final int DEFAULT_PAGE_SIZE = 100;
    public static final int MAX_PAGE_SIZE = 500;
    /** Snapshots kept per user; a client holding an older token reloads in full. */
    static final int SNAPSHOTS_KEPT = 10;

    @PersistenceContext
    EntityManager em;

    @Inject
    Reachability reachability;

    @Inject
    DirectoryClock directoryClock;

    @Inject
    Clock clock;

    /**
     * One page of {@code caller}'s directory. {@code search} narrows people and groups to those
     * whose names contain every typed word; {@code cursor} is the previous page's
     * {@code nextCursor} ({@code null} for the first page).
     */
    @Transactional
    public DirectoryPage page(User caller, String search, Integer limit, String cursor) {
        int size = limit == null ? DEFAULT_PAGE_SIZE : limit;
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new DirectoryRefusedException(BAD_REQUEST, "limit must be between 1 and " + MAX_PAGE_SIZE + ".");
        }
        PageCursor position = cursor == null ? PageCursor.START : PageCursor.parse(cursor)
                .orElseThrow(() -> new DirectoryRefusedException(BAD_REQUEST, "The cursor is not one this server gave."));
        User me = em.find(User.class, caller.getId());
        List<String> words = UserFilter.words(search);
        boolean firstPage = cursor == null;
        // Read the clock before the directory, so nothing committed after it is taken as seen.
        long clockValue = directoryClock.current();
        Audience audience = reachability.audienceOf(me);
        Set<Long> favorites = favoriteIds(me.getId());
        UserFilter filter = UserFilter.LISTED.named(search);

        List<DirectoryEntry> entries = new ArrayList<>();
        if (firstPage) {
            addressable(me, audience).stream().filter(e -> matches(e.name(), words)).forEach(entries::add);
        }
        String next = null;
        int wanted = size;
        UserFilter.SortKey after = position.after();
        if (position.favorites()) {
            List<User> page = reachability.users(audience, me.getId(), filter.only(favorites).after(after), wanted + 1);
            if (page.size() > wanted) {
                page = page.subList(0, wanted);
                next = new PageCursor(true, keyOf(page.get(page.size() - 1))).format();
            }
            page.forEach(u -> entries.add(DirectoryEntry.of(u, true)));
            wanted -= page.size();
            after = null;
        }
        if (next == null) {
            List<User> page = reachability.users(audience, me.getId(), filter.except(favorites).after(after),
                    wanted + 1);
            if (page.size() > wanted) {
                page = page.subList(0, wanted);
                next = page.isEmpty() ? new PageCursor(false, null).format()
                        : new PageCursor(false, keyOf(page.get(page.size() - 1))).format();
            }
            page.forEach(u -> entries.add(DirectoryEntry.of(u, false)));
        }
        String token = null;
        if (firstPage && words.isEmpty()) {
            token = new SyncToken(snapshot(me, contentsNow(me, audience, favorites)).getId(), clockValue).format();
        }
        return new DirectoryPage(entries, next, token);
    }

    /** What changed in {@code caller}'s directory since {@code syncToken}; see the class comment. */
    @Transactional
    public DirectoryChanges changes(User caller, String syncToken) {
        SyncToken token = SyncToken.parse(syncToken)
                .orElseThrow(() -> new DirectoryRefusedException(BAD_REQUEST, "since must be a sync token this server gave."));
        DirectorySnapshot before = em.find(DirectorySnapshot.class, token.snapshotId());
        if (before == null || before.getUserId() != caller.getId()) {
            throw new DirectoryRefusedException(STALE_SYNC_TOKEN,
                    "This sync token can no longer be used. Load the whole directory again.");
        }
        long clockValue = directoryClock.current();
        User me = em.find(User.class, caller.getId());
        Audience audience = reachability.audienceOf(me);
        Set<Long> favorites = favoriteIds(me.getId());
        SnapshotContents then = before.contents();
        SnapshotContents now = contentsNow(me, audience, favorites);

        Set<Long> resend = new HashSet<>(now.users());
        resend.removeAll(then.users());
        for (Long id : now.users()) {
            if (then.favorites().contains(id) != now.favorites().contains(id)) {
                resend.add(id);
            }
        }
        Map<Long, DirectoryEntry> people = new LinkedHashMap<>();
        for (User u : reachability.users(audience, me.getId(), UserFilter.LISTED.changedSince(token.clock()),
                Integer.MAX_VALUE)) {
            people.put(u.getId(), DirectoryEntry.of(u, favorites.contains(u.getId())));
        }
        resend.removeAll(people.keySet());
        List<Long> ids = new ArrayList<>(resend);
        for (int from = 0; from < ids.size(); from += 1_000) {
            Set<Long> chunk = new HashSet<>(ids.subList(from, Math.min(ids.size(), from + 1_000)));
            for (User u : reachability.users(audience, me.getId(), UserFilter.LISTED.only(chunk), chunk.size())) {
                people.put(u.getId(), DirectoryEntry.of(u, favorites.contains(u.getId())));
            }
        }
        List<DirectoryEntry> changed = new ArrayList<>(addressable(me, audience));
        changed.addAll(people.values());

        DirectorySnapshot after = snapshot(me, now);
        return new DirectoryChanges(changed, missing(then.users(), now.users()), missing(then.groups(), now.groups()),
                missing(then.organizations(), now.organizations()), new SyncToken(after.getId(), clockValue).format());
    }

    /** Marks a person the caller may reach as favorite; adding one twice changes nothing. */
    @Transactional
    public void addFavorite(User caller, long contactId) {
        User me = em.find(User.class, caller.getId());
        User contact = reachableContact(me, contactId);
        if (findFavorite(me.getId(), contact.getId()).isPresent()) {
            return;
        }
        if (favoriteIds(me.getId()).size() >= Favorite.MAX_PER_USER) {
            throw new DirectoryRefusedException(TOO_MANY_FAVORITES,
                    "You can have at most " + Favorite.MAX_PER_USER + " favorites. Remove one first.");
        }
        em.persist(new Favorite(me.getId(), contact.getId(), clock.instant()));
    }

    /**
     * Removes a favorite. A favorite who is no longer reachable can still be removed; an id that
     * is neither a favorite nor reachable is answered as unknown.
     */
    @Transactional
    public void removeFavorite(User caller, long contactId) {
        Optional<Favorite> favorite = findFavorite(caller.getId(), contactId);
        if (favorite.isPresent()) {
            em.remove(favorite.get());
            return;
        }
        reachableContact(em.find(User.class, caller.getId()), contactId);
    }

    private User reachableContact(User me, long contactId) {
        User contact = em.find(User.class, contactId);
        if (contact == null || contact.getId().equals(me.getId()) || !reachability.mayReach(me, contact)) {
            throw new DirectoryRefusedException(UNKNOWN_CONTACT, "There is no such person in your directory.");
        }
        return contact;
    }

    private Optional<Favorite> findFavorite(long owner, long contact) {
        return em.createNamedQuery(Favorite.ONE, Favorite.class).setParameter("owner", owner)
                .setParameter("contact", contact).getResultList().stream().findFirst();
    }

    private Set<Long> favoriteIds(long owner) {
        return new HashSet<>(em.createNamedQuery(Favorite.IDS_OF, Long.class).setParameter("owner", owner)
                .getResultList());
    }

    /** The caller's organization when it allows whole-organization messages, then addressable groups. */
    private List<DirectoryEntry> addressable(User me, Audience audience) {
        List<DirectoryEntry> entries = new ArrayList<>();
        Organization own = me.getOrganization();
        if (own.isWholeOrganizationMessaging()) {
            entries.add(DirectoryEntry.of(own));
        }
        reachability.addressableGroups(audience).forEach(g -> entries.add(DirectoryEntry.of(g)));
        return entries;
    }

    private SnapshotContents contentsNow(User me, Audience audience, Set<Long> favorites) {
        Set<Long> users = new HashSet<>(reachability.userIds(audience, me.getId(), UserFilter.LISTED));
        Set<Long> groups = new HashSet<>();
        reachability.addressableGroups(audience).forEach(g -> groups.add(g.getId()));
        Set<Long> organizations = me.getOrganization().isWholeOrganizationMessaging()
                ? Set.of(me.getOrganization().getId()) : Set.of();
        Set<Long> reachableFavorites = new HashSet<>(favorites);
        reachableFavorites.retainAll(users);
        return new SnapshotContents(users, groups, organizations, reachableFavorites);
    }

    /** Stores {@code contents} for {@code me}, reusing the newest snapshot when identical; keeps a few. */
    private DirectorySnapshot snapshot(User me, SnapshotContents contents) {
        DirectorySnapshot candidate = new DirectorySnapshot(me.getId(), contents, clock.instant());
        List<DirectorySnapshot> newest = em.createNamedQuery(DirectorySnapshot.NEWEST_OF, DirectorySnapshot.class)
                .setParameter("user", me.getId()).setMaxResults(1).getResultList();
        if (!newest.isEmpty() && newest.get(0).getFingerprint().equals(candidate.getFingerprint())) {
            return newest.get(0);
        }
        em.persist(candidate);
        em.flush();
        List<Long> ids = em.createNamedQuery(DirectorySnapshot.IDS_OF, Long.class).setParameter("user", me.getId())
                .getResultList();
        List<Long> old = ids.stream().filter(id -> !id.equals(candidate.getId())).skip(SNAPSHOTS_KEPT - 1L).toList();
        if (!old.isEmpty()) {
            em.createQuery("delete from DirectorySnapshot s where s.id in :ids").setParameter("ids", old).executeUpdate();
        }
        return candidate;
    }

    private static List<Long> missing(Set<Long> then, Set<Long> now) {
        return then.stream().filter(id -> !now.contains(id)).sorted(Comparator.naturalOrder()).toList();
    }

    private static UserFilter.SortKey keyOf(User user) {
        return new UserFilter.SortKey(user.getLastName(), user.getFirstName(), user.getId());
    }

    private static boolean matches(String name, List<String> words) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return words.stream().allMatch(lower::contains);
    }
}
