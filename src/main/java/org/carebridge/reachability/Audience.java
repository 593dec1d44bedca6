package org.carebridge.reachability;

import java.util.Collection;
import java.util.Set;

/**
 * Everyone a user may reach, described by the few facts that decide it: organizations whose
 * members are all reachable (the user's own among them), and groups whose members are.
 * Asking it is cheap; turning it into users is one database query.
 */
public record Audience(long ownOrganization, Set<Long> wholeOrganizations, Set<Long> groups) {

    public Audience {
        wholeOrganizations = Set.copyOf(wholeOrganizations);
        groups = Set.copyOf(groups);
    }

    /** Whether a user of {@code organizationId} who belongs to {@code groupIds} is in this audience. */
    public boolean includes(long organizationId, Collection<Long> groupIds) {
        if (wholeOrganizations.contains(organizationId)) {
            return true;
        }
        for (Long group : groupIds) {
            if (groups.contains(group)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a group may be addressed as a whole: any group of an organization reachable in
     * full, or a group the other side chose to share.
     */
    public boolean includesGroup(long groupId, long groupOrganizationId) {
        return wholeOrganizations.contains(groupOrganizationId) || groups.contains(groupId);
    }
}
