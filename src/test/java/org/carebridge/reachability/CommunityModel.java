package org.carebridge.reachability;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.carebridge.affiliation.AssociationPermission;

/**
 * A deliberately naive model of organizations, affiliations, groups and users, with the
 * community rule written straight from the guide's definition (pairs, then every possible
 * bridging hospital). Tests compare the real implementation against it.
 */
final class CommunityModel {

    record Org(long id, boolean hospital) {
    }

    record Aff(long a, long b, boolean active, AssociationPermission aPermission, Set<Long> aGroups,
            AssociationPermission bPermission, Set<Long> bGroups) {

        boolean between(long x, long y) {
            return (a == x && b == y) || (a == y && b == x);
        }

        AssociationPermission permission(long side) {
            return side == a ? aPermission : bPermission;
        }

        Set<Long> groups(long side) {
            return side == a ? aGroups : bGroups;
        }
    }

    record Person(long id, long org, Set<Long> groups) {
    }

    final Map<Long, Org> orgs = new HashMap<>();
    final List<Aff> affiliations = new ArrayList<>();
    final Map<Long, Person> people = new HashMap<>();
    /** Group id → owning organization. */
    final Map<Long, Long> groupOwners = new HashMap<>();

    Org org(long id, boolean hospital) {
        Org org = new Org(id, hospital);
        orgs.put(id, org);
        return org;
    }

    void affiliate(long a, long b) {
        affiliations.add(new Aff(a, b, true, AssociationPermission.WHOLE_ORGANIZATION, Set.of(),
                AssociationPermission.WHOLE_ORGANIZATION, Set.of()));
    }

    Person person(long id, long org, Long... groups) {
        Person p = new Person(id, org, Set.of(groups));
        people.put(id, p);
        return p;
    }

    private boolean exposes(Aff aff, long side, Person p) {
        return switch (aff.permission(side)) {
            case NONE -> false;
            case WHOLE_ORGANIZATION -> true;
            case GROUPS -> aff.groups(side).stream().anyMatch(p.groups()::contains);
        };
    }

    private boolean pairAllows(long x, Person u, long y, Person v, long via) {
        for (Aff first : affiliations) {
            if (!first.active() || !first.between(x, via) || !exposes(first, x, u)) {
                continue;
            }
            for (Aff second : affiliations) {
                if (second.active() && second.between(y, via) && exposes(second, y, v)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The guide's rule, literally. */
    boolean mayReach(long from, long to) {
        Person u = people.get(from);
        Person v = people.get(to);
        long x = u.org();
        long y = v.org();
        if (x == y) {
            return true;
        }
        for (Aff aff : affiliations) {
            if (aff.active() && aff.between(x, y) && exposes(aff, x, u) && exposes(aff, y, v)) {
                return true;
            }
        }
        for (Org h : orgs.values()) {
            if (h.hospital() && h.id() != x && h.id() != y && pairAllows(x, u, y, v, h.id())) {
                return true;
            }
        }
        return false;
    }

    /** The edges the implementation is given: active affiliations only. */
    List<AffiliationEdge> activeEdges() {
        List<AffiliationEdge> edges = new ArrayList<>();
        for (Aff aff : affiliations) {
            if (aff.active()) {
                edges.add(new AffiliationEdge(aff.a(), orgs.get(aff.a()).hospital(), aff.aPermission(),
                        aff.b(), orgs.get(aff.b()).hospital(), aff.bPermission(),
                        Map.of(aff.a(), aff.aGroups(), aff.b(), aff.bGroups())));
            }
        }
        return edges;
    }

    /** A random world: organizations of both kinds, affiliations in every state and permission. */
    static CommunityModel random(Random random, int organizations, int people) {
        CommunityModel model = new CommunityModel();
        for (long o = 1; o <= organizations; o++) {
            model.org(o, random.nextBoolean());
            for (int g = 0; g < 2; g++) {
                model.groupOwners.put(o * 100 + g, o);
            }
        }
        for (long a = 1; a <= organizations; a++) {
            for (long b = a + 1; b <= organizations; b++) {
                if (random.nextInt(3) == 0) {
                    model.affiliations.add(new Aff(a, b, random.nextInt(5) > 0,
                            randomPermission(random), randomGroups(random, a),
                            randomPermission(random), randomGroups(random, b)));
                }
            }
        }
        for (long p = 1; p <= people; p++) {
            long org = 1 + random.nextInt(organizations);
            Set<Long> groups = new HashSet<>();
            for (int g = 0; g < 2; g++) {
                if (random.nextBoolean()) {
                    groups.add(org * 100 + g);
                }
            }
            model.people.put(p, new Person(p, org, groups));
        }
        // Permissions of kind GROUPS always name at least one group, as the console requires.
        model.affiliations.replaceAll(aff -> new Aff(aff.a(), aff.b(), aff.active(),
                aff.aPermission(), aff.aPermission() == AssociationPermission.GROUPS ? aff.aGroups() : Set.of(),
                aff.bPermission(), aff.bPermission() == AssociationPermission.GROUPS ? aff.bGroups() : Set.of()));
        return model;
    }

    private static AssociationPermission randomPermission(Random random) {
        AssociationPermission[] all = AssociationPermission.values();
        return all[random.nextInt(all.length)];
    }

    private static Set<Long> randomGroups(Random random, long org) {
        Set<Long> groups = new HashSet<>();
        groups.add(org * 100 + random.nextInt(2));
        if (random.nextBoolean()) {
            groups.add(org * 100 + random.nextInt(2));
        }
        return groups;
    }
}
