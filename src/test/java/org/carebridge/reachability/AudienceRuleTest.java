package org.carebridge.reachability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.carebridge.affiliation.AssociationPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The community rule on the guide's worked examples, permissions, and random worlds. */
class AudienceRuleTest {

    // Organizations of the guide's examples.
    static final long A = 1, B = 2, C = 3, D = 4, P1 = 11, P2 = 12, P3 = 13;

    private static boolean reach(CommunityModel model, long fromOrg, long toOrg) {
        long from = fromOrg * 1000;
        long to = toOrg * 1000;
        Audience audience = AudienceRule.audience(fromOrg, model.people.get(from).groups(), model.activeEdges());
        boolean actual = audience.includes(toOrg, model.people.get(to).groups());
        assertEquals(model.mayReach(from, to), actual, "model and rule disagree for " + fromOrg + " → " + toOrg);
        return actual;
    }

    /** Hospitals A–D: A with B and C, B with D. */
    static CommunityModel hospitals() {
        CommunityModel m = new CommunityModel();
        for (long h : new long[] {A, B, C, D}) {
            m.org(h, true);
            m.person(h * 1000, h);
        }
        m.affiliate(A, B);
        m.affiliate(A, C);
        m.affiliate(B, D);
        return m;
    }

    /** Hospital A with Practice 1, Hospital B, Practice 2; Hospital C with Practice 1; Practice 3 with Hospital B. */
    static CommunityModel practices() {
        CommunityModel m = new CommunityModel();
        for (long h : new long[] {A, B, C}) {
            m.org(h, true);
            m.person(h * 1000, h);
        }
        for (long p : new long[] {P1, P2, P3}) {
            m.org(p, false);
            m.person(p * 1000, p);
        }
        m.affiliate(A, P1);
        m.affiliate(A, B);
        m.affiliate(A, P2);
        m.affiliate(C, P1);
        m.affiliate(B, P3);
        return m;
    }

    static Stream<Arguments> guideExamples() {
        return Stream.of(
                // Hospitals B and C are both in A's community.
                Arguments.of("hospitals", B, C, true),
                Arguments.of("hospitals", A, B, true),
                // A and D are both in B's community.
                Arguments.of("hospitals", A, D, true),
                Arguments.of("hospitals", D, A, true),
                // D is two levels from A's community: C and D cannot talk.
                Arguments.of("hospitals", C, D, false),
                Arguments.of("hospitals", D, C, false),
                // Everyone in A's community talks.
                Arguments.of("practices", P1, B, true),
                Arguments.of("practices", P1, P2, true),
                Arguments.of("practices", B, P2, true),
                Arguments.of("practices", A, P1, true),
                // C reaches A only through Practice 1, and practices make no community.
                Arguments.of("practices", A, C, false),
                Arguments.of("practices", C, A, false),
                Arguments.of("practices", C, P1, true),
                Arguments.of("practices", C, P2, false),
                // Practice 3 and A are in B's community.
                Arguments.of("practices", P3, A, true),
                Arguments.of("practices", P3, B, true),
                // Practice 3 and Practice 2 share no community.
                Arguments.of("practices", P3, P2, false),
                Arguments.of("practices", P2, P3, false),
                Arguments.of("practices", P3, P1, false),
                Arguments.of("practices", P3, C, false));
    }

    @ParameterizedTest(name = "{0}: {1} → {2} is {3}")
    @MethodSource("guideExamples")
    void theGuidesWorkedExamples(String world, long from, long to, boolean expected) {
        CommunityModel model = world.equals("hospitals") ? hospitals() : practices();
        assertEquals(expected, reach(model, from, to));
    }

    private static CommunityModel pair(AssociationPermission aPermission, Set<Long> aGroups, boolean active) {
        CommunityModel m = new CommunityModel();
        m.org(A, true);
        m.org(P1, false);
        m.affiliations.add(new CommunityModel.Aff(A, P1, active, aPermission, aGroups,
                AssociationPermission.WHOLE_ORGANIZATION, Set.of()));
        m.person(A * 1000, A, 100L);         // in A's group 100
        m.person(A * 1000 + 1, A);           // in no group
        m.person(P1 * 1000, P1);
        return m;
    }

    private static boolean personReach(CommunityModel m, long from, long to) {
        Audience audience = AudienceRule.audience(m.people.get(from).org(), m.people.get(from).groups(), m.activeEdges());
        boolean actual = audience.includes(m.people.get(to).org(), m.people.get(to).groups());
        assertEquals(m.mayReach(from, to), actual);
        return actual;
    }

    @Test
    void permissionNoneHidesTheWholeSideBothWays() {
        CommunityModel m = pair(AssociationPermission.NONE, Set.of(), true);
        assertFalse(personReach(m, P1 * 1000, A * 1000));
        assertFalse(personReach(m, A * 1000, P1 * 1000));
    }

    @Test
    void chosenGroupsExposeOnlyTheirMembers() {
        CommunityModel m = pair(AssociationPermission.GROUPS, Set.of(100L), true);
        assertTrue(personReach(m, P1 * 1000, A * 1000), "member of the chosen group");
        assertFalse(personReach(m, P1 * 1000, A * 1000 + 1), "outside the chosen group");
        assertTrue(personReach(m, A * 1000, P1 * 1000));
        assertFalse(personReach(m, A * 1000 + 1, P1 * 1000), "a hidden user cannot reach out either");
        assertTrue(personReach(m, A * 1000 + 1, A * 1000), "own organization is always reachable");
    }

    @Test
    void endedOrPendingAffiliationsCountForNothing() {
        CommunityModel m = pair(AssociationPermission.WHOLE_ORGANIZATION, Set.of(), false);
        assertFalse(personReach(m, P1 * 1000, A * 1000));
    }

    @Test
    void anIndirectPairUsesEachSidesPermissionTowardTheBridgingHospital() {
        CommunityModel m = practices();
        // Practice 1 shares only group 1100 with A; Practice 2 shares everyone with A.
        m.affiliations.replaceAll(aff -> aff.between(A, P1)
                ? new CommunityModel.Aff(aff.a(), aff.b(), true, AssociationPermission.WHOLE_ORGANIZATION, Set.of(),
                        AssociationPermission.GROUPS, Set.of(1100L))
                : aff);
        m.person(P1 * 1000 + 1, P1, 1100L);
        assertFalse(personReach(m, P2 * 1000, P1 * 1000), "P1's ungrouped member is hidden from A, so from P2");
        assertTrue(personReach(m, P2 * 1000, P1 * 1000 + 1), "P1's shared group reaches P2 through A");
        assertTrue(personReach(m, P1 * 1000, C * 1000), "P1 still shares everyone with C directly");
    }

    @Test
    void groupsAreAddressableWhenTheirOrganizationOrTheGroupItselfIsShared() {
        CommunityModel m = pair(AssociationPermission.GROUPS, Set.of(100L), true);
        Audience fromPractice = AudienceRule.audience(P1, Set.of(), m.activeEdges());
        assertTrue(fromPractice.includesGroup(100L, A));
        assertFalse(fromPractice.includesGroup(101L, A));
        Audience fromHospital = AudienceRule.audience(A, Set.of(100L), m.activeEdges());
        assertTrue(fromHospital.includesGroup(1100L, P1), "P1 shares its whole organization");
    }

    @Test
    void randomWorldsAgreeWithTheModel() {
        Random random = new Random(20261124L);
        int pairs = 0;
        for (int world = 0; world < 400; world++) {
            CommunityModel m = CommunityModel.random(random, 3 + random.nextInt(6), 12);
            List<Long> ids = new ArrayList<>(m.people.keySet());
            for (long from : ids) {
                CommunityModel.Person u = m.people.get(from);
                Audience audience = AudienceRule.audience(u.org(), u.groups(), m.activeEdges());
                for (long to : ids) {
                    CommunityModel.Person v = m.people.get(to);
                    assertEquals(m.mayReach(from, to), audience.includes(v.org(), v.groups()),
                            "world " + world + ": " + from + " → " + to);
                    pairs++;
                }
            }
        }
        assertTrue(pairs > 50_000, "enough pairs checked: " + pairs);
    }

    @Test
    void reachabilityIsSymmetric() {
        Random random = new Random(7L);
        for (int world = 0; world < 200; world++) {
            CommunityModel m = CommunityModel.random(random, 6, 10);
            for (long from : m.people.keySet()) {
                for (long to : m.people.keySet()) {
                    assertEquals(m.mayReach(from, to), m.mayReach(to, from));
                }
            }
        }
    }
}
