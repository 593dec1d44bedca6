package org.carebridge.reachability;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The community rule, as pure logic. A user of organization X who belongs to groups G reaches:
 * <ul>
 * <li>every member of X;</li>
 * <li>across each active affiliation X–Y, if X exposes the user to Y: the members Y exposes to X;</li>
 * <li>through each hospital H affiliated with X, if X exposes the user to H: for every other
 *     organization Z affiliated with H, the members Z exposes to H (one level only; practices
 *     bridge nobody).</li>
 * </ul>
 * "Exposes" is the side's association permission: none, the whole organization, or members of
 * chosen groups. Only active affiliations are given to this class.
 */
final class AudienceRule {

    private AudienceRule() {
    }

    /**
     * @param organization the user's organization (X)
     * @param userGroups   the groups the user belongs to
     * @param edges        the active affiliations of X and of every hospital affiliated with X
     */
    static Audience audience(long organization, Set<Long> userGroups, List<AffiliationEdge> edges) {
        Set<Long> wholeOrganizations = new HashSet<>();
        Set<Long> groups = new HashSet<>();
        wholeOrganizations.add(organization);
        for (AffiliationEdge direct : edges) {
            if (!direct.involves(organization) || !direct.exposes(organization, userGroups)) {
                continue;
            }
            long affiliate = direct.otherSide(organization);
            grant(direct, affiliate, wholeOrganizations, groups);
            if (direct.isHospital(affiliate)) {
                for (AffiliationEdge bridged : edges) {
                    if (bridged == direct || !bridged.involves(affiliate)) {
                        continue;
                    }
                    long member = bridged.otherSide(affiliate);
                    if (member != organization) {
                        grant(bridged, member, wholeOrganizations, groups);
                    }
                }
            }
        }
        return new Audience(organization, wholeOrganizations, groups);
    }

    /**
     * What an organization as a whole may list of its direct affiliates, for its on-premises
     * connector: its own members, and across each active affiliation what the other side exposes
     * to it. No bridging through hospitals: the connector lists affiliates only.
     */
    static Audience affiliatesOf(long organization, List<AffiliationEdge> edges) {
        Set<Long> wholeOrganizations = new HashSet<>();
        Set<Long> groups = new HashSet<>();
        wholeOrganizations.add(organization);
        for (AffiliationEdge direct : edges) {
            if (direct.involves(organization)) {
                grant(direct, direct.otherSide(organization), wholeOrganizations, groups);
            }
        }
        return new Audience(organization, wholeOrganizations, groups);
    }

    /** Adds what {@code side} exposes across {@code edge}. */
    private static void grant(AffiliationEdge edge, long side, Set<Long> wholeOrganizations, Set<Long> groups) {
        switch (edge.permissionOf(side)) {
            case NONE -> { }
            case WHOLE_ORGANIZATION -> wholeOrganizations.add(side);
            case GROUPS -> groups.addAll(edge.chosenGroupsOf(side));
        }
    }
}
