package org.carebridge.directory;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What changed in a directory since a sync token: entries to add or replace, ids to drop, and
 * the token for next time. Group and organization entries are few and always sent in full.
 */
@Schema(name = "DirectoryChanges")
public record DirectoryChanges(
        @Schema(description = "People added or changed since the token, and every addressable group and organization")
        List<DirectoryEntry> changed,
        @Schema(description = "Ids of people no longer in the directory (deleted, or no longer reachable)")
        List<Long> removedUsers,
        @Schema(description = "Ids of groups no longer addressable")
        List<Long> removedGroups,
        @Schema(description = "Ids of organizations no longer addressable as a whole")
        List<Long> removedOrganizations,
        @Schema(description = "The token for the next call")
        String syncToken) {
}
