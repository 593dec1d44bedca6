package org.carebridge.directory;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a directory. The first page of the unfiltered directory also carries the sync
 * token for {@code /directory/changes}.
 */
@Schema(name = "DirectoryPage")
public record DirectoryPage(
        @Schema(description = "The caller's organization and addressable groups (first page only), then favorites,"
                + " then everyone else by last name, first name")
        List<DirectoryEntry> entries,
        @Schema(description = "Pass as cursor to get the next page; absent on the last page")
        String nextCursor,
        @Schema(description = "Keep it and ask /directory/changes?since=<token> next time (first page of the"
                + " unfiltered directory only)")
        String syncToken) {
}
