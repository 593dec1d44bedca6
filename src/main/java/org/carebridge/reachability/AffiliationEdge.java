package org.carebridge.reachability;

import java.util.Map;
import java.util.Set;

import org.carebridge.affiliation.AssociationPermission;

/**
 * One active affiliation as the reachability rule sees it: the two organizations, whether each
 * is a hospital, and what each side exposes to the other (its permission and, for chosen
 * groups, which ones).
 */
record AffiliationEdge(long low, boolean lowIsHospital, AssociationPermission lowPermission,
        long high, boolean highIsHospital, AssociationPermission highPermission,
        Map<Long, Set<Long>> chosenGroupsBySide) {

    boolean involves(long organization) {
        return low == organization || high == organization;
    }

    long otherSide(long organization) {
        return organization == low ? high : low;
    }

    boolean isHospital(long organization) {
        return organization == low ? lowIsHospital : highIsHospital;
    }

    AssociationPermission permissionOf(long organization) {
        return organization == low ? lowPermission : highPermission;
    }

    Set<Long> chosenGroupsOf(long organization) {
        return chosenGroupsBySide.getOrDefault(organization, Set.of());
    }

    /** Whether {@code side} exposes a member who belongs to {@code memberGroups} across this affiliation. */
    boolean exposes(long side, Set<Long> memberGroups) {
        return switch (permissionOf(side)) {
            case NONE -> false;
            case WHOLE_ORGANIZATION -> true;
            case GROUPS -> chosenGroupsOf(side).stream().anyMatch(memberGroups::contains);
        };
    }
}
